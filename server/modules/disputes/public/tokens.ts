import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { FieldCipher } from '../../../core/crypto.js';
import type { DbOrTx } from '../../../db/client.js';
import { disputeAccessTokens, type TokenPurpose } from '../tables.js';

export type { TokenPurpose };

/** Long random tokens for links; short numeric codes for SMS, bound to their case. */
export function newLinkToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function newSmsCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * A one-time code as stored: an HMAC-SHA256 under the server's key (a plain hash of a six-digit
 * code is undone by hashing all million codes), bound to the case, the purpose and the code's
 * expiry, so that the same digits sent twice are stored differently.
 */
export function codeHash(
  cipher: FieldCipher,
  caseId: string,
  purpose: TokenPurpose,
  expiresAt: Date,
  code: string,
): string {
  return cipher.searchHash(`sms-code:v1:${caseId}:${purpose}:${expiresAt.toISOString()}:${code}`);
}

/** Compares two stored hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function storeToken(db: DbOrTx, caseId: string, purpose: TokenPurpose, hash: string, expiresAt: Date) {
  await db.insert(disputeAccessTokens).values({ caseId, purpose, tokenHash: hash, expiresAt });
}

export async function latestOpenCode(db: DbOrTx, caseId: string, purpose: TokenPurpose, now: Date) {
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
}
