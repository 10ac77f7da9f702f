/** The courts API (read-only in the web app): the list, pickers and single records are keyed under it. */
export const COURTS_API = '/api/courts';

export const courtKeys = {
  all: [COURTS_API] as const,
  /** Every court in the caller's scope, for pickers. */
  inScope: [COURTS_API, 'in-scope'] as const,
};
