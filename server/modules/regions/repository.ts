import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { RegionRow } from './gbt2260.js';
import { regions } from './tables.js';

export const regionRepo = {
  async children(db: DbOrTx, parentCode: string | null) {
    const childCount = sql<number>`(select count(*)::int from regions c where c.parent_code = ${sql.raw('"regions"."code"')})`;
    return db
      .select({
        code: regions.code,
        name: regions.name,
        fullName: regions.fullName,
        level: regions.level,
        parentCode: regions.parentCode,
        childCount,
      })
      .from(regions)
      .where(parentCode ? eq(regions.parentCode, parentCode) : isNull(regions.parentCode))
      .orderBy(asc(regions.code));
  },
  async byCode(db: DbOrTx, code: string) {
    const [row] = await db.select().from(regions).where(eq(regions.code, code));
    return row ?? null;
  },
  async fullNames(db: DbOrTx, codes: string[]) {
    if (!codes.length) return [];
    return db
      .select({ code: regions.code, fullName: regions.fullName })
      .from(regions)
      .where(inArray(regions.code, codes));
  },
  async count(db: DbOrTx) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
    return row?.n ?? 0;
  },
  /** Idempotent: existing codes are left as they are. */
  async insertMissing(db: DbOrTx, rows: RegionRow[]) {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insert(regions)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing();
    }
  },
};
