import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useApiMutation, useApiQuery } from '../../app/query';
import { stationKeys, stationPath, stationQrHref } from './queryKeys';
import type { Device, DeviceCreated, DeviceInput, Station, VisitPage } from './types';
import { useStationLive } from './useStationLive';

/** How often the page asks for the visits and today's figures again, so a new visit shows up live. */
export const LIVE_MS = 5_000;

/** Asked again every 5 s while it answers; a read that failed (the station gone, the session over) stops. */
const live = (query: { state: { status: string } }) => (query.state.status === 'error' ? false : LIVE_MS);

/**
 * One station's page: the station with today's figures and the newest visits, both asked again
 * every 5 seconds; its door terminals and the adding of one (whose secret the answer holds once);
 * the QR files to download; the station now (readings, people inside, equipment) with its alarms.
 */
export function useStation(code: string) {
  const { t } = useTranslation();
  // The page shows a failed read of the station itself (no toast), as the case page does.
  const station = useQuery({
    queryKey: stationKeys.station(code),
    queryFn: () => api.get<Station>(stationPath(code)),
    refetchInterval: live,
  });
  // Its terminals and visits are asked for once the station is known: a station that is not there
  // (or not in the user's region) says so once, on the page, not in three messages.
  const known = station.data !== undefined;
  const devices = useApiQuery(
    stationKeys.devices(code),
    () => api.get<{ items: Device[] }>(`${stationPath(code)}/devices`).then((d) => d.items),
    // A terminal's last contact and its commands still to deliver move as it calls in.
    { enabled: known, refetchInterval: live },
  );

  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const visits = useApiQuery(
    stationKeys.visits(code, page, pageSize),
    () => api.get<VisitPage>(`${stationPath(code)}/visits`, { page, pageSize }),
    // The page shown stays while the next loads; a new visit appears at the top of the first page.
    { enabled: known, refetchInterval: live, placeholderData: keepPreviousData },
  );
  // The station now and its alarms, from its event stream (or asked every 5 s while that is down).
  const now = useStationLive(code, known);

  const visitPaging: TablePaginationConfig = {
    current: page,
    pageSize,
    total: visits.data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total) => t('common.total', { total }),
    onChange: (p, s) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  };

  // The station being edited: the record as read when the form opened, whose version the save sends
  // (the station asked again meanwhile does not move it).
  const [editing, setEditing] = useState<Station | null>(null);

  const addDevice = useApiMutation(
    (body: DeviceInput) => api.post<DeviceCreated>(`${stationPath(code)}/devices`, body),
    [stationKeys.devices(code)],
  );

  return {
    station: station.data ?? null,
    /** The station could not be read (not found, out of the user's region) and nothing is shown yet. */
    failed: station.isError && !station.data ? station.error : null,
    devices: devices.data ?? [],
    devicesLoading: devices.isPending,
    visits: visits.data?.items ?? [],
    visitsLoading: visits.isPending,
    visitPaging,
    live: now,
    addDevice,
    editing,
    edit: () => setEditing(station.data ?? null),
    closeEdit: () => setEditing(null),
    qrHref: (format: 'svg' | 'png') => stationQrHref(code, format),
  };
}

export type StationState = ReturnType<typeof useStation>;
