import { api } from '../../app/api';
import { useApiMutation, useApiQuery } from '../../app/query';
import { FEE_PAYING_ACCOUNTS_API, FEE_POOLED_ACCOUNTS_API, feeRefundKeys } from './queryKeys';
import type { UnionAccount, UnionAccountBody, UnionAccountKind } from './types';

const pathOf: Record<UnionAccountKind, string> = {
  paying: FEE_PAYING_ACCOUNTS_API,
  pooled: FEE_POOLED_ACCOUNTS_API,
};

/**
 * The union's accounts tab: the paying accounts refunds leave from and the county federations'
 * pooled accounts, each list with the checker's "set an account" (a new one or a change).
 */
export function useUnionAccounts(kind: UnionAccountKind) {
  const list = useApiQuery(feeRefundKeys.unionAccounts(kind), () => api.get<UnionAccount[]>(pathOf[kind]));
  const save = useApiMutation(
    ({ regionCode, ...body }: UnionAccountBody & { regionCode: string }) =>
      api.put<UnionAccount>(`${pathOf[kind]}/${regionCode}`, body),
    [feeRefundKeys.unionAccounts(kind)],
  );
  return { accounts: list.data ?? [], loading: list.isPending, save };
}
