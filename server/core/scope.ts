import { like, type AnyColumn, type SQL } from 'drizzle-orm';
import { regionPrefix } from '../../contracts/regions.js';

/** SQL condition restricting a region-code column to a scope; undefined for the whole country. */
export function inRegion(column: AnyColumn, scope: string | null | undefined): SQL | undefined {
  if (!scope) return undefined;
  return like(column, `${regionPrefix(scope)}%`);
}

/** Escapes LIKE wildcards in user search text. */
export function likeText(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
