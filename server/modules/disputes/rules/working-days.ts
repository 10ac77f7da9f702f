/**
 * Working-day calendar for China: public holidays and make-up workdays (调休).
 *
 * Sources, highest precedence first:
 *  1. the caller's override table (`{date, kind}`) — so a new State Council notice
 *     (usually published in November for the next year) or a local change can be
 *     entered as data without a release;
 *  2. the official arrangement shipped with the npm package `chinese-days`
 *     (years 2004–2026 in v1.5.7), read from its static `dist/chinese-days.json`;
 *  3. for a year the package does not cover (2027 on), the statutory holidays of
 *     《全国年节及纪念日放假办法》(2024 revision, in force 2025-01-01): 元旦 1-1, 春节
 *     除夕–初三, 清明, 劳动节 5-1/5-2, 端午, 中秋, 国庆 10-1–10-3. These days are
 *     `provisional`: the make-up workdays of that year are unknown until the notice;
 *  4. Saturdays and Sundays are rest days, Monday–Friday working days.
 *
 * Why the JSON and not `isWorkday()`: the package's runtime API builds its tables
 * with local-time `Date` arithmetic and is wrong by a day in time zones west of UTC
 * (checked: 369 of 8,401 days differ under TZ=America/Los_Angeles). The JSON file is
 * the same data, generated once, and is independent of the server's time zone.
 */
import chineseDays from 'chinese-days';
import officialData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, assertIsoDate, fromParts, isIsoDate, parts, toDayNumber, weekday, type IsoDate } from './dates.js';

export type OverrideKind = 'holiday' | 'workday';

export interface CalendarOverride {
  date: IsoDate;
  kind: OverrideKind;
  /** e.g. "国庆节" or "台风停工（市政府通知）" */
  name?: string;
}

export type DaySource = 'override' | 'official' | 'statutory' | 'weekend' | 'weekday';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  source: DaySource;
  /** Holiday or make-up day name ("National Day,国庆节,3" style from the package, or the override's name). */
  name?: string;
  /** True when the year has neither official data nor overrides: the date's status may change. */
  provisional: boolean;
}

export type YearCoverage = 'official' | 'override' | 'statutory_only';

export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The n-th working day after `date` (date itself not counted). n = 0 returns `date`;
   * a negative n counts backwards (the n-th working day before `date`).
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Working days in the half-open range (from, to]: addWorkingDays(a, n) is the date b
   * with workingDaysBetween(a, b) = n. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** `date` if it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate;
  dayInfo(date: IsoDate): DayInfo;
  yearCoverage(year: number): YearCoverage;
  /** First and last year of the package's official data. */
  readonly officialYears: { first: number; last: number };
}

interface OfficialTables {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const OFFICIAL: OfficialTables = officialData;

const OFFICIAL_YEAR_SET: ReadonlySet<number> = new Set(
  Object.keys(OFFICIAL.holidays).map((d) => Number(d.slice(0, 4))),
);
const OFFICIAL_FIRST = Math.min(...OFFICIAL_YEAR_SET);
const OFFICIAL_LAST = Math.max(...OFFICIAL_YEAR_SET);

/** The statutory holidays (2024 revision) apply from this year on. */
const STATUTORY_RULES_FROM = 2025;

/** 清明: the solar term 清明 in April, by the 寿星通式 for 2000–2099: ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋. */
export function qingmingDate(year: number): IsoDate {
  if (year < 2000 || year > 2099) throw new RangeError(`清明 formula covers 2000–2099, not ${year}`);
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return fromParts(year, 4, day);
}

/** Gregorian date of a lunar (non-leap month) date, via chinese-days' lunar tables. */
function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number): IsoDate {
  // A local-noon Date: the package reads it back with local getters, so this is
  // safe in every time zone (a "YYYY-MM-DD" string would be parsed as UTC).
  const r = chineseDays.getSolarDateFromLunar(new Date(lunarYear, lunarMonth - 1, lunarDay, 12));
  if (!isIsoDate(r.date)) throw new Error(`lunar conversion failed for ${lunarYear}-${lunarMonth}-${lunarDay}`);
  return r.date;
}

/**
 * Statutory public holidays of a Gregorian year under 《全国年节及纪念日放假办法》第二条
 * (2024 revision). Spring Festival days falling in the year are included (除夕 may
 * fall in the previous Gregorian year's lunar year boundary, so both lunar years are checked).
 */
