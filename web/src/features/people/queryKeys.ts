/** The people API, and its search (a POST: the search text may be a resident ID or a phone). */
export const PEOPLE_API = '/api/people';
export const PEOPLE_SEARCH_API = '/api/people/search';

export const peopleKeys = {
  /** Single records and pickers. */
  all: [PEOPLE_API] as const,
  /** The list's pages. */
  search: [PEOPLE_SEARCH_API] as const,
};
