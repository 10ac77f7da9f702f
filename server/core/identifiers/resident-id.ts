/**
 * PRC resident identity card number (公民身份号码), GB 11643-1999, 18 characters:
 *
 *   1–6    address code (常住户口所在县的行政区划代码, GB/T 2260)
 *   7–14   date of birth YYYYMMDD
 *   15–17  sequence code (顺序码): odd = male, even = female
 *   18     check character, ISO 7064 MOD 11-2:
 *            weights W_i = 2^(17−i) mod 11 for i = 0..16
 *                    = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
 *            check   = (12 − (Σ a_i×W_i mod 11)) mod 11, where 10 is written 'X'
 *
 * Birth dates are compared with the calendar date in China (UTC+8, no DST) of `asOf`.
 */

export const RESIDENT_ID_WEIGHTS: readonly number[] = Object.freeze(
  Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11),
);

export type Sex = 'male' | 'female';

export type ResidentIdValidationResult =
  | { ok: true; birthDate: string; sex: Sex; regionCode: string }
  | { ok: false; reason: 'format' | 'birthdate' | 'checksum'; message: string; messageEn: string };

const RESIDENT_ID_RE = /^[1-9][0-9]{16}[0-9X]$/;
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Trim surrounding whitespace and turn a lowercase 'x' into 'X'. */
export function normalizeResidentId(id: string): string {
  return id.trim().replace(/x/g, 'X');
}

/** ISO 7064 MOD 11-2 check character for the first 17 digits. Throws on malformed input. */
export function residentIdCheckChar(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) {
    throw new Error(`residentIdCheckChar: expected 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (RESIDENT_ID_WEIGHTS[i] as number);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' of `d` as a calendar date in China Standard Time (UTC+8). */
export function chinaDateString(d: Date): string {
  const t = new Date(d.getTime() + CHINA_UTC_OFFSET_MS);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate(); // day 0 of next month = last day of m
  return d <= dim;
}

/**
 * Validate an 18-character resident ID. The input is normalized first (trim, 'x' → 'X'),
 * so a lowercase trailing x is accepted. Checks are applied in order: format → birth date →
 * check character.
 *
 * @param asOf reference "today" for the not-in-the-future rule (defaults to now).
 */
export function validateResidentId(id: string, asOf: Date = new Date()): ResidentIdValidationResult {
  const v = normalizeResidentId(id);
  if (!RESIDENT_ID_RE.test(v)) {
    return {
      ok: false,
      reason: 'format',
      message:
        v.length !== 18
          ? `身份证号码应为18位，当前为${v.length}位`
          : '身份证号码格式不正确（前17位须为数字，末位为数字或X）',
      messageEn:
        v.length !== 18
          ? `Resident ID number must be 18 characters long (got ${v.length})`
          : 'Malformed resident ID number (first 17 characters must be digits, the last a digit or X)',
    };
  }
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (!isRealDate(y, m, d)) {
    return {
      ok: false,
      reason: 'birthdate',
      message: `身份证号码中的出生日期${birthDate}不是有效日期`,
      messageEn: `The date of birth ${birthDate} in the resident ID number is not a valid calendar date`,
    };
  }
  if (y < 1900) {
    return {
      ok: false,
      reason: 'birthdate',
      message: `身份证号码中的出生年份${y}早于1900年`,
      messageEn: `The birth year ${y} in the resident ID number is before 1900`,
    };
  }
  if (birthDate > chinaDateString(asOf)) {
    return {
      ok: false,
      reason: 'birthdate',
      message: `身份证号码中的出生日期${birthDate}晚于当前日期`,
      messageEn: `The date of birth ${birthDate} in the resident ID number is in the future`,
    };
  }
  const expected = residentIdCheckChar(v.slice(0, 17));
  if (v.charAt(17) !== expected) {
    return {
      ok: false,
      reason: 'checksum',
      message: `身份证号码校验位错误（末位应为“${expected}”），请核对`,
      messageEn: `Resident ID number check character is wrong (the last character should be "${expected}")`,
    };
  }
  return {
    ok: true,
    birthDate,
    sex: sexOfResidentId(v),
    regionCode: v.slice(0, 6),
  };
}

/** GB 11643-1999 §4.2: the sequence code (17th character) is odd for men and even for women. */
export function sexOfResidentId(id: string): Sex {
  return Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
}

/**
 * Mask for display: first 4 + 10 asterisks + last 4, e.g. "4420**********1234".
 * Inputs that are not 18 characters keep at most their first/last 4 characters visible
 * (and are fully masked when 8 characters or shorter).
 */
export function maskResidentId(id: string): string {
  const v = normalizeResidentId(id);
  if (v.length <= 8) return '*'.repeat(v.length);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

/**
 * The same masked form from the head and tail a record keeps beside the encrypted number (the
 * full ID need not be decrypted to show it): "4420" + 10 asterisks + "1234". Null when either
 * part is missing (no ID on file).
 */
export function maskResidentIdParts(head: string, tail: string): string;
export function maskResidentIdParts(head: string | null | undefined, tail: string | null | undefined): string | null;
export function maskResidentIdParts(head: string | null | undefined, tail: string | null | undefined): string | null {
  if (!head || !tail) return null;
  return `${head}${'*'.repeat(10)}${tail}`;
}

export interface BuildResidentIdInput {
  /** 6-digit GB/T 2260 region code. */
  regionCode: string;
  /** 'YYYY-MM-DD' or 'YYYYMMDD'. */
  birthDate: string;
  /** 0–999; odd = male, even = female. */
  sequence: number;
}

/** Assemble an 18-character resident ID with a correct check character. Throws on malformed input. */
export function buildResidentId(input: BuildResidentIdInput): string {
  const { regionCode, birthDate, sequence } = input;
  if (!/^[1-9][0-9]{5}$/.test(regionCode)) {
    throw new Error(`buildResidentId: regionCode must be 6 digits not starting with 0, got "${regionCode}"`);
  }
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new Error(`buildResidentId: invalid birthDate "${birthDate}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new Error(`buildResidentId: sequence must be an integer 0–999, got ${sequence}`);
  }
  const first17 = `${regionCode}${m[1]}${m[2]}${m[3]}${pad(sequence, 3)}`;
  return first17 + residentIdCheckChar(first17);
}