export function statutoryHolidays(year: number): Map<IsoDate, string> {
  const out = new Map<IsoDate, string>();
  const add = (d: IsoDate, name: string) => {
    if (d.startsWith(`${year}-`)) out.set(d, name);
  };
  add(fromParts(year, 1, 1), '元旦');
  for (const ly of [year, year + 1]) {
    const newYear = lunarToSolar(ly, 1, 1);
    add(addDays(newYear, -1), '春节（除夕）');
    for (let i = 0; i < 3; i++) add(addDays(newYear, i), '春节');
  }
  add(qingmingDate(year), '清明节');
  add(fromParts(year, 5, 1), '劳动节');
  add(fromParts(year, 5, 2), '劳动节');
  add(lunarToSolar(year, 5, 5), '端午节');
  add(lunarToSolar(year, 8, 15), '中秋节');
  for (let d = 1; d <= 3; d++) add(fromParts(year, 10, d), '国庆节');
  return out;
}

const MAX_SCAN_DAYS = 3660;

export function createCalendar(overrides: readonly CalendarOverride[] = []): WorkingCalendar {
  const overrideMap = new Map<IsoDate, CalendarOverride>();
  const overrideYears = new Set<number>();
  for (const o of overrides) {
    if (!isIsoDate(o.date)) throw new RangeError(`override has an invalid date: ${String(o.date)}`);
    if (o.kind !== 'holiday' && o.kind !== 'workday') {
      throw new RangeError(`override ${o.date} has an invalid kind: ${String(o.kind)}`);
    }
    const prev = overrideMap.get(o.date);
    if (prev && prev.kind !== o.kind)
      throw new RangeError(`override ${o.date} is listed both as holiday and as workday`);
    overrideMap.set(o.date, o);
    overrideYears.add(Number(o.date.slice(0, 4)));
  }

  const statutoryCache = new Map<number, Map<IsoDate, string>>();
  const statutoryFor = (year: number): Map<IsoDate, string> => {
    let m = statutoryCache.get(year);
    if (!m) {
      m = year >= STATUTORY_RULES_FROM && year <= 2099 ? statutoryHolidays(year) : new Map();
      statutoryCache.set(year, m);
    }
    return m;
  };

  const yearCoverage = (year: number): YearCoverage =>
    OFFICIAL_YEAR_SET.has(year) ? 'official' : overrideYears.has(year) ? 'override' : 'statutory_only';

  const dayInfo = (date: IsoDate): DayInfo => {
    assertIsoDate(date);
    const year = parts(date).y;
    const provisional = yearCoverage(year) === 'statutory_only';
    const o = overrideMap.get(date);
    if (o) return { date, working: o.kind === 'workday', source: 'override', name: o.name, provisional: false };
    if (OFFICIAL_YEAR_SET.has(year)) {
      const w = OFFICIAL.workdays[date];
      if (w !== undefined) return { date, working: true, source: 'official', name: w, provisional: false };
      const h = OFFICIAL.holidays[date];
      if (h !== undefined) return { date, working: false, source: 'official', name: h, provisional: false };
    } else {
      const s = statutoryFor(year).get(date);
      if (s !== undefined) return { date, working: false, source: 'statutory', name: s, provisional };
    }
    const wd = weekday(date);
    if (wd === 0 || wd === 6) return { date, working: false, source: 'weekend', provisional };
    return { date, working: true, source: 'weekday', provisional };
  };

  const isWorkingDay = (date: IsoDate) => dayInfo(date).working;

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    assertIsoDate(date);
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    if (n === 0) return date;
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    let d = date;
    for (let i = 0; i < MAX_SCAN_DAYS + Math.abs(n) * 7; i++) {
      d = addDays(d, step);
      if (isWorkingDay(d)) {
        left--;
        if (left === 0) return d;
      }
    }
    throw new RangeError(`no ${n} working days found from ${date}`);
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    assertIsoDate(from);
    assertIsoDate(to);
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (a === b) return 0;
    const [lo, hi, sign] = a < b ? [from, b - a, 1] : [to, a - b, -1];
    let count = 0;
    let d = lo;
    for (let i = 0; i < hi; i++) {
      d = addDays(d, 1);
      if (isWorkingDay(d)) count++;
    }
    return sign * count;
  };

  const nextWorkingDayOnOrAfter = (date: IsoDate): IsoDate => (isWorkingDay(date) ? date : addWorkingDays(date, 1));

  return {
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDayOnOrAfter,
    dayInfo,
    yearCoverage,
    officialYears: { first: OFFICIAL_FIRST, last: OFFICIAL_LAST },
  };
}
