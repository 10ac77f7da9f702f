/**
 * Formatting for Chinese legal documents: money in yuan and in capitals (大写), dates.
 *
 * Capital-amount rules (after 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》, the
 * rules banks apply to cheques and vouchers):
 * 1. Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿 (万亿 above 9999亿), currency units 元角分.
 *    "人民币" is written in front (option `prefix: false` drops it).
 * 2. 拾 always carries its digit: 10 元 → 壹拾元整, 100,010 元 → 壹拾万零壹拾元整.
 * 3. A whole-yuan amount ends in 整: 壹拾元整. An amount that ends in 角 or 分 has no 整:
 *    壹佰万零伍元伍角, 叁元伍角叁分 (the rules allow 整 after 角; we do not write it).
 * 4. Zeros inside the integer part are written as a single 零 for each run of zeros that stands
 *    between two non-zero digits, also across the 万 and 亿 boundaries: 100,005 → 壹拾万零伍元,
 *    107,000 → 壹拾万零柒仟元, 100,000,005 → 壹亿零伍元. Trailing zeros of a section are dropped
 *    and a section of all zeros writes no unit: 100,000,000 → 壹亿元.
 * 5. When the 元 digit is 0 and 角/分 follow, one 零 is written after 元: 1,680.32 →
 *    壹仟陆佰捌拾元零叁角贰分 (the rules allow either; we always write it, like rule 4).
 *    When 角 is 0 and 分 is not, 零 is required: 325.04 → 叁佰贰拾伍元零肆分.
 * 6. Below one yuan no 元 is written: 0.50 → 人民币伍角, 0.05 → 人民币伍分. Zero is 人民币零元整.
 * Negative or fractional fen, and amounts beyond Number.MAX_SAFE_INTEGER, are rejected.
 */
import type { IsoDate, IsoDateTime, Sex } from './types.js';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const IN_SECTION = ['', '拾', '佰', '仟'] as const;
const SECTIONS = ['', '万', '亿', '万亿'] as const;

/** `table[i]` for an index the caller has already bounded; a miss is a bug, not a blank. */
function pick(table: readonly string[], i: number): string {
  const entry = table[i];
  if (entry === undefined) throw new RangeError(`no entry ${i} in a ${table.length}-entry numeral table`);
  return entry;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`amount must be a non-negative safe integer number of fen, got ${fen}`);
  }
}

/** A 1–9999 section, without leading 零 (the caller decides about zeros between sections). */
function sectionInCapitals(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += pick(DIGITS, d) + pick(IN_SECTION, pos);
  }
  return out;
}

function integerInCapitals(yuan: number): string {
  const sections: number[] = [];
  for (let v = yuan; v > 0; v = Math.floor(v / 10000)) sections.push(v % 10000);
  if (sections.length > SECTIONS.length) throw new RangeError(`amount too large: ${yuan} yuan`);
  let out = '';
  let pendingZero = false;
  for (const [i, s] of [...sections.entries()].reverse()) {
    if (s === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    // zeros between the last written digit and this section: trailing zeros of the section
    // before, a whole zero section, or leading zeros of this one
    if (out !== '' && (pendingZero || s < 1000)) out += '零';
    // 1万2345亿 is 壹万贰仟叁佰肆拾伍亿: the 万亿 section says only 万 when 亿 follows
    const unit = i === 3 && sections[2] !== 0 ? '万' : pick(SECTIONS, i);
    out += sectionInCapitals(s) + unit;
    pendingZero = s % 10 === 0;
  }
  return out;
}

/** 人民币壹万贰仟叁佰肆拾伍元整 for 1234500 fen. See the rules at the top of this file. */
export function amountInChineseCapitals(fen: number, options: { prefix?: boolean } = {}): string {
  assertFen(fen);
  const prefix = options.prefix === false ? '' : '人民币';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return `${prefix}零元整`;
  let out = '';
  if (yuan > 0) out += integerInCapitals(yuan) + '元';
  if (jiao === 0 && cents === 0) return `${prefix}${out}整`;
  if (yuan > 0 && (yuan % 10 === 0 || jiao === 0)) out += '零';
  if (jiao > 0) out += DIGITS[jiao] + '角';
  if (cents > 0) out += DIGITS[cents] + '分';
  return prefix + out;
}

/** "12,345.00" */
export function yuanDigits(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount must be an integer number of fen, got ${fen}`);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const int = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${int}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12,345.00 元" */
export function formatYuan(fen: number): string {
  return `${yuanDigits(fen)} 元`;
}

/** "12,345.00 元（人民币壹万贰仟叁佰肆拾伍元整）" */
export function formatAmount(fen: number): string {
  return `${formatYuan(fen)}（${amountInChineseCapitals(fen)}）`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function parseDate(s: string): { y: number; m: number; d: number; time?: string } {
  const m = DATE_RE.exec(s);
  if (!m) throw new RangeError(`not an ISO date: ${s}`);
  const r = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return m[4] !== undefined ? { ...r, time: `${m[4]}:${m[5]}` } : r;
}

/** "2025年5月8日" */
export function formatDate(s: IsoDate | IsoDateTime): string {
  const { y, m, d } = parseDate(s);
  return `${y}年${m}月${d}日`;
}

/** "2025年5月8日 10:30" (or just the date when no time is given) */
export function formatDateTime(s: IsoDateTime): string {
  const p = parseDate(s);
  return p.time ? `${formatDate(s)} ${p.time}` : formatDate(s);
}

const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

function smallNumberInChinese(n: number): string {
  if (n < 10) return pick(NUMERALS, n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : pick(NUMERALS, tens)}十${ones === 0 ? '' : pick(NUMERALS, ones)}`;
}

/** "二〇二五年五月十日": the date under a court's ruling. */
export function formatDateInChineseNumerals(s: IsoDate): string {
  const { y, m, d } = parseDate(s);
  const year = String(y)
    .split('')
    .map((c) => NUMERALS[Number(c)])
    .join('');
  return `${year}年${smallNumberInChinese(m)}月${smallNumberInChinese(d)}日`;
}

const ORDINALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** 1 → 一, 12 → 十二, 21 → 二十一 (for 第一期, 一、…); up to 99. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`ordinal out of range: ${n}`);
  if (n <= 10) return pick(ORDINALS, n);
  return smallNumberInChinese(n);
}

/** A blank line to complete by hand, for facts the case does not hold. */
export const HAND_BLANK = '＿＿＿＿';

export function sexLabel(sex: Sex | undefined): string {
  if (!sex) return HAND_BLANK;
  return sex === 'male' ? '男' : '女';
}
