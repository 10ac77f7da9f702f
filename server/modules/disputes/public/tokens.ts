import type { FieldCipher } from '../../../core/crypto.js';
import type { TokenPurpose } from '../tables.js';

export type { TokenPurpose };

// The secrets of the dispute doors: the shared tokens and codes (core/one-time-codes.ts), and how
// a code is stored, bound to its case (repository.ts keeps them).

export { newLinkToken, newSmsCode, sameHash } from '../../../core/one-time-codes.js';

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
