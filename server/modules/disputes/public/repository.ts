import { and, asc, desc, eq, gt, isNull, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { disputeAccessTokens, disputeCases, disputeEvidence, type TokenPurpose } from '../tables.js';
import { canonicalCaseNumber, caseNumberTail, parseCaseNumber } from './case-number.js';

// The no-login doors' own queries: the one-time links and SMS codes (stored as hashes only), and
// a case found by the number a worker types.

/**
 * The case a typed number names: the number as stored, else its canonical spelling, else — when the
 * studio's prefix was left out — the one case whose number ends the same way (none if two studios
 * share the year and sequence: the worker is then asked for the whole number).
 */
export async function caseByNumber(db: DbOrTx, caseNumber: string) {
  const exact = async (n: string) =>
    (await db.select().from(disputeCases).where(eq(disputeCases.caseNumber, n)))[0] ?? null;
  const typed = caseNumber.trim();
  const found = await exact(typed);
  if (found) return found;
  const parts = parseCaseNumber(typed);
  if (!parts) return null;
  if (parts.prefix) return exact(canonicalCaseNumber(parts));
  const rows = await db
    .select()
    .from(disputeCases)
    .where(like(disputeCases.caseNumber, `%${caseNumberTail(parts)}`))
    .limit(2);
  return rows.length === 1 ? rows[0]! : null;
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

/** The evidence one party provided for a case (the worker's own uploads, by who is recorded as providing them). */
export const providedEvidenceRepo = {
  async list(db: DbOrTx, caseId: string, providedBy: string) {
    return db
      .select({
        id: disputeEvidence.id,
        filename: disputeEvidence.filename,
        sizeBytes: disputeEvidence.sizeBytes,
        createdAt: disputeEvidence.createdAt,
      })
      .from(disputeEvidence)
      .where(and(eq(disputeEvidence.caseId, caseId), eq(disputeEvidence.uploadedBy, providedBy)))
      .orderBy(asc(disputeEvidence.createdAt));
  },
};
