import { api, type Page } from '../../../app/api';
import type { RemoteOption } from '../../../app/components/RemoteSelect';
import { ORGANISER_ACCOUNTS_API, ORGANISERS_API, organiserPath } from './queryKeys';
import type { Organiser, OrganiserAccounts } from './types';

// What the grid's forms pick from, searched on the server as the user types.

const ORGANIZATIONS_API = '/api/organizations';

/** Under the organizations' path, so a change of an organization refreshes the picker. */
export const organizationPickerKey = [ORGANIZATIONS_API, 'grid-picker'] as const;

export async function searchOrganizations(q: string): Promise<RemoteOption[]> {
  const page = await api.get<Page<{ id: string; name: string }>>(ORGANIZATIONS_API, { q, pageSize: 20 });
  return page.items.map((o) => ({ value: o.id, label: o.name }));
}

export async function organizationName(id: string): Promise<string | null> {
  return (await api.get<{ name: string }>(`${ORGANIZATIONS_API}/${encodeURIComponent(id)}`)).name;
}

export const organiserPickerKey = [ORGANISERS_API, 'picker'] as const;

/** Active organisers only: a stopped one is given no new area. */
export async function searchOrganisers(q: string): Promise<RemoteOption[]> {
  const page = await api.get<Page<Organiser>>(ORGANISERS_API, { q, active: 'true', pageSize: 20 });
  return page.items.map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` }));
}

export async function organiserName(id: string): Promise<string | null> {
  const o = await api.get<Organiser>(organiserPath(id));
  return `${o.name}（${o.code}）`;
}

export const accountPickerKey = [ORGANISER_ACCOUNTS_API] as const;

export async function searchOrganiserAccounts(q: string): Promise<RemoteOption[]> {
  const found = await api.get<OrganiserAccounts>(ORGANISER_ACCOUNTS_API, { q });
  return found.items.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }));
}
