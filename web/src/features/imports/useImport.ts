import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useApiMutation, useApiQuery } from '../../app/query';
import { IMPORTS_API, importKeys } from './queryKeys';
import { RUNNING_STATUSES, type ImportDetail, type ImportKindInfo } from './types';

/**
 * The state of the import page: the kinds the user may import, the open import (`?id=` in the
 * address, so a reload keeps it), asked every second while a job runs, and the three actions.
 * When an import lands or is rolled back, the lists it changed (`invalidates`) are refreshed.
 */
export function useImport(invalidates: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const open = (next: string | null) => setParams(next ? { id: next } : {}, { replace: true });

  const kinds = useApiQuery(importKeys.kinds, () => api.get<ImportKindInfo[]>(`${IMPORTS_API}/kinds`));
  const current = useApiQuery(importKeys.one(id ?? ''), () => api.get<ImportDetail>(`${IMPORTS_API}/${id}`), {
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && RUNNING_STATUSES.includes(q.state.data.status) ? 1000 : false),
  });

  const status = current.data?.status;
  useEffect(() => {
    if (!status) return;
    void queryClient.invalidateQueries({ queryKey: importKeys.lists });
    if (status === 'committed' || status === 'rolled_back')
      for (const queryKey of invalidates) void queryClient.invalidateQueries({ queryKey });
  }, [status, invalidates, queryClient]);

  const upload = useApiMutation(
    (v: { kind: string; acceptWarnings: boolean; file: File }) =>
      api.upload<ImportDetail>(IMPORTS_API, { kind: v.kind, acceptWarnings: String(v.acceptWarnings) }, v.file),
    [importKeys.all],
  );
  const commit = useApiMutation((importId: string) => api.post<ImportDetail>(`${IMPORTS_API}/${importId}/commit`), []);
  const rollback = useApiMutation(
    (importId: string) => api.post<ImportDetail>(`${IMPORTS_API}/${importId}/rollback`),
    [...invalidates],
  );
  const show = (detail: ImportDetail) => {
    queryClient.setQueryData(importKeys.one(detail.id), detail);
    open(detail.id);
  };
  return { kinds: kinds.data ?? [], detail: id ? current.data : undefined, open, upload, commit, rollback, show };
}
