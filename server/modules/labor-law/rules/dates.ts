/**
 * Pure calendar-date helpers. Dates are ISO strings "YYYY-MM-DD" with no time
 * and no time zone; internally a date is a day number (days since 1970-01-01
 * in the proleptic Gregorian calendar). No `Date` object is used.
 */

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isValidDateString(s: string): boolean {
  const r = DATE_RE.exec(s);
  if (!r) return false;
  const y = Number(r[1]);
  const m = Number(r[2]);
  const d = Number(r[3]);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isValidMonthString(s: string): boolean {
  const r = MONTH_RE.exec(s);
  if (!r) return false;
  const m = Number(r[2]);
  return Number(r[1]) >= 1 && m >= 1 && m <= 12;
}

export function parseDate(s: string): Ymd {
  if (!isValidDateString(s)) throw new RangeError(`invalid date: ${s}`);
  const r = DATE_RE.exec(s)!;
  return { y: Number(r[1]), m: Number(r[2]), d: Number(r[3]) };
}

export function formatDate(x: Ymd): string {
  return `${String(x.y).padStart(4, '0')}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (civil-from-days algorithm, integer only). */
export function toDayNumber(s: string): number {
  const { y, m, d } = parseDate(s);
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return formatDate({ y, m, d });
}

export function addDays(s: string, n: number): string {
  return fromDayNumber(toDayNumber(s) + n);
}

/** Number of days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Monthly anniversary: the same day-of-month `k` months later, clamped to the
 * last day of the target month (2023-01-31 + 1 month = 2023-02-28).
 */
export function addMonths(s: string, k: number): string {
  const { y, m, d } = parseDate(s);
  const idx = y * 12 + (m - 1) + k;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return formatDate({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

export function compareDates(a: string, b: string): number {
  // ISO strings compare lexicographically
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** "YYYY-MM" of a date. */
export function monthOf(s: string): string {
  return s.slice(0, 7);
}

/** Today's calendar date in China (UTC+8), for callers that do not inject one. */
export function todayInChina(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3600 * 1000);
  return shifted.toISOString().slice(0, 10);
}
