import { hashKey, useQueryClient } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, type Query } from './api';
import { useApiQuery } from './query';

export interface PagedOptions {
  /** 'body' posts the filter instead: a search by resident ID or phone must not travel in a URL. */
  via?: 'query' | 'body';
  /** 'client': the API answers every row at once (courts); the table pages them itself. */
  paging?: 'server' | 'client';
}

/**
 * The query key of one page of a list: the API path first, so that invalidating `[path]` (what a
 * feature's queryKeys.ts names) refreshes every page and filter of it after a change.
 */
export const pagedKey = (path: string, params: Query) => [path, 'paged', params] as const;

/** The search form's values as query parameters: texts trimmed, blanks and empty picks left out. */
export function cleanFilter<F extends Query>(values: object): F {
  const filter: Query = {};
  for (const [key, raw] of Object.entries(values)) {
    const value: unknown = typeof raw === 'string' ? raw.trim() : raw;
    if (value === '' || value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') filter[key] = value;
  }
  return filter as F;
}

/** The parameters sent for one page: the filter without blanks, then the page (server paging only). */
export function pageParams(filter: Query, page: number, pageSize: number, paging: 'server' | 'client'): Query {
  const params = cleanFilter<Query>(filter);
  return paging === 'server' ? { ...params, page, pageSize } : params;
}

/**
 * Server-paged list state for an antd Table: filter, page and page size go to the API as
 * query parameters; `pagination` plugs straight into <Table pagination>. `data` is the whole
 * response, for lists that answer more than a page (type it with D, e.g. Page<T> & { canEdit }).
 * The list is a query keyed by path, filter, page and size: the previous page stays shown while
 * the next loads (no flash of an empty table), and `reload` refetches every page of the path.
 */
export function usePaged<T, F extends Query = Query, D extends Page<T> = Page<T>>(
  path: string,
  initialFilter: F,
  initialPageSize = 20,
  opts: PagedOptions = {},
) {
  const via = opts.via ?? 'query';
  const paging = opts.paging ?? 'server';
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<F>(initialFilter);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const params = pageParams(filter, page, pageSize, paging);
  const key = pagedKey(path, params);

  const result = useApiQuery<D>(
    key,
    () => (via === 'body' ? api.post<D>(path, params) : api.get<D>(path, params)),
    // Keep the rows of the same list while another page or filter loads; never show another list's rows.
    { placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[0] === path ? previous : undefined) },
  );
  const data = result.data ?? null;

  const reload = () => void queryClient.invalidateQueries({ queryKey: [path] });
  // A search always asks the server (the user expects fresh rows, not a page cached a moment ago):
  // every page of the list is marked stale, and the same page as now is fetched again at once.
  const search = (next: F) => {
    void queryClient.invalidateQueries({ queryKey: [path], refetchType: 'none' });
    const same = hashKey(pagedKey(path, pageParams(next, 1, pageSize, paging))) === hashKey(key);
    setFilter(next);
    setPage(1);
    if (same) void result.refetch();
  };

  const items = data?.items ?? [];
  const total = (paging === 'server' ? data?.total : items.length) ?? 0;
  const capped = (data as { totalCapped?: boolean } | null)?.totalCapped === true;
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    // Very large lists stop counting at a cap and say so ("10,000+").
    showTotal: (n) =>
      capped ? t('common.totalCapped', { total: n.toLocaleString() }) : t('common.total', { total: n }),
    onChange: (p, s) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  };

  return { items, total, data, loading: result.isFetching, filter, search, reload, pagination };
}
