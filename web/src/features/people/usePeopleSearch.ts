import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../app/api';
import { useShowError } from '../../app/errors';
import type { Person } from './types';

export type PeopleFilter = { q?: string };

/**
 * The people list, paged for an antd Table like usePaged, but through POST /api/people/search:
 * the search text may be a resident ID or a phone, which must not travel in a URL (access logs,
 * proxies, browser history).
 */
export function usePeopleSearch(initialPageSize = 20) {
  const { t } = useTranslation();
  const showError = useShowError();
  const errorRef = useRef(showError);
  errorRef.current = showError;
  const [filter, setFilter] = useState<PeopleFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [data, setData] = useState<Page<Person> | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .post<Page<Person>>('/api/people/search', { ...filter, page, pageSize })
      .then((d) => live && setData(d))
      .catch((err) => live && errorRef.current(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filter, page, pageSize, tick]);

  const search = useCallback((next: PeopleFilter) => {
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
    showTotal: (total) => t('common.total', { total }),
    onChange: (p, s) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  };

  return { items: data?.items ?? [], total: data?.total ?? 0, loading, search, reload, pagination };
}
