/**
 * Calendar dates for the labor-law rules: ISO strings "YYYY-MM-DD" with no time and no time
 * zone. The arithmetic is the shared one (contracts/dates.ts); this file keeps the engine's own
 * names for it.
 */
import { earlierDate, isIsoDate, laterDate, parseIsoDate, type CivilDate } from '../../../../contracts/dates.js';

export {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  fromDayNumber,
  toDayNumber,
  todayInChina,
} from '../../../../contracts/dates.js';

export type Ymd = CivilDate;

export function isValidDateString(s: string): boolean {
  return isIsoDate(s);
}

export function parseDate(s: string): Ymd {
  if (!isIsoDate(s)) throw new RangeError(`invalid date: ${s}`);
  return parseIsoDate(s);
}

export const minDate = earlierDate;
export const maxDate = laterDate;

/** "YYYY-MM" of a date. */
export function monthOf(s: string): string {
  return s.slice(0, 7);
}
