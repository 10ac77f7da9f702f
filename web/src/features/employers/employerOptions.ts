import { api, type Page } from '../../app/api';
import type { RemoteOption } from '../../app/components/RemoteSelect';
import { EMPLOYERS_API } from './queryKeys';
import type { Employer } from './types';

/** Employers matching a name or credit code, as options of a picker. */
export const searchEmployers = (q: string): Promise<RemoteOption[]> =>
  api
    .get<Page<Employer>>(EMPLOYERS_API, { q: q || undefined, pageSize: 20 })
    .then((d) => d.items.map((e) => ({ value: e.id, label: e.name })));

export const employerName = (id: string) => api.get<Employer>(`${EMPLOYERS_API}/${id}`).then((e) => e.name);
