/** The imports API; every read of imports is keyed under it (the list's pages, one import). */
export const IMPORTS_API = '/api/imports';

export const importKeys = {
  all: [IMPORTS_API] as const,
  /** The pages of the list (usePaged keys them [path, 'paged', params]). */
  lists: [IMPORTS_API, 'paged'] as const,
  kinds: [IMPORTS_API, 'kinds'] as const,
  one: (id: string) => [IMPORTS_API, 'one', id] as const,
};
