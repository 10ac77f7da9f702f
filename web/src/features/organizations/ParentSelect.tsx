import { api, type Page } from '../../app/api';
import { RemoteSelect } from '../../app/components/RemoteSelect';
import { ORGANIZATIONS_API, organizationKeys } from './queryKeys';
import type { Organization } from './types';

export const searchOrganizations = (q: string, excludeId?: string) =>
  api
    .get<Page<Organization>>(ORGANIZATIONS_API, { q: q || undefined, pageSize: 20 })
    .then((d) => d.items.filter((o) => o.id !== excludeId).map((o) => ({ value: o.id, label: o.name })));

export const organizationLabel = (id: string) =>
  api.get<Organization>(`${ORGANIZATIONS_API}/${id}`).then((o) => o.name);

/** Pick a union organization (e.g. the parent union, or the union an account belongs to). */
export function ParentSelect({
  excludeId,
  ...props
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  excludeId?: string;
}) {
  return (
    <RemoteSelect
      {...props}
      queryKey={organizationKeys.parentOptions(excludeId)}
      search={(q) => searchOrganizations(q, excludeId)}
      resolveLabel={organizationLabel}
    />
  );
}
