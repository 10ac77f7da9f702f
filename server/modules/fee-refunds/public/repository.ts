import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { feeEnterpriseAccess, type FeeAccessKind } from './tables.js';

// The no-login door's own queries: codes and sessions, stored as hashes only.

export const accessRepo = {
  async store(db: DbOrTx, uscc: string, kind: FeeAccessKind, tokenHash: string, expiresAt: Date) {
    await db.insert(feeEnterpriseAccess).values({ uscc, kind, tokenHash, expiresAt });
  },
  async byHash(db: DbOrTx, tokenHash: string) {
    const [row] = await db.select().from(feeEnterpriseAccess).where(eq(feeEnterpriseAccess.tokenHash, tokenHash));
    return row ?? null;
  },
  /** The newest unused, unexpired code sent for a USCC. */
  async latestOpenCode(db: DbOrTx, uscc: string, now: Date) {
    const [row] = await db
      .select()
      .from(feeEnterpriseAccess)
      .where(
        and(
          eq(feeEnterpriseAccess.uscc, uscc),
          eq(feeEnterpriseAccess.kind, 'code'),
          isNull(feeEnterpriseAccess.usedAt),
          gt(feeEnterpriseAccess.expiresAt, now),
        ),
      )
      .orderBy(desc(feeEnterpriseAccess.createdAt))
      .limit(1);
    return row ?? null;
  },
  /** One more wrong code against this one, counted in the database (concurrent tries all count). */
  async countWrongAttempt(db: DbOrTx, id: string) {
    await db
      .update(feeEnterpriseAccess)
      .set({ attempts: sql`${feeEnterpriseAccess.attempts} + 1` })
      .where(eq(feeEnterpriseAccess.id, id));
  },
  /** Spends a code once: false when a concurrent verification spent it first. */
  async markUsed(db: DbOrTx, id: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(feeEnterpriseAccess)
      .set({ usedAt: at })
      .where(and(eq(feeEnterpriseAccess.id, id), isNull(feeEnterpriseAccess.usedAt)))
      .returning({ id: feeEnterpriseAccess.id });
    return rows.length === 1;
  },
};
