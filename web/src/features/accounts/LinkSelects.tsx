import { api, type Page } from '../../app/api';
import { RemoteSelect } from '../../app/components/RemoteSelect';
import type { Employer } from '../employers/types';
import type { Person } from '../people/types';

interface Court {
  id: string;
  name: string;
}

type Props = { value?: string | null; onChange?: (id: string | null) => void; id?: string };

/** Courts are few per region: fetched once, filtered by name locally. */
export function CourtSelect(props: Props) {
  const search = (q: string) =>
    api
      .get<{ items: Court[] }>('/api/courts')
      .then((d) => d.items.filter((c) => c.name.includes(q)).map((c) => ({ value: c.id, label: c.name })));
  const resolveLabel = (id: string) => api.get<Court>(`/api/courts/${id}`).then((c) => c.name);
  return <RemoteSelect {...props} search={search} resolveLabel={resolveLabel} />;
}

export function EmployerSelect(props: Props) {
  const search = (q: string) =>
    api
      .get<Page<Employer>>('/api/employers', { q: q || undefined, pageSize: 20 })
      .then((d) => d.items.map((e) => ({ value: e.id, label: e.name })));
  const resolveLabel = (id: string) => api.get<Employer>(`/api/employers/${id}`).then((e) => e.name);
  return <RemoteSelect {...props} search={search} resolveLabel={resolveLabel} />;
}

/** A worker account's own person record (names as the people list shows them). */
export function PersonSelect(props: Props) {
  const search = (q: string) =>
    api
      .get<Page<Person>>('/api/people', { q: q || undefined, pageSize: 20 })
      .then((d) => d.items.map((p) => ({ value: p.id, label: p.name })));
  const resolveLabel = (id: string) => api.get<Person>(`/api/people/${id}`).then((p) => p.name);
  return <RemoteSelect {...props} search={search} resolveLabel={resolveLabel} />;
}
