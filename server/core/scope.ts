import { and, gte, lt, type AnyColumn, type SQL } from 'drizzle-orm';
import { regionPrefix } from '../../contracts/regions.js';

/**
 * SQL condition restricting a region-code column to a scope; undefined for the whole country.
 * A range on the code prefix ("4420" ≤ code < "4421") rather than LIKE, so that a plain btree
 * index serves it under any database collation.
 */
export function inRegion(column: AnyColumn, scope: string | null | undefined): SQL | undefined {
  if (!scope) return undefined;
  const prefix = regionPrefix(scope);
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0');
  return and(gte(column, prefix), lt(column, next));
}

/** Escapes LIKE wildcards in user search text. */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching the text anywhere. */
export function likeText(q: string): string {
  return `%${escapeLike(q)}%`;
}
