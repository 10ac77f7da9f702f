import { usePaged } from '../../app/usePaged';
import type { Person } from './types';

export type PeopleFilter = { q?: string };

/**
 * The people list through POST /api/people/search: the search text may be a resident ID or a
 * phone, which must not travel in a URL (access logs, proxies, browser history).
 */
export function usePeopleSearch(initialPageSize = 20) {
  return usePaged<Person, PeopleFilter>('/api/people/search', {}, initialPageSize, { via: 'body' });
}
