import { and, asc, eq, sql } from 'drizzle-orm';
import { inRegion } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { regions } from '../regions/tables.js';
import { courts } from './tables.js';

const columns = {
  id: courts.id,
  name: courts.name,
  code: courts.code,
  level: courts.level,
  regionCode: courts.regionCode,
  regionName: regions.fullName,
  address: courts.address,
};

export const courtRepo = {
  async list(db: DbOrTx, scope: string | null, regionCode?: string) {
    const where = and(inRegion(courts.regionCode, scope), inRegion(courts.regionCode, regionCode));
    const items = await db
      .select(columns)
      .from(courts)
      .leftJoin(regions, eq(regions.code, courts.regionCode))
      .where(where)
      .orderBy(asc(courts.regionCode), asc(courts.code));
    return items;
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(columns)
      .from(courts)
      .leftJoin(regions, eq(regions.code, courts.regionCode))
      .where(eq(courts.id, id));
    return row ?? null;
  },
  async count(db: DbOrTx, scope: string | null) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(courts)
      .where(inRegion(courts.regionCode, scope));
    return row?.n ?? 0;
  },
};
