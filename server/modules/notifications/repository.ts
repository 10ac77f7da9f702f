import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { outbox } from './tables.js';

export type OutboxInsert = typeof outbox.$inferInsert;

export const outboxRepo = {
  async insert(tx: DbOrTx, message: OutboxInsert): Promise<void> {
    await tx.insert(outbox).values(message);
  },

  /** The newest `limit` messages to one recipient. */
  async latestTo(db: DbOrTx, recipient: string, limit: number) {
    return db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(desc(outbox.createdAt)).limit(limit);
  },
};
