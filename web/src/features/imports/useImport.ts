import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ApiError } from '../../../../contracts/errors';
import { api, ApiRequestError } from '../../app/api';
import { useMe } from '../../app/auth';
import { useApiMutation, useApiQuery } from '../../app/query';
import { IMPORTS_API, importKeys } from './queryKeys';
import { RUNNING_STATUSES, type ImportDetail, type ImportKindInfo } from './types';

/** POST /api/imports: the fields first, then the file (the server reads them in that order). */
async function uploadFile(csrfToken: string | null, kind: string, acceptWarnings: boolean, file: File) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('acceptWarnings', String(acceptWarnings));
  form.set('file', file, file.name);
  const res = await fetch(IMPORTS_API, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: form,
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    // The server's error as every request reports it; a proxy's page instead gets a message of ours.
    if (body && typeof body === 'object' && 'code' in body) throw new ApiRequestError(res.status, body as ApiError);
    throw new ApiRequestError(res.status, {
      code: 'INTERNAL',
      message: `上传失败（${res.status}）`,
      messageEn: `Upload failed (${res.status})`,
      requestId: '',
    });
  }
  return body as ImportDetail;
}

/**
 * The state of the import page: the kinds the user may import, the open import (`?id=` in the
 * address, so a reload keeps it), asked every second while a job runs, and the three actions.
 * When an import lands or is rolled back, the lists it changed (`invalidates`) are refreshed.
 */
export function useImport(invalidates: readonly QueryKey[]) {
  const me = useMe();
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
      uploadFile(me.csrfToken, v.kind, v.acceptWarnings, v.file),
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
