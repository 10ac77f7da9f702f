import { api, type Page } from '../../app/api';
import { RemoteSelect } from '../../app/components/RemoteSelect';
import { COURTS_API, courtKeys } from '../courts/queryKeys';
import type { Court, CourtList } from '../courts/types';
import { employerName, searchEmployers } from '../employers/employerOptions';
import { employerKeys } from '../employers/queryKeys';
import { PEOPLE_API, peopleKeys } from '../people/queryKeys';
import type { Person } from '../people/types';

type Props = { value?: string | null; onChange?: (id: string | null) => void; id?: string };

/** Courts are few per region: fetched whole, filtered by name locally. */
export function CourtSelect(props: Props) {
  const search = (q: string) =>
    api
      .get<CourtList>(COURTS_API)
      .then((d) => d.items.filter((c) => c.name.includes(q)).map((c) => ({ value: c.id, label: c.name })));
  const resolveLabel = (id: string) => api.get<Court>(`${COURTS_API}/${id}`).then((c) => c.name);
  return <RemoteSelect {...props} queryKey={courtKeys.all} search={search} resolveLabel={resolveLabel} />;
}

export function EmployerSelect(props: Props) {
  return <RemoteSelect {...props} queryKey={employerKeys.all} search={searchEmployers} resolveLabel={employerName} />;
}

/** A worker account's own person record (names as the people list shows them). */
export function PersonSelect(props: Props) {
  const search = (q: string) =>
    api
      .get<Page<Person>>(PEOPLE_API, { q: q || undefined, pageSize: 20 })
      .then((d) => d.items.map((p) => ({ value: p.id, label: p.name })));
  const resolveLabel = (id: string) => api.get<Person>(`${PEOPLE_API}/${id}`).then((p) => p.name);
  return <RemoteSelect {...props} queryKey={peopleKeys.all} search={search} resolveLabel={resolveLabel} />;
}
