import { Input } from 'antd';
import { api, type Page } from '../../app/api';
import { useCan } from '../../app/auth';
import { RemoteSelect } from '../../app/components/RemoteSelect';
import { ACCOUNTS_API, accountKeys } from '../accounts/queryKeys';
import type { Account } from '../accounts/types';

const labelOf = (a: Account) => `${a.displayName} · ${a.username}`;

const searchAccounts = (q: string) =>
  api
    .get<Page<Account>>(ACCOUNTS_API, { q: q || undefined, status: 'active', pageSize: 20 })
    .then((d) => d.items.map((a) => ({ value: a.id, label: labelOf(a) })));

const accountLabel = (id: string) => api.get<Account>(`${ACCOUNTS_API}/${encodeURIComponent(id)}`).then(labelOf);

/**
 * The account that approves applications to join the organization. Accounts are listed only to
 * those who keep them (accounts:manage); anyone else sees the approver named and keeps it as it is.
 */
export function ApproverSelect({
  value,
  onChange,
  id,
  approverName,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  /** The approver as the organization names it (shown to those who cannot list accounts). */
  approverName: string | null;
}) {
  const mayList = useCan()('accounts:manage');
  if (!mayList) return <Input id={id} value={value ? (approverName ?? value) : ''} disabled />;
  return (
    <RemoteSelect
      id={id}
      value={value}
      onChange={onChange}
      queryKey={[...accountKeys.all, 'approvers']}
      search={searchAccounts}
      resolveLabel={accountLabel}
      testId="organization-approver"
    />
  );
}
