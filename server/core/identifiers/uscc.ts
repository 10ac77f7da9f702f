/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
 *
 * Layout of the 18 characters (1-based positions):
 *   1      registration authority code (登记管理部门代码), e.g. '9' 工商/市场监管, '8' 工会, '5' 民政
 *   2      entity type code (机构类别代码), e.g. '1' 企业 under authority '9'
 *   3–8    administrative region code (登记管理机关行政区划码, GB/T 2260), digits only
 *   9–17   organization code (主体标识码/组织机构代码, GB 11714): 8 body chars + 1 check char
 *   18     check character (校验码) over positions 1–17
 *
 * Charset (31 symbols, values 0–30): "0123456789ABCDEFGHJKLMNPQRTUWXY" — the letters
 * I, O, Z, S, V are never used.
 *
 * Check character: weights for positions 1..17 are 3^(i-1) mod 31
 *   = 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28;
 *   check = charset[(31 − Σ value×weight mod 31) mod 31].
 *
 * A wrong check character is reported as reason 'checksum', which callers are expected
 * to treat as a WARNING (real-world registries contain mistyped codes that still need to be
 * stored); 'format' errors are hard rejects.
 */

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights 3^(i−1) mod 31 for positions i = 1..17. */
export const USCC_WEIGHTS: readonly number[] = Object.freeze(
  Array.from({ length: 17 }, (_, i) => {
    let w = 1;
    for (let k = 0; k < i; k++) w = (w * 3) % 31;
    return w;
  }),
);

/** GB 11714 organization-code weights for the 8 body characters. */
export const ORG_CODE_WEIGHTS: readonly number[] = Object.freeze([3, 7, 9, 10, 5, 8, 4, 2]);

const USCC_FORMAT_RE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const USCC_17_RE = /^[0-9A-HJ-NPQRTUWXY]{17}$/;
const ORG_BODY_RE = /^[0-9A-HJ-NPQRTUWXY]{8}$/;

export type UsccValidationResult =
  { ok: true } | { ok: false; reason: 'format' | 'checksum'; message: string; messageEn: string };

/** Trim surrounding whitespace and upper-case. Does not otherwise alter the input. */
export function normalizeUscc(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Compute the USCC check character (position 18) for the first 17 characters.
 * Throws if `first17` is not 17 characters from the USCC charset.
 */
export function usccCheckChar(first17: string): string {
  if (!USCC_17_RE.test(first17)) {
    throw new Error(`usccCheckChar: expected 17 characters from the USCC charset, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] as number);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Value of an organization-code character per GB 11714: '0'–'9' → 0–9, 'A'–'Z' → 10–35. */
function orgCharValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  throw new Error(`invalid organization-code character "${ch}"`);
}

/**
 * GB 11714 organization-code check character for an 8-character body:
 * C = 11 − (Σ value×weight mod 11), where 10 → 'X' and 11 → '0'.
 * The body is restricted to the USCC charset so that the result can be embedded in a USCC.
 */
export function orgCodeCheckChar(body8: string): string {
  if (!ORG_BODY_RE.test(body8)) {
    throw new Error(`orgCodeCheckChar: expected 8 characters from the USCC charset, got "${body8}"`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body8.charAt(i)) * (ORG_CODE_WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/**
 * Validate a USCC. The input is normalized first (trim + upper-case), so
 * " 91350100m000100y43 " validates.
 *
 * - 'format'  (hard error): not 18 chars, a character outside the charset (I/O/Z/S/V, punctuation,
 *             full-width…), or a non-digit in the region-code positions 3–8.
 * - 'checksum' (warning): well-formed but position 18 is not the computed check character.
 *
 * The embedded GB 11714 organization-code check (position 17) is NOT enforced: codes issued
 * to individual businesses and other legacy codes do not always satisfy it.
 */
export function validateUscc(code: string): UsccValidationResult {
  const c = normalizeUscc(code);
  if (c.length !== 18) {
    return {
      ok: false,
      reason: 'format',
      message: `统一社会信用代码应为18位，当前为${c.length}位`,
      messageEn: `Unified Social Credit Code must be 18 characters long (got ${c.length})`,
    };
  }
  if (!USCC_FORMAT_RE.test(c)) {
    const bad = [...c].find((ch) => !USCC_CHARSET.includes(ch));
    if (bad !== undefined) {
      return {
        ok: false,
        reason: 'format',
        message: `统一社会信用代码含有非法字符“${bad}”（不使用字母I、O、Z、S、V）`,
        messageEn: `Unified Social Credit Code contains an illegal character "${bad}" (letters I, O, Z, S, V are not used)`,
      };
    }
    return {
      ok: false,
      reason: 'format',
      message: '统一社会信用代码第3–8位（登记管理机关行政区划码）必须为数字',
      messageEn: 'Positions 3–8 of a Unified Social Credit Code (region code) must be digits',
    };
  }
  const expected = usccCheckChar(c.slice(0, 17));
  if (c.charAt(17) !== expected) {
    return {
      ok: false,
      reason: 'checksum',
      message: `统一社会信用代码校验位不符（第18位应为“${expected}”），请核对`,
      messageEn: `Unified Social Credit Code check character mismatch (position 18 should be "${expected}"); please double-check`,
    };
  }
  return { ok: true };
}

export interface BuildUsccInput {
  /** Position 1, e.g. '9' (market regulation), '8' (trade unions), '5' (civil affairs). */
  registrationAuthority: string;
  /** Position 2, e.g. '1' (enterprise under authority '9'; grassroots union under '8'). */
  entityType: string;
  /** Positions 3–8: 6-digit GB/T 2260 region code, e.g. '442000' (中山市). */
  regionCode: string;
  /** First 8 characters of the GB 11714 organization code; its check char is computed. */
  orgCodeBody8: string;
}

/**
 * Assemble a USCC whose embedded organization code has a valid GB 11714 check character and
 * whose 18th character is a valid GB 32100 check character. Throws on malformed input.
 */
export function buildUscc(input: BuildUsccInput): string {
  const { registrationAuthority, entityType, regionCode, orgCodeBody8 } = input;
  if (registrationAuthority.length !== 1 || !USCC_CHARSET.includes(registrationAuthority)) {
    throw new Error(`buildUscc: invalid registrationAuthority "${registrationAuthority}"`);
  }
  if (entityType.length !== 1 || !USCC_CHARSET.includes(entityType)) {
    throw new Error(`buildUscc: invalid entityType "${entityType}"`);
  }
  if (!/^[0-9]{6}$/.test(regionCode)) {
    throw new Error(`buildUscc: regionCode must be 6 digits, got "${regionCode}"`);
  }
  const body = orgCodeBody8.toUpperCase();
  const first17 = registrationAuthority + entityType + regionCode + body + orgCodeCheckChar(body);
  return first17 + usccCheckChar(first17);
}
