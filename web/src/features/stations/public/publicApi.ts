import type {
  NearbyAnswer,
  PublicStation,
  StationSearchAnswer,
  WorkerPass,
} from '../../../../../contracts/stations/api';
import type { Occupation, StationFacility } from '../../../../../contracts/stations/codes';
import { request } from '../../../app/api';

// The worker's no-login pages talk to /api/public/stations/…. The session a code opens is kept on
// the phone (localStorage) for its thirty days, so the pass opens at the door without a new code.

export const STATIONS_PUBLIC_API = '/api/public/stations';

export const stationsPublicKeys = {
  all: [STATIONS_PUBLIC_API] as const,
  nearby: (q: NearbyParams | null) => [STATIONS_PUBLIC_API, 'nearby', q] as const,
  search: (place: string, openNow: boolean) => [STATIONS_PUBLIC_API, 'search', place, openNow] as const,
  station: (code: string) => [STATIONS_PUBLIC_API, 'station', code] as const,
  setFace: (token: string, photo: string) =>
    request<WorkerPass>('PUT', `${STATIONS_PUBLIC_API}/me/face`, { photo, consent: true }, undefined, {
      'x-station-token': token,
    }),
  deleteFace: (token: string) =>
    request<WorkerPass>('DELETE', `${STATIONS_PUBLIC_API}/me/face`, undefined, undefined, { 'x-station-token': token }),
  me: (token: string) => [STATIONS_PUBLIC_API, 'me', token] as const,
};

export interface NearbyParams {
  lat: number;
  lng: number;
  datum: 'GCJ-02' | 'WGS-84';
  openNow: boolean;
  facilities: StationFacility[];
}

export interface RegistrationForm {
  phone: string;
  code: string;
  name: string;
  occupation: Occupation;
  platform?: string;
  consent: true;
}

const KEY = 'yz_station_pass';
export const passToken = {
  get(): string | null {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set(token: string): void {
    try {
      localStorage.setItem(KEY, token);
    } catch {
      // Private mode: the pass lives as long as the page.
    }
  },
  clear(): void {
    try {
      localStorage.removeItem(KEY);
    } catch {
      // nothing stored
    }
  },
};

export const stationsPublicApi = {
  nearby: (q: NearbyParams) =>
    request<NearbyAnswer>('GET', `${STATIONS_PUBLIC_API}/nearby`, undefined, {
      lat: q.lat,
      lng: q.lng,
      datum: q.datum,
      openNow: q.openNow ? 'true' : undefined,
      facilities: q.facilities.join(',') || undefined,
      limit: 10,
    }),
  search: (place: string, openNow: boolean) =>
    request<StationSearchAnswer>('GET', `${STATIONS_PUBLIC_API}/search`, undefined, {
      q: place,
      openNow: openNow ? 'true' : undefined,
    }),
  station: (code: string) => request<PublicStation>('GET', `${STATIONS_PUBLIC_API}/${encodeURIComponent(code)}`),
  requestCode: (phone: string) =>
    request<{ sent: true; resendAfterSec: number }>('POST', `${STATIONS_PUBLIC_API}/request-code`, { phone }),
  register: (code: string, body: RegistrationForm) =>
    request<WorkerPass>('POST', `${STATIONS_PUBLIC_API}/${encodeURIComponent(code)}/register`, body),
  signIn: (body: { phone: string; code: string }) =>
    request<WorkerPass>('POST', `${STATIONS_PUBLIC_API}/sign-in`, body),
  setFace: (token: string, photo: string) =>
    request<WorkerPass>('PUT', `${STATIONS_PUBLIC_API}/me/face`, { photo, consent: true }, undefined, {
      'x-station-token': token,
    }),
  deleteFace: (token: string) =>
    request<WorkerPass>('DELETE', `${STATIONS_PUBLIC_API}/me/face`, undefined, undefined, { 'x-station-token': token }),
  me: (token: string) =>
    request<WorkerPass>('GET', `${STATIONS_PUBLIC_API}/me`, undefined, undefined, { 'x-station-token': token }),
};

export type { NearbyAnswer, PublicStation, WorkerPass };
