import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withQuery } from '../../../app/api';
import { useApiQuery } from '../../../app/query';
import { FIGURES_API, gridKeys } from './queryKeys';
import type { GridFigures, Period } from './types';

/**
 * The region's figures over a period (the server's "this month" until one is chosen), the
 * previous ones shown while the next load, and the workbook of the same period.
 */
export function useGridFigures() {
  const [period, setPeriod] = useState<Period>({});
  const figures = useApiQuery(gridKeys.figures(period), () => api.get<GridFigures>(FIGURES_API, period), {
    placeholderData: keepPreviousData,
  });
  return {
    setPeriod,
    figures: figures.data ?? null,
    loading: figures.isFetching,
    xlsxHref: withQuery(`${FIGURES_API}.xlsx`, period),
  };
}
