/**
 * Length of service and its conversion into months of wages.
 *
 * Counting convention (documented in README): the first and the last day of
 * work are both counted. Service from `start` to `end` (inclusive) is counted
 * in full calendar months by day-of-month anniversary — one month is complete
 * on the day before the monthly anniversary (2020-03-15 … 2020-04-14 is one
 * month) — and the rest in days. Anniversaries falling on a day the target
 * month lacks are clamped to its last day (see `addMonths`).
 */
import { addDays, addMonths, compareDates, daysBetween, parseDate } from './dates.js';
import { rat, type Rational } from './money.js';

export interface ServiceSpan {
  /** full anniversary months */
  months: number;
  /** remaining days after the last full month */
  days: number;
}

export const EMPTY_SPAN: ServiceSpan = { months: 0, days: 0 };

/** Number of full anniversary months of `anchor` that fit before `endExclusive`. */
export function fullMonthsBefore(anchor: string, endExclusive: string): number {
  if (compareDates(endExclusive, anchor) <= 0) return 0;
  const a = parseDate(anchor);
  const e = parseDate(endExclusive);
  let m = (e.y - a.y) * 12 + (e.m - a.m);
  while (m > 0 && compareDates(addMonths(anchor, m), endExclusive) > 0) m--;
  while (compareDates(addMonths(anchor, m + 1), endExclusive) <= 0) m++;
  return m;
}

/** Service from `start` to `end`, both days included. Empty if end < start. */
export function serviceSpan(start: string, end: string): ServiceSpan {
  if (compareDates(end, start) < 0) return EMPTY_SPAN;
  const endExclusive = addDays(end, 1);
  const months = fullMonthsBefore(start, endExclusive);
  const days = daysBetween(addMonths(start, months), endExclusive);
  return { months, days };
}

export function isEmptySpan(s: ServiceSpan): boolean {
  return s.months === 0 && s.days === 0;
}

/**
 * 劳动合同法第四十七条: one month's wage per full year; a remainder of six
 * months or more counts as one year; a remainder under six months (but more
 * than zero) earns half a month. Returns the number of months of wages.
 */
export function art47Months(span: ServiceSpan): Rational {
  const years = Math.floor(span.months / 12);
  const restMonths = span.months % 12;
  let halves = years * 2;
  if (restMonths >= 6) halves += 2;
  else if (restMonths > 0 || span.days > 0) halves += 1;
  return rat(halves, 2);
}

/**
 * 违反和解除劳动合同的经济补偿办法（劳部发〔1994〕481号）as applied here:
 * one month's wage per full year, and any part of a year counts as a full
 * year ("工作时间不满一年的按一年的标准发给"). Returns whole months.
 */
export function rules1994Months(span: ServiceSpan): number {
  const years = Math.floor(span.months / 12);
  return years + (span.months % 12 > 0 || span.days > 0 ? 1 : 0);
}

/**
 * Months (possibly fractional) covered by the period from the `k0`-th monthly
 * anniversary of `anchor` up to `endExclusive`: full anniversary months, plus
 * the remaining days as a fraction of the calendar length of the month in
 * which they fall (days ÷ days from that anniversary to the next one).
 */
export function monthsFromAnniversary(
  anchor: string,
  k0: number,
  endExclusive: string,
): { fullMonths: number; restDays: number; restMonthLength: number; months: Rational } {
  const start = addMonths(anchor, k0);
  if (compareDates(endExclusive, start) <= 0) {
    return { fullMonths: 0, restDays: 0, restMonthLength: 1, months: rat(0) };
  }
  let m = 0;
  while (compareDates(addMonths(anchor, k0 + m + 1), endExclusive) <= 0) m++;
  const from = addMonths(anchor, k0 + m);
  const restDays = daysBetween(from, endExclusive);
  const restMonthLength = daysBetween(from, addMonths(anchor, k0 + m + 1));
  return {
    fullMonths: m,
    restDays,
    restMonthLength,
    months: rat(BigInt(m) * BigInt(restMonthLength) + BigInt(restDays), BigInt(restMonthLength)),
  };
}
