import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
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
};
