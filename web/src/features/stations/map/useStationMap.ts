import type { z } from 'zod';
import type { stationMapSchema } from '../../../../../contracts/stations/coverage';
import { api } from '../../../app/api';
import { useApiQuery } from '../../../app/query';

/** GET /api/public/stations/map (types only: the page loads no zod). */
export type StationMap = z.infer<typeof stationMapSchema>;

export const STATIONS_MAP_API = '/api/public/stations/map';

/**
 * A city's offline map (its county outlines and stations), for a city or county code; nothing
 * asked until there is one. The outlines do not change while the app runs: kept for the session.
 */
export function useStationMap(regionCode: string | null) {
  return useApiQuery(
    [STATIONS_MAP_API, regionCode],
    () => api.get<StationMap>(STATIONS_MAP_API, { regionCode: regionCode! }),
    { enabled: !!regionCode, staleTime: 5 * 60_000 },
  );
}
