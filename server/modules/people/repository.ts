import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx, Tx } from '../../db/client.js';
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
  /**
   * Deletes the person unless a row of another table still points at it (an account, a case): the
   * foreign key refuses, and only the savepoint is rolled back. Answers whether it was deleted.
   */
  async deleteIfUnreferenced(tx: Tx, id: string): Promise<boolean> {
    try {
      return await tx.transaction(async (sp) => {
        const gone = await sp.delete(people).where(eq(people.id, id)).returning({ id: people.id });
        return gone.length > 0;
      });
    } catch (err) {
      if (pgCodeOf(err) === FOREIGN_KEY_VIOLATION) return false;
      throw err;
    }
  },
  /** People by the keyed hashes of their resident IDs: one array parameter for an import's batch. */
  async byResidentIdHashes(db: DbOrTx, hashes: string[]) {
    if (!hashes.length) return [];
    return db
      .select({
        id: people.id,
        name: people.name,
        regionCode: people.regionCode,
        residentIdHash: people.residentIdHash,
      })
      .from(people)
      .where(sql`${people.residentIdHash} = any(${sql.param(hashes)}::text[])`);
  },
  /** These people as stored (for the audit records of their removal). */
  async rawByIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select()
      .from(people)
      .where(sql`${people.id} = any(${sql.param(ids)}::uuid[])`);
  },
  /**
   * Deletes these people in one statement inside a savepoint; when a row of another table still
   * points at one of them the foreign key refuses the whole statement, and each is tried alone
   * (deleteIfUnreferenced). Answers the ids deleted.
   */
  async deleteUnreferenced(tx: Tx, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    try {
      return await tx.transaction(async (sp) => {
        const gone = await sp
          .delete(people)
          .where(sql`${people.id} = any(${sql.param(ids)}::uuid[])`)
          .returning({ id: people.id });
        return gone.map((g) => g.id);
      });
    } catch (err) {
      if (pgCodeOf(err) !== FOREIGN_KEY_VIOLATION) throw err;
    }
    const deleted: string[] = [];
    for (const id of ids) if (await personRepo.deleteIfUnreferenced(tx, id)) deleted.push(id);
    return deleted;
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

const FOREIGN_KEY_VIOLATION = '23503';

/** The SQLSTATE of a database error, also when Drizzle wraps the driver's error. */
function pgCodeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.code === 'string' ? e.code : e.cause?.code;
  return typeof code === 'string' ? code : undefined;
}
