/**
 * Dates for the disputes rules. A date is an ISO string "YYYY-MM-DD" meaning a calendar day in
 * China (UTC+8, no daylight saving). The arithmetic is the shared one (contracts/dates.ts); this
 * file adds the rules' own names and the one place an injected "now" becomes a China date.
 */
import {
  formatIsoDate,
  isIsoDate,
  latestDate,
  parseIsoDate,
  todayInChina,
  type CivilDate,
  type IsoDate,
} from '../../../../contracts/dates.js';

export {
  addDays,
  addYears,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekday,
  type IsoDate,
} from '../../../../contracts/dates.js';

export function assertIsoDate(s: string, what = 'date'): void {
  parseIsoDate(s, what);
}

export function parts(s: IsoDate): CivilDate {
  return parseIsoDate(s);
}

export function fromParts(y: number, m: number, d: number): IsoDate {
  return formatIsoDate({ y, m, d });
}

/** The latest of the dates; undefined when there are none. */
export const maxDate = latestDate;

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
    return todayInChina(new Date(now));
  }
  return todayInChina(now);
}
