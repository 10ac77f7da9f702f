/**
 * Calendar dates, defined once for the server's rules (labor law, disputes, documents) and the
 * web. A date is the string "YYYY-MM-DD": a calendar day with no time and no time zone. The
 * arithmetic runs on day numbers (civil-date.ts), never on `Date` objects, so it gives the same
 * answer whatever the time zone of the machine; the one instant turned into a date is "now",
 * and that always as the day in China.
 */
import { civilOfDayNumber, dayNumberOf, daysInMonth, formatCivil, isLeapYear } from './civil-date.js';

export { daysInMonth, isLeapYear };

export type IsoDate = string;

export interface CivilDate {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a real calendar day written "YYYY-MM-DD" (year 1 on), or null. */
function civilDateOf(s: unknown): CivilDate | null {
  if (typeof s !== 'string') return null;
  const r = DATE_RE.exec(s);
  if (!r) return null;
  const y = Number(r[1]);
  const m = Number(r[2]);
  const d = Number(r[3]);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { y, m, d } : null;
}

/** A real calendar day written "YYYY-MM-DD" (year 1 on): 2024-02-29 is one, 2025-02-29 is not. */
export function isIsoDate(s: unknown): s is IsoDate {
  return civilDateOf(s) !== null;
}

/**
 * A real calendar day "YYYY-MM-DD" between 1900 and 2100: what the API accepts as a date (the
 * labor-law request, `calendarDate` in text.ts, the audit period) and the web's forms check first.
 */
export function isCalendarDate(s: unknown): s is IsoDate {
  const parts = civilDateOf(s);
  return parts !== null && parts.y >= 1900 && parts.y <= 2100;
}

/** Year, month and day of a date; a string that is not a real date is a programming error. */
export function parseIsoDate(s: IsoDate, what = 'date'): CivilDate {
  const parts = civilDateOf(s);
  if (!parts) throw new RangeError(`invalid ${what}: ${String(s)} (expected YYYY-MM-DD)`);
  return parts;
}

export function formatIsoDate({ y, m, d }: CivilDate): IsoDate {
  return formatCivil(y, m, d);
}

/** Days since 1970-01-01. */
export function toDayNumber(s: IsoDate): number {
  const { y, m, d } = parseIsoDate(s);
  return dayNumberOf(y, m, d);
}

export function fromDayNumber(n: number): IsoDate {
  return formatIsoDate(civilOfDayNumber(n));
}

export function addDays(s: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(s) + n);
}

/** b − a in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * The same day of the month `k` months later (or earlier), or the last day of the target month
 * when it has no such day: 2023-01-31 + 1 month = 2023-02-28.
 */
export function addMonths(s: IsoDate, k: number): IsoDate {
  const { y, m, d } = parseIsoDate(s);
  const index = y * 12 + (m - 1) + k;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatIsoDate({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

/**
 * The same month and day `k` years later; a 29 February with no counterpart becomes 28 February
 * (民法典第二百零二条: 没有对应日的，月末日为期间的最后一日).
 */
export function addYears(s: IsoDate, k: number): IsoDate {
  return addMonths(s, 12 * k);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(s: IsoDate): number {
  return (((toDayNumber(s) + 4) % 7) + 7) % 7;
}

/** Dates in "YYYY-MM-DD" form compare as strings. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The latest of some dates; undefined when there are none. */
export function latestDate(dates: readonly IsoDate[]): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const d of dates) if (latest === undefined || d > latest) latest = d;
  return latest;
}

// China (Asia/Shanghai) has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** China's wall clock at an instant, "YYYY-MM-DDTHH:mm:ss.sss" (no zone). */
function clockInChina(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid instant');
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 23);
}

/** The calendar day in China at an instant, whatever the device's or server's own time zone. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return clockInChina(now).slice(0, 10);
}

/**
 * The date and time of day in China at an instant, to the minute: "YYYY-MM-DDTHH:mm", what a
 * datetime-local input holds.
 */
export function timeInChina(now: Date = new Date()): string {
  return clockInChina(now).slice(0, 16);
}

/** The instant a calendar day begins in China: 00:00 Beijing time, 16:00 UTC the day before. */
export function dayStartInChina(day: IsoDate): Date {
  return new Date(toDayNumber(day) * DAY_MS - CHINA_OFFSET_MS);
}

const CHINA_TIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant of a date and time typed in China's wall-clock time ("YYYY-MM-DDTHH:mm", seconds
 * optional: what a datetime-local input holds), whatever the device's time zone:
 * 2025-03-04T09:30 in Beijing is 2025-03-04T01:30Z. Anything else is a RangeError.
 */
export function instantOfChinaTime(local: string): Date {
  const m = CHINA_TIME_RE.exec(local);
  if (m && isIsoDate(m[1])) {
    const hours = Number(m[2]);
    const minutes = Number(m[3]);
    const seconds = Number(m[4] ?? 0);
    const ms = Number((m[5] ?? '').padEnd(3, '0'));
    if (hours <= 23 && minutes <= 59 && seconds <= 59)
      return new Date(dayStartInChina(m[1]).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms);
  }
  throw new RangeError(`invalid time in China: ${String(local)} (expected YYYY-MM-DDTHH:mm)`);
}
