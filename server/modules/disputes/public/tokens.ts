import crypto from 'node:crypto';
import type { FieldCipher } from '../../../core/crypto.js';
import type { TokenPurpose } from '../tables.js';

export type { TokenPurpose };

// The secrets of the no-login doors: long random tokens for links, short numeric codes for SMS,
// and how a code is stored (repository.ts keeps them).

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
