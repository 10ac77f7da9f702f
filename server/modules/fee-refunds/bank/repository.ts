import { and, between, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inRegion } from '../../../core/scope.js';
import { feeBankCredits, feeCollections } from '../tables.js';
import { officeKey } from './row.js';

export type FeeBankCreditInsert = typeof feeBankCredits.$inferInsert;

const INSERT_CHUNK = 1000;

export const feeBankCreditRepo = {
  /**
   * Inserts the credits the database does not hold yet; a serial number stored already (or of an
   * earlier row of the same statement) is skipped by the unique constraint. Answers the new ids.
   */
  async insertNew(db: DbOrTx, rows: FeeBankCreditInsert[]): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const inserted = await db
        .insert(feeBankCredits)
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflictDoNothing({ target: [feeBankCredits.serialNo] })
        .returning({ id: feeBankCredits.id });
      ids.push(...inserted.map((r) => r.id));
    }
    return ids;
  },
  async byIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select({ creditDate: feeBankCredits.creditDate, payerKey: feeBankCredits.payerKey })
      .from(feeBankCredits)
      .where(inArray(feeBankCredits.id, ids));
  },
  /** Deletes the given rows of one import; answers how many went. */
  async deleteOfImport(db: DbOrTx, importId: string, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const gone = await db
      .delete(feeBankCredits)
      .where(and(eq(feeBankCredits.importId, importId), inArray(feeBankCredits.id, ids)))
      .returning({ id: feeBankCredits.id });
    return gone.length;
  },
};

/*
 * The sums the reconciliation (reconciliation.ts) merges: the collections per office and treasury
 * date, the credits per payer and date.
 */

export interface ReconcileScope {
  /** The caller's region (null: the whole country): whose collections are summed. */
  scope: string | null;
  /** Narrower still: a province, city or county inside the scope. */
  regionCode?: string;
  from: string;
  to: string;
}

export interface Sums {
  name: string;
  date: string;
  fen: bigint;
  count: number;
}

export interface CreditSums extends Sums {
  regionCode: string | null;
}

/** The collections in the scope, summed per office name and treasury date. */
export async function collectionSums(db: DbOrTx, f: ReconcileScope, office?: string): Promise<Sums[]> {
  const rows = await db
    .select({
      name: feeCollections.taxOfficeName,
      date: feeCollections.treasuryDate,
      fen: sql<string>`sum(${feeCollections.paidFen})::text`,
      count: sql<number>`count(*)::int`,
    })
    .from(feeCollections)
    .where(
      and(
        between(feeCollections.treasuryDate, f.from, f.to),
        inRegion(feeCollections.regionCode, f.scope),
        inRegion(feeCollections.regionCode, f.regionCode),
      ),
    )
    .groupBy(feeCollections.taxOfficeName, feeCollections.treasuryDate);
  const all = rows.map((r) => ({ ...r, fen: BigInt(r.fen) }));
  return office === undefined ? all : all.filter((r) => officeKey(r.name) === officeKey(office));
}

/** Every credit of the window, summed per payer key, date and the importer's region. */
export async function creditSums(db: DbOrTx, from: string, to: string, office?: string): Promise<CreditSums[]> {
  const rows = await db
    .select({
      name: sql<string>`min(${feeBankCredits.payerName})`,
      key: feeBankCredits.payerKey,
      date: feeBankCredits.creditDate,
      regionCode: feeBankCredits.regionCode,
      fen: sql<string>`sum(${feeBankCredits.amountFen})::text`,
      count: sql<number>`count(*)::int`,
    })
    .from(feeBankCredits)
    .where(
      and(
        between(feeBankCredits.creditDate, from, to),
        office === undefined ? undefined : eq(feeBankCredits.payerKey, officeKey(office)),
      ),
    )
    .groupBy(feeBankCredits.payerKey, feeBankCredits.creditDate, feeBankCredits.regionCode);
  return rows.map((r) => ({
    name: r.name,
    date: r.date,
    regionCode: r.regionCode,
    fen: BigInt(r.fen),
    count: r.count,
  }));
}
