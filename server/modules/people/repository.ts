import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { regions } from '../regions/tables.js';
import { people } from './tables.js';

export const personColumns = {
  id: people.id,
  name: people.name,
  phone: people.phone,
  residentIdHead: people.residentIdHead,
  residentIdTail: people.residentIdTail,
  sex: people.sex,
  birthDate: people.birthDate,
  regionCode: people.regionCode,
  regionName: regions.fullName,
  occupation: people.occupation,
};

export interface PersonFilter {
  scope: string | null;
  regionCode?: string;
  name?: string;
  phone?: string;
  residentIdHash?: string;
}

function where(f: PersonFilter): SQL | undefined {
  return and(
    inRegion(people.regionCode, f.scope),
    inRegion(people.regionCode, f.regionCode),
    f.name ? ilike(people.name, likeText(f.name)) : undefined,
    f.phone ? eq(people.phone, f.phone) : undefined,
    f.residentIdHash ? eq(people.residentIdHash, f.residentIdHash) : undefined,
  );
}

export const personRepo = {
  /** How many in the region `scope` (null: the whole country). */
  async count(db: DbOrTx, scope: string | null) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(inRegion(people.regionCode, scope));
    return row?.n ?? 0;
  },
  async list(db: DbOrTx, f: PersonFilter, limit: number, offset: number) {
    const items = await db
      .select(personColumns)
      .from(people)
      .leftJoin(regions, eq(regions.code, people.regionCode))
      .where(where(f))
      .orderBy(asc(people.name), asc(people.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(personColumns)
      .from(people)
      .leftJoin(regions, eq(regions.code, people.regionCode))
      .where(eq(people.id, id));
    return row ?? null;
  },
  async raw(db: DbOrTx, id: string) {
    const [row] = await db.select().from(people).where(eq(people.id, id));
    return row ?? null;
  },
  async byResidentIdHash(db: DbOrTx, hash: string) {
    const [row] = await db.select().from(people).where(eq(people.residentIdHash, hash));
    return row ?? null;
  },
  async insert(tx: DbOrTx, values: PersonInsert) {
    const [row] = await tx.insert(people).values(values).returning();
    return row ?? null;
  },
  async update(tx: DbOrTx, id: string, values: Partial<PersonInsert>) {
    const [row] = await tx.update(people).set(values).where(eq(people.id, id)).returning();
    return row ?? null;
  },
  async byPhoneAndName(db: DbOrTx, phone: string, name: string) {
    const [row] = await db
      .select()
      .from(people)
      .where(and(eq(people.phone, phone), eq(people.name, name)))
      .orderBy(asc(people.createdAt))
      .limit(1);
    return row ?? null;
  },
};

export type PersonInsert = typeof people.$inferInsert;
