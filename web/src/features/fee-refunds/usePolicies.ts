import { api } from '../../app/api';
import { useApiMutation, useApiQuery } from '../../app/query';
import { FEE_POLICIES_API, feeRefundKeys } from './queryKeys';
import type { PolicyBody, PolicyVersionView } from './types';

/**
 * The policy versions tab: the list (versions governing the user's region and those inside it),
 * the maker's draft, edit and discard, the checker's "put in force" and "end earlier". Runs use
 * only versions in force, so the lines do not change here.
 */
export function usePolicies() {
  const keys = [feeRefundKeys.policies];
  const list = useApiQuery(feeRefundKeys.policies, () => api.get<PolicyVersionView[]>(FEE_POLICIES_API));
  const draft = useApiMutation((body: PolicyBody) => api.post<PolicyVersionView>(FEE_POLICIES_API, body), keys);
  const edit = useApiMutation(
    ({ id, version, policy }: { id: string; version: number; policy: PolicyBody }) =>
      api.put<PolicyVersionView>(`${FEE_POLICIES_API}/${encodeURIComponent(id)}`, { version, policy }),
    keys,
  );
  const step = (v: PolicyVersionView, action: 'discard' | 'activate') =>
    api.post<unknown>(`${FEE_POLICIES_API}/${encodeURIComponent(v.id)}/${action}`, { version: v.version });
  const discard = useApiMutation((v: PolicyVersionView) => step(v, 'discard'), keys);
  const activate = useApiMutation((v: PolicyVersionView) => step(v, 'activate'), keys);
  const close = useApiMutation(
    ({ v, effectiveTo }: { v: PolicyVersionView; effectiveTo: string }) =>
      api.post<PolicyVersionView>(`${FEE_POLICIES_API}/${encodeURIComponent(v.id)}/close`, {
        version: v.version,
        effectiveTo,
      }),
    keys,
  );
  return { versions: list.data ?? [], loading: list.isPending, draft, edit, discard, activate, close };
}
