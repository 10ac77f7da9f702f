/** The employers API; every read of employers is keyed under it (list pages, pickers, single records). */
export const EMPLOYERS_API = '/api/employers';

export const employerKeys = {
  /** Invalidated by any change of an employer. */
  all: [EMPLOYERS_API] as const,
};
