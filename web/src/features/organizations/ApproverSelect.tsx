import { Input } from 'antd';
import { api } from '../../app/api';
import { useCan } from '../../app/auth';
import { RemoteSelect } from '../../app/components/RemoteSelect';
import type { ApproverChoices } from '../../../../contracts/organizations';

const APPROVERS_API = '/api/organizations/approver-accounts';
type Choice = ApproverChoices['items'][number];
const labelOf = (a: Choice) => `${a.displayName} · ${a.username}`;

const searchAccounts = (q: string) =>
  api
    .get<ApproverChoices>(APPROVERS_API, { q: q || undefined })
    .then((d) => d.items.map((a) => ({ value: a.id, label: labelOf(a) })));

/**
 * The account that approves applications to join the organization: one of the region's active
 * union staff, listed to those who keep organizations; the current one shows by the name the
 * organization gives it.
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
  const mayList = useCan()('organizations:manage');
  if (!mayList) return <Input id={id} value={value ? (approverName ?? value) : ''} disabled />;
  return (
    <RemoteSelect
      id={id}
      value={value}
      onChange={onChange}
      queryKey={[APPROVERS_API]}
      search={searchAccounts}
      resolveLabel={() => Promise.resolve(approverName)}
      testId="organization-approver"
    />
  );
}
