/** The accounts API; the list's pages are keyed under it. */
export const ACCOUNTS_API = '/api/accounts';

export const accountKeys = {
  /** Invalidated by any change of an account. */
  all: [ACCOUNTS_API] as const,
};
