import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useApiMutation, useApiQuery } from '../../app/query';
import { FEE_IMPORTS_API, feeRefundKeys } from './queryKeys';
import { RUNNING, type FeeImport, type FeeImportKind } from './types';

/**
 * The imports of the three files (the registry, the tax data, the bank's credits): the kind chosen,
 * the open upload (`?import=` in the address, so a reload keeps it), asked
 * every second while it runs; the upload and the rollback. Once an upload has landed or is rolled
 * back, the registry's pages and records and the reconciliation are asked again.
 */
export function useFeeImport() {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('import');
  const [kind, setKind] = useState<FeeImportKind>('enterprises');
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
    if (status && status !== RUNNING)
      for (const queryKey of [feeRefundKeys.enterprises, feeRefundKeys.reconciliation])
        void queryClient.invalidateQueries({ queryKey });
  }, [status, queryClient]);

  const upload = useApiMutation(
    (v: { acceptWarnings: boolean; file: File }) =>
      api.upload<{ id: string }>(FEE_IMPORTS_API, { kind, acceptWarnings: String(v.acceptWarnings) }, v.file),
    [],
  );
  const rollback = useApiMutation(
    (importId: string) => api.post<FeeImport>(`${FEE_IMPORTS_API}/${importId}/rollback`),
    [feeRefundKeys.enterprises, feeRefundKeys.reconciliation],
  );
  const show = (detail: FeeImport) => queryClient.setQueryData(feeRefundKeys.import(detail.id), detail);
  return { kind, setKind, detail: id ? current.data : undefined, open, upload, rollback, show };
}
