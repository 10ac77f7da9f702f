import type { SixStandard, StationFacility, StationStatus } from '../../../../contracts/stations/codes';
import type { StationInput, StationListItem, StationUpdate } from './types';

/** The station form's fields (the code only when creating). */
export interface StationFormValues {
  code?: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  regionCode: string;
  operatorName?: string | null;
  open24h: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
  areaM2?: number | null;
  facilities?: StationFacility[];
  standards?: SixStandard[];
  status: StationStatus;
}

/** A new station starts open, every day from 07:00 to 22:00 (the usual sign), with nothing ticked. */
export const NEW_STATION: Partial<StationFormValues> = {
  open24h: false,
  opensAt: '07:00',
  closesAt: '22:00',
  facilities: [],
  standards: [],
  status: 'open',
};

/** "HH:MM", 00:00–23:59: the spelling the API takes. */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form's values for a station being edited. */
export function formValuesOf(s: StationListItem): StationFormValues {
  return {
    name: s.name,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
    regionCode: s.regionCode,
    operatorName: s.operatorName,
    open24h: s.open24h,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    areaM2: s.areaM2,
    facilities: s.facilities,
    standards: s.standards,
    status: s.status,
  };
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * What the form sends, without the code: a 24-hour station sends no times (the server refuses
 * them next to open24h), blank texts are null, and the host union, which the form does not show,
 * is sent back as it was so that an edit keeps it.
 */
export function stationBody(v: StationFormValues, hostOrganizationId: string | null): Omit<StationInput, 'code'> {
  return {
    name: v.name.trim(),
    address: v.address.trim(),
    lat: v.lat,
    lng: v.lng,
    regionCode: v.regionCode,
    hostOrganizationId,
    operatorName: blank(v.operatorName),
    open24h: v.open24h,
    opensAt: v.open24h ? null : blank(v.opensAt),
    closesAt: v.open24h ? null : blank(v.closesAt),
    areaM2: v.areaM2 ?? null,
    facilities: v.facilities ?? [],
    standards: v.standards ?? [],
    status: v.status,
  };
}

/** POST /api/stations: the body with the code, as printed under the QR (upper case). */
export const createBody = (v: StationFormValues): StationInput => ({
  code: (v.code ?? '').trim().toUpperCase(),
  ...stationBody(v, null),
});

/** PUT /api/stations/:code: the body at the version the form was opened on. */
export const updateBody = (v: StationFormValues, station: StationListItem): StationUpdate => ({
  ...stationBody(v, station.hostOrganizationId),
  expectedVersion: station.version,
});
