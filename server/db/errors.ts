/**
 * The SQLSTATE of a database error, looked for through the wrappers (Drizzle's DrizzleQueryError
 * keeps PostgreSQL's or PGlite's error as its `cause`); undefined for any other error.
 */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A unique constraint refused the write (23505). */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === '23505';
}
