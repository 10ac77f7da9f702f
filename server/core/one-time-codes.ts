import crypto from 'node:crypto';

// The secrets of the no-login doors every module shares: long random tokens for links and
// sessions, short numeric codes for SMS, and the constant-time comparison of their stored hashes.
// How a code is hashed stays with its module (bound to what the code opens).

/** A long random token (24 random bytes, base64url) for a link or a no-login session. */
export function newLinkToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** A six-digit code for an SMS. */
export function newSmsCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Compares two stored hashes or codes in constant time. */
export function sameHash(a: string, b: string): boolean {
  // Compared as text, not decoded as hex: a decoder stops at the first character that is not a
  // hex digit, so two different codes shaped like "YZP1-…" would both decode to nothing and match.
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
