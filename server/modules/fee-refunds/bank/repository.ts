import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { feeBankCredits } from '../tables.js';

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
