/**
 * Mainland China mobile numbers: 11 digits, "1" followed by 3–9 (13x … 19x). Normalising and
 * masking are browser-safe, defined once in contracts/identifiers.ts for the web too.
 */
import { normalizeMobile } from '../../../contracts/identifiers.js';

export { maskMobile, normalizeMobile } from '../../../contracts/identifiers.js';

export type MobileValidationResult =
  { ok: true; normalized: string } | { ok: false; reason: 'format'; message: string; messageEn: string };

const MOBILE_RE = /^1[3-9][0-9]{9}$/;

/** Validate a mainland mobile number (after {@link normalizeMobile}). */
export function validateMobile(phone: string): MobileValidationResult {
  const v = normalizeMobile(phone);
  if (!MOBILE_RE.test(v)) {
    return {
      ok: false,
      reason: 'format',
      message: '手机号码格式不正确（应为以13–19开头的11位数字）',
      messageEn: 'Invalid mobile number (expected 11 digits starting with 13–19)',
    };
  }
  return { ok: true, normalized: v };
}

/** Convenience boolean form of {@link validateMobile}. */
export function isValidMobile(phone: string): boolean {
  return validateMobile(phone).ok;
}
