import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, type Query } from './api';
import { useShowError } from './errors';

/**
 * Server-paged list state for an antd Table: filter, page and page size go to the API as
 * query parameters; `pagination` plugs straight into <Table pagination>. `data` is the whole
 * response, for lists that answer more than a page (type it with D, e.g. Page<T> & { canEdit }).
 * `via: 'body'` posts the filter instead (a search by resident ID or phone must not travel in a URL).
 */
export function usePaged<T, F extends Query = Query, D extends Page<T> = Page<T>>(
  path: string,
  initialFilter: F,
  initialPageSize = 20,
  opts: { via?: 'query' | 'body' } = {},
) {
  const via = opts.via ?? 'query';
  const { t } = useTranslation();
  const showError = useShowError();
  const errorRef = useRef(showError);
  errorRef.current = showError;
  const [filter, setFilter] = useState<F>(initialFilter);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [data, setData] = useState<D | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const params = { ...filter, page, pageSize };
    (via === 'body' ? api.post<D>(path, params) : api.get<D>(path, params))
      .then((d) => live && setData(d))
      .catch((err) => live && errorRef.current(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, via, filter, page, pageSize, tick]);

  const search = useCallback((next: F) => {
    setFilter(next);
    setPage(1);
    setTick((x) => x + 1);
  }, []);
  const reload = useCallback(() => setTick((x) => x + 1), []);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    // Very large lists stop counting at a cap and say so ("10,000+").
    showTotal: (total) =>
      (data as { totalCapped?: boolean } | null)?.totalCapped
        ? t('common.totalCapped', { total: total.toLocaleString() })
        : t('common.total', { total }),
    onChange: (p, s) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  };

  return { items: data?.items ?? [], total: data?.total ?? 0, data, loading, filter, search, reload, pagination };
}
