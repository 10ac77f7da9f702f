import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { disputeAccessTokens, disputeCases, type TokenPurpose } from '../tables.js';

// The no-login doors' own queries: the one-time links and SMS codes (stored as hashes only), and
// a case found by the number a worker types.

export async function caseByNumber(db: DbOrTx, caseNumber: string) {
  const [row] = await db.select().from(disputeCases).where(eq(disputeCases.caseNumber, caseNumber));
  return row ?? null;
}

export const tokenRepo = {
  async byHash(db: DbOrTx, hash: string) {
    const [row] = await db.select().from(disputeAccessTokens).where(eq(disputeAccessTokens.tokenHash, hash));
    return row ?? null;
  },
  async store(db: DbOrTx, caseId: string, purpose: TokenPurpose, hash: string, expiresAt: Date) {
    await db.insert(disputeAccessTokens).values({ caseId, purpose, tokenHash: hash, expiresAt });
  },
  /** The newest unused, unexpired token of a case for a purpose. */
  async latestOpen(db: DbOrTx, caseId: string, purpose: TokenPurpose, now: Date) {
    const [row] = await db
      .select()
      .from(disputeAccessTokens)
      .where(
        and(
          eq(disputeAccessTokens.caseId, caseId),
          eq(disputeAccessTokens.purpose, purpose),
          isNull(disputeAccessTokens.usedAt),
          gt(disputeAccessTokens.expiresAt, now),
        ),
      )
      .orderBy(desc(disputeAccessTokens.createdAt))
      .limit(1);
    return row ?? null;
  },
  /** One more wrong code against this token, counted in the database (concurrent tries all count). */
  async countWrongAttempt(db: DbOrTx, tokenId: string) {
    await db
      .update(disputeAccessTokens)
      .set({ attempts: sql`${disputeAccessTokens.attempts} + 1` })
      .where(eq(disputeAccessTokens.id, tokenId));
  },
  async markUsed(db: DbOrTx, tokenId: string, at: Date) {
    await db.update(disputeAccessTokens).set({ usedAt: at }).where(eq(disputeAccessTokens.id, tokenId));
  },
};
