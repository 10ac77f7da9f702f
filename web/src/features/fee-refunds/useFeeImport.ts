import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ApiError } from '../../../../contracts/errors';
import { api, ApiRequestError } from '../../app/api';
import { useMe } from '../../app/auth';
import { useApiMutation, useApiQuery } from '../../app/query';
import { FEE_IMPORTS_API, feeRefundKeys } from './queryKeys';
import { RUNNING, type FeeImport } from './types';

/** POST /api/fee-refunds/imports: `kind` and `acceptWarnings` first, then the file (the order the server reads). */
async function sendFile(csrfToken: string | null, acceptWarnings: boolean, file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.set('kind', 'enterprises');
  form.set('acceptWarnings', String(acceptWarnings));
  form.set('file', file, file.name);
  const res = await fetch(FEE_IMPORTS_API, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: form,
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (body && typeof body === 'object' && 'code' in body) throw new ApiRequestError(res.status, body as ApiError);
    throw new ApiRequestError(res.status, {
      code: 'INTERNAL',
      message: `上传失败（${res.status}）`,
      messageEn: `Upload failed (${res.status})`,
      requestId: '',
    });
  }
  return body as { id: string };
}

/**
 * The registry's import: the open upload (`?import=` in the address, so a reload keeps it), asked
 * every second while it runs; the upload and the rollback. Once an upload has landed or is rolled
 * back, the registry's pages and records are asked again.
 */
export function useFeeImport() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('import');
  const open = (next: string) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set('import', next);
        return p;
      },
      { replace: true },
    );

  const current = useApiQuery(feeRefundKeys.import(id ?? ''), () => api.get<FeeImport>(`${FEE_IMPORTS_API}/${id}`), {
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === RUNNING ? 1000 : false),
  });

  const status = current.data?.status;
  useEffect(() => {
    if (status && status !== RUNNING) void queryClient.invalidateQueries({ queryKey: feeRefundKeys.enterprises });
  }, [status, queryClient]);

  const upload = useApiMutation(
    (v: { acceptWarnings: boolean; file: File }) => sendFile(me.csrfToken, v.acceptWarnings, v.file),
    [],
  );
  const rollback = useApiMutation(
    (importId: string) => api.post<FeeImport>(`${FEE_IMPORTS_API}/${importId}/rollback`),
    [feeRefundKeys.enterprises],
  );
  const show = (detail: FeeImport) => queryClient.setQueryData(feeRefundKeys.import(detail.id), detail);
  return { detail: id ? current.data : undefined, open, upload, rollback, show };
}
