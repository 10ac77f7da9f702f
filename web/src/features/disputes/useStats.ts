import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api';
import { useApiQuery } from '../../app/query';
import { disputesKeys } from './queryKeys';
import type { DisputeStats, StatDimension, StatsQuery } from './types';

/** The dimensions in the order the page offers them (the API's own list is STAT_DIMENSIONS). */
export const DIMENSIONS = [
  'year',
  'month',
  'court',
  'mediator',
  'sector',
  'claim_type',
] as const satisfies readonly StatDimension[];
export type Dimension = StatDimension;
/** The period of the figures, calendar days "YYYY-MM-DD" (either end may be open). */
export type Range = Pick<StatsQuery, 'from' | 'to'>;

/** What a failed load shows: zeros, so the page keeps its shape beside the error message. */
const noStats = (dimension: Dimension): DisputeStats => ({
  totals: {
    key: null,
    label: null,
    received: 0,
    succeeded: 0,
    failed: 0,
    settledFen: 0,
    avgDaysToAgreement: null,
    avgDaysToRuling: null,
    successRate: null,
  },
  dimension,
  rows: [],
});

/**
 * The statistics page's state: the dimension and the date range chosen, and the figures for them
 * (a query keyed by both; the previous figures stay shown while the next ones load).
 */
export function useStats() {
  const [dimension, setDimension] = useState<Dimension>('year');
  const [range, setRange] = useState<Range>({});
  const query: StatsQuery = { dimension, ...range };
  const stats = useApiQuery(disputesKeys.stats(query), () => api.get<DisputeStats>('/api/disputes/stats', query), {
    placeholderData: keepPreviousData,
  });
  const data = stats.data ?? (stats.isError ? noStats(dimension) : null);
  return { dimension, setDimension, range, setRange, data, loading: stats.isFetching };
}
