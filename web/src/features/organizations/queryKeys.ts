/** The organizations API; every read of organizations is keyed under it (list pages, pickers, single records). */
export const ORGANIZATIONS_API = '/api/organizations';

export const organizationKeys = {
  /** Invalidated by any change of an organization. */
  all: [ORGANIZATIONS_API] as const,
  /** The parent-union picker of one organization leaves that organization out. */
  parentOptions: (excludeId: string | undefined) => [ORGANIZATIONS_API, 'parents', excludeId ?? null] as const,
};
