import type { PageQuery } from '../../contracts/paging.js';

// The schemas are shared with the web (contracts/paging.ts); re-exported for the server's modules.
export { pageOf, pageQuerySchema, type PageQuery } from '../../contracts/paging.js';

export function offsetOf(q: PageQuery): number {
  return (q.page - 1) * q.pageSize;
}

/** Splits a parsed `filter + page` query into the two, as the list services take them. */
export function splitPage<Q extends PageQuery>(query: Q): { page: PageQuery; filter: Omit<Q, 'page' | 'pageSize'> } {
  const { page, pageSize, ...filter } = query;
  return { page: { page, pageSize }, filter };
}
