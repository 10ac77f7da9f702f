/**
 * Mainland China mobile numbers: 11 digits, "1" followed by 3–9 (13x … 19x).
 */

export type MobileValidationResult =
  { ok: true; normalized: string } | { ok: false; reason: 'format'; message: string; messageEn: string };

const MOBILE_RE = /^1[3-9][0-9]{9}$/;

/**
 * Trim, drop spaces / hyphens / full-width spaces, and strip a leading "+86", "0086" or "86"
 * country prefix when what remains is 11 digits. Does not validate.
 */
export function normalizeMobile(phone: string): string {
  let v = phone.trim().replace(/[\s\u3000-]/g, '');
  const m = /^(?:\+86|0086|86)(\d{11})$/.exec(v);
  if (m) v = m[1] as string;
  return v;
}

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

/**
 * Mask for display: "13812345678" → "138****5678". Inputs of other lengths keep the first 3
 * and last 4 characters when longer than 7, otherwise are fully masked.
 */
export function maskMobile(phone: string): string {
  const v = normalizeMobile(phone);
  if (v.length <= 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}
