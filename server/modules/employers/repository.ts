import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { regions } from '../regions/tables.js';
import { employers } from './tables.js';

const columns = {
  id: employers.id,
  uscc: employers.uscc,
  usccCheckWarning: employers.usccCheckWarning,
  name: employers.name,
  regionCode: employers.regionCode,
  regionName: regions.fullName,
  industryCode: employers.industryCode,
  address: employers.address,
  contactName: employers.contactName,
  contactPhone: employers.contactPhone,
  contactEmail: employers.contactEmail,
};

export interface EmployerFilter {
  scope: string | null;
  onlyId?: string | null;
  q?: string;
  regionCode?: string;
  industryCode?: string;
}

function where(f: EmployerFilter): SQL | undefined {
  return and(
    inRegion(employers.regionCode, f.scope),
    inRegion(employers.regionCode, f.regionCode),
    f.onlyId ? eq(employers.id, f.onlyId) : undefined,
    f.q ? or(ilike(employers.name, likeText(f.q)), eq(employers.uscc, f.q.toUpperCase())) : undefined,
    f.industryCode ? eq(employers.industryCode, f.industryCode) : undefined,
  );
}

export const employerRepo = {
  /** How many in the region `scope` (null: the whole country). */
  async count(db: DbOrTx, scope: string | null) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(employers)
      .where(inRegion(employers.regionCode, scope));
    return row?.n ?? 0;
  },
  async list(db: DbOrTx, f: EmployerFilter, limit: number, offset: number) {
    const items = await db
      .select(columns)
      .from(employers)
      .leftJoin(regions, eq(regions.code, employers.regionCode))
      .where(where(f))
      .orderBy(asc(employers.name))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(employers)
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(columns)
      .from(employers)
      .leftJoin(regions, eq(regions.code, employers.regionCode))
      .where(eq(employers.id, id));
    return row ?? null;
  },
  async byUscc(db: DbOrTx, uscc: string) {
    const [row] = await db.select().from(employers).where(eq(employers.uscc, uscc));
    return row ?? null;
  },
  async raw(db: DbOrTx, id: string) {
    const [row] = await db.select().from(employers).where(eq(employers.id, id));
    return row ?? null;
  },
  async insert(tx: DbOrTx, values: EmployerInsert) {
    const [row] = await tx.insert(employers).values(values).returning();
    return row ?? null;
  },
  async update(tx: DbOrTx, id: string, values: Partial<EmployerInsert>) {
    const [row] = await tx.update(employers).set(values).where(eq(employers.id, id)).returning();
    return row ?? null;
  },
};

export type EmployerInsert = typeof employers.$inferInsert;
