import { useState } from 'react';
import { api } from '../../app/api';
import { useApiQuery } from '../../app/query';
import { useMe } from '../../app/auth';
import { FEE_RUNS_API, FEE_STATS_API, feeRefundKeys } from './queryKeys';
import type { FeeRun, FeeStats } from './types';
import type { Page } from '../../../../contracts/paging';

/**
 * The statistics tab: a region's year (the user's region first, then a city or county chosen by
 * drilling down, with the way back as a trail) and the biweekly workbook of the same view.
 */
export function useFeeStats() {
  const me = useMe();
  const home = me.regionCode ?? '320000';
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const [chosenYear, setYear] = useState<number | null>(null);
  const [quarter, setQuarter] = useState(4);
  // The year of the newest run, so the tab opens on a year that has figures.
  const latest = useApiQuery([FEE_RUNS_API, 'latest'], () => api.get<Page<FeeRun>>(`${FEE_RUNS_API}?pageSize=1`));
  const year = chosenYear ?? Number(latest.data?.items[0]?.month.slice(0, 4) ?? new Date().getFullYear());
  const regionCode = trail.at(-1)?.code ?? home;
  const query = `regionCode=${regionCode}&year=${year}`;
  const stats = useApiQuery(feeRefundKeys.stats(regionCode, year), () =>
    api.get<FeeStats>(`${FEE_STATS_API}?${query}`),
  );
  return {
    home,
    year,
    setYear,
    trail,
    regionCode,
    stats: stats.data ?? null,
    loading: stats.isPending,
    workbookHref: `${FEE_STATS_API}/biweekly.xlsx?${query}`,
    quarter,
    setQuarter,
    circularHref: (format: 'pdf' | 'docx') =>
      `${FEE_STATS_API}/report?kind=quarterly&quarter=${quarter}&${query}&format=${format}`,
    weeklyHref: (format: 'pdf' | 'docx') => `${FEE_STATS_API}/report?kind=weekly&${query}&format=${format}`,
    /** Opens a child region (a city, then a county); a county has none below it. */
    drill: (code: string, name: string) => {
      if (code !== regionCode) setTrail((t) => [...t, { code, name }]);
    },
    /** Back to a level of the trail (-1: the user's own region). */
    back: (index: number) => setTrail((t) => t.slice(0, index + 1)),
  };
}
