import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { feeRefundAllocations } from '../runs/tables.js';
import { feeCollections } from '../tables.js';

export type FeeCollectionInsert = typeof feeCollections.$inferInsert;

/** 15 parameters a row: a few hundred rows per statement stay far below the protocol's limit. */
const INSERT_CHUNK = 500;

export const feeCollectionRepo = {
  /**
   * Inserts the rows the database does not hold yet; a row with the e-ticket number and period of
   * a stored one (or of an earlier row of the same statement) is skipped by the unique constraint.
   * Answers the ids of the rows inserted.
   */
  async insertNew(db: DbOrTx, rows: FeeCollectionInsert[]): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const inserted = await db
        .insert(feeCollections)
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflictDoNothing({
          target: [feeCollections.eTicketNo, feeCollections.periodFrom, feeCollections.periodTo],
        })
        .returning({ id: feeCollections.id });
      ids.push(...inserted.map((r) => r.id));
    }
    return ids;
  },
  /** Deletes the given rows of one import; answers how many went. */
  async deleteOfImport(db: DbOrTx, importId: string, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const gone = await db
      .delete(feeCollections)
      .where(and(eq(feeCollections.importId, importId), inArray(feeCollections.id, ids)))
      .returning({ id: feeCollections.id });
    return gone.length;
  },
  /** How many of these collections a refund run has computed (they cannot be taken out any more). */
  async computedAmong(db: DbOrTx, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${feeRefundAllocations.collectionId})::int` })
      .from(feeRefundAllocations)
      .where(inArray(feeRefundAllocations.collectionId, ids));
    return row?.n ?? 0;
  },
  /** The tax office names of computed collections that reached the treasury on these dates. */
  async computedOfficesOn(db: DbOrTx, dates: string[]): Promise<{ name: string; date: string }[]> {
    if (!dates.length) return [];
    return db
      .selectDistinct({ name: feeCollections.taxOfficeName, date: feeCollections.treasuryDate })
      .from(feeCollections)
      .innerJoin(feeRefundAllocations, eq(feeRefundAllocations.collectionId, feeCollections.id))
      .where(sql`${feeCollections.treasuryDate} = any(${sql.param(dates)}::date[])`);
  },
};
