/**
 * Opening hours of an outdoor workers' service station (户外劳动者服务站点), shared by the server's
 * finder and the web's station page. Times are China's wall clock ("HH:MM", Asia/Shanghai), as on
 * the sign at the door; a station open 22:00–06:00 closes the next morning.
 *
 * No zod here: the web imports this file, and the server's schemas call `hoursProblem`.
 */
import { timeInChina } from '../dates.js';

export interface OpeningHours {
  open24h: boolean;
  /** "HH:MM" in China time; null when open 24 hours. */
  opensAt: string | null;
  /** "HH:MM" in China time; null when open 24 hours. Before `opensAt`: closes the next day. */
  closesAt: string | null;
}

/** Why some opening hours cannot be stored: the field to point at and the reason in both languages. */
export interface HoursProblem {
  field: 'opensAt' | 'closesAt';
  zh: string;
  en: string;
}

export const MINUTES_PER_DAY = 1440;

// Two digits each, 00:00–23:59: "7:30" and "24:00" are refused so that one time has one spelling
// (a station that closes at midnight closes at 00:00, which reads as the end of its day).
const HH_MM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an "HH:MM" time (00:00–23:59): "07:30" → 450; anything else → null. */
export function parseHhMm(s: string): number | null {
  const m = HH_MM_RE.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The minute of the day (0–1439) on China's wall clock at an instant, whatever the time zone of the
 * phone or the server: 2026-12-07T15:59:00Z is 23:59 in China → 1439.
 */
export function minuteOfDayInChina(instant: Date): number {
  const clock = timeInChina(instant); // "YYYY-MM-DDTHH:mm"
  return Number(clock.slice(11, 13)) * 60 + Number(clock.slice(14, 16));
}

/** Why these opening hours cannot be stored, or null when they can. */
export function hoursProblem(h: OpeningHours): HoursProblem | null {
  if (h.open24h) {
    // A stored time next to "open 24 hours" would contradict it on some page or in the finder's query.
    if (h.opensAt !== null || h.closesAt !== null)
      return {
        field: h.opensAt !== null ? 'opensAt' : 'closesAt',
        zh: '24 小时开放的站点不填开门和关门时间',
        en: 'A station open 24 hours has no opening or closing time',
      };
    return null;
  }
  if (h.opensAt === null)
    return {
      field: 'opensAt',
      zh: '请填写开门时间（如 07:00），或选择 24 小时开放',
      en: 'Enter the opening time (e.g. 07:00), or choose open 24 hours',
    };
  if (parseHhMm(h.opensAt) === null)
    return {
      field: 'opensAt',
      zh: '开门时间须为 00:00 至 23:59 之间的“时:分”，如 07:30',
      en: 'The opening time must be hours:minutes from 00:00 to 23:59, e.g. 07:30',
    };
  if (h.closesAt === null)
    return {
      field: 'closesAt',
      zh: '请填写关门时间（如 22:00），或选择 24 小时开放',
      en: 'Enter the closing time (e.g. 22:00), or choose open 24 hours',
    };
  if (parseHhMm(h.closesAt) === null)
    return {
      field: 'closesAt',
      zh: '关门时间须为 00:00 至 23:59 之间的“时:分”，如 22:00；午夜关门填 00:00',
      en: 'The closing time must be hours:minutes from 00:00 to 23:59, e.g. 22:00; closing at midnight is 00:00',
    };
  // Equal times could mean "never open" or "never closed"; the second is what open24h says plainly.
  if (h.opensAt === h.closesAt)
    return {
      field: 'closesAt',
      zh: '关门时间不能与开门时间相同；全天开放请选择 24 小时开放',
      en: 'The closing time cannot be the opening time; for a station that never closes, choose open 24 hours',
    };
  return null;
}

/**
 * Opening hours as minutes of the day, the form the server stores next to the "HH:MM" text and its
 * finder's query filters on (`open_24h`, `opens_minute`, `closes_minute`). The closing minute is
 * excluded, and a range whose closing minute is before its opening minute runs past midnight:
 *
 *   same day  (opens < closes):  opens ≤ now < closes
 *   overnight (opens > closes):  now ≥ opens OR now < closes
 *
 * In SQL, with `$now` = `minuteOfDayInChina(now)` computed by the server (not the database's own
 * clock and session time zone, so the query and `isOpenAt` share this one definition):
 *
 *   open_24h
 *   OR (opens_minute < closes_minute AND opens_minute <= $now AND $now < closes_minute)
 *   OR (opens_minute > closes_minute AND ($now >= opens_minute OR $now < closes_minute))
 */
export interface OpeningMinutes {
  open24h: boolean;
  /** 0–1439; null when open 24 hours. */
  opensMinute: number | null;
  /** 0–1439, never equal to `opensMinute`; null when open 24 hours. */
  closesMinute: number | null;
}

// Stored hours have passed `hoursProblem`; anything else reaching here is a programming error.
function rangeOf(h: OpeningHours): { opens: number; closes: number } | 'open24h' {
  const problem = hoursProblem(h);
  if (problem) throw new RangeError(`invalid opening hours (${problem.field}): ${problem.en}`);
  const opens = parseHhMm(h.opensAt ?? '');
  const closes = parseHhMm(h.closesAt ?? '');
  return h.open24h || opens === null || closes === null ? 'open24h' : { opens, closes };
}

/** The minute-of-day form of opening hours; hours that `hoursProblem` refuses are a programming error. */
export function openingMinutes(h: OpeningHours): OpeningMinutes {
  const range = rangeOf(h);
  return range === 'open24h'
    ? { open24h: true, opensMinute: null, closesMinute: null }
    : { open24h: false, opensMinute: range.opens, closesMinute: range.closes };
}

/** Whether a station is open at a minute of the day (0–1439), by the rule written on `OpeningMinutes`. */
export function isOpenAtMinute(m: OpeningMinutes, minute: number): boolean {
  if (!Number.isInteger(minute) || minute < 0 || minute >= MINUTES_PER_DAY)
    throw new RangeError(`invalid minute of the day: ${minute}`);
  if (m.open24h) return true;
  const { opensMinute: opens, closesMinute: closes } = m;
  if (opens === null || closes === null || opens === closes)
    throw new RangeError('opening minutes without an opening and a different closing minute');
  return opens < closes ? opens <= minute && minute < closes : minute >= opens || minute < closes;
}

/** Whether a station is open at an instant, read on China's wall clock. */
export function isOpenAt(h: OpeningHours, instant: Date): boolean {
  return isOpenAtMinute(openingMinutes(h), minuteOfDayInChina(instant));
}

/**
 * The hours as the station page shows them: "24小时开放" / "Open 24 hours", "07:00–22:00", and for a
 * range past midnight "22:00–次日06:00" / "22:00–06:00 (next day)". Closing at 00:00 reads
 * "07:00–24:00": the end of the same day, not a time on the next.
 */
export function hoursLabel(h: OpeningHours, lang: 'zh' | 'en'): string {
  const range = rangeOf(h);
  if (range === 'open24h') return lang === 'zh' ? '24小时开放' : 'Open 24 hours';
  const opens = hhMm(range.opens);
  const closes = hhMm(range.closes);
  if (range.closes === 0) return `${opens}–24:00`;
  if (range.opens < range.closes) return `${opens}–${closes}`;
  return lang === 'zh' ? `${opens}–次日${closes}` : `${opens}–${closes} (next day)`;
}

function hhMm(minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}
