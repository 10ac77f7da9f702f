/**
 * Calendar-date arithmetic for the disputes rules. A date is an ISO string
 * "YYYY-MM-DD" meaning a calendar day in China (UTC+8, no daylight saving).
 * Internally a date is a day number (days since 1970-01-01); no `Date` object
 * is used except to turn an injected instant into a China calendar date.
 */

import { civilOfDayNumber, dayNumberOf, daysInMonth, formatCivil } from '../../../core/civil-date.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

export { daysInMonth };

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const r = DATE_RE.exec(s);
  if (!r) return false;
  const y = Number(r[1]);
  const m = Number(r[2]);
  const d = Number(r[3]);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function assertIsoDate(s: string, what = 'date'): void {
  if (!isIsoDate(s)) throw new RangeError(`invalid ${what}: ${String(s)} (expected YYYY-MM-DD)`);
}

export function parts(s: IsoDate): { y: number; m: number; d: number } {
  assertIsoDate(s);
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}

export function fromParts(y: number, m: number, d: number): IsoDate {
  return formatCivil(y, m, d);
}

/** Days since 1970-01-01. */
export function toDayNumber(s: IsoDate): number {
  const { y, m, d } = parts(s);
  return dayNumberOf(y, m, d);
}

export function fromDayNumber(n: number): IsoDate {
  const { y, m, d } = civilOfDayNumber(n);
  return fromParts(y, m, d);
}

export function addDays(s: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(s) + n);
}

/** b − a in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * The same month and day `k` years later; a 29 February with no counterpart
 * becomes the last day of February (民法典第二百零二条: 没有对应日的，月末日为期间的最后一日).
 */
export function addYears(s: IsoDate, k: number): IsoDate {
  const { y, m, d } = parts(s);
  const ny = y + k;
  return fromParts(ny, m, Math.min(d, daysInMonth(ny, m)));
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(s: IsoDate): number {
  return (((toDayNumber(s) + 4) % 7) + 7) % 7;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(dates: readonly IsoDate[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (best === undefined || d > best) best = d;
  return best;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The China (UTC+8) calendar date of an instant. China has kept UTC+8 without DST since 1991. */
export function chinaDateOf(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Normalises an injected "now": a `Date` instant, an ISO date-time string with
 * an offset or `Z`, or a plain "YYYY-MM-DD" already in China time.
 */
export function toChinaDate(now: Date | string): IsoDate {
  if (typeof now === 'string') {
    if (isIsoDate(now)) return now;
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(now)) {
      throw new RangeError(`ambiguous time without an offset: ${now}`);
    }
    return chinaDateOf(new Date(now));
  }
  return chinaDateOf(now);
}
