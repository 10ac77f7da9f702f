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

import { civilOfDayNumber, dayNumberOf, daysInMonth, isLeapYear } from '../../../core/civil-date.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export { daysInMonth, isLeapYear };

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

/** Days since 1970-01-01. */
export function toDayNumber(s: string): number {
  const { y, m, d } = parseDate(s);
  return dayNumberOf(y, m, d);
}

export function fromDayNumber(n: number): string {
  const { y, m, d } = civilOfDayNumber(n);
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
