import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { stationDashboardQuerySchema, stationDashboardSchema } from '../../../../contracts/stations/dashboard';
import { api, withQuery } from '../../app/api';
import { useApiQuery } from '../../app/query';
import { STATIONS_API } from './queryKeys';

/** The figures of GET /api/stations/dashboard (types only: the page loads no zod). */
export type StationDashboard = z.infer<typeof stationDashboardSchema>;
/** What the page asks for: a region within the user's (none: the user's own) and a period (none: the last 30 days). */
export type DashboardQuery = z.input<typeof stationDashboardQuerySchema>;
export type DashboardTopStation = StationDashboard['topStations'][number];

export const STATIONS_DASHBOARD_API = `${STATIONS_API}/dashboard`;

/** Under the stations' key, so a change of a station reaches the dashboard too. */
const dashboardKey = (query: DashboardQuery) => [STATIONS_API, 'dashboard', query] as const;

/**
 * The stations' dashboard: the region (the user's own until another is picked) and the period
 * (the server's last 30 days in China until one is chosen), the figures as one query keyed by
 * both (the previous ones stay shown while the next load), and the workbook of the same view.
 */
export function useStationDashboard() {
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [period, setPeriod] = useState<Pick<DashboardQuery, 'from' | 'to'>>({});
  const query: DashboardQuery = { regionCode: regionCode ?? undefined, ...period };
  const figures = useApiQuery(dashboardKey(query), () => api.get<StationDashboard>(STATIONS_DASHBOARD_API, query), {
    placeholderData: keepPreviousData,
  });
  return {
    regionCode,
    setRegionCode,
    period,
    setPeriod,
    figures: figures.data ?? null,
    loading: figures.isFetching,
    xlsxHref: withQuery(`${STATIONS_DASHBOARD_API}.xlsx`, query),
  };
}
