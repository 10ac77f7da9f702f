import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { instantOfChinaTime } from '../dates.js';
import {
  hoursLabel,
  hoursProblem,
  isOpenAt,
  isOpenAtMinute,
  minuteOfDayInChina,
  openingMinutes,
  parseHhMm,
  type OpeningHours,
} from './hours.js';

const dayShift: OpeningHours = { open24h: false, opensAt: '07:00', closesAt: '22:00' };
const nightShift: OpeningHours = { open24h: false, opensAt: '22:00', closesAt: '06:00' };
const allDay: OpeningHours = { open24h: true, opensAt: null, closesAt: null };

/** The instant of a wall-clock time in China on an ordinary day. */
const at = (hhmm: string) => instantOfChinaTime(`2026-12-07T${hhmm}`);

describe('parseHhMm', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['12:00', 720],
    ['23:59', 1439],
  ])('%s is minute %i', (s, minute) => expect(parseHhMm(s)).toBe(minute));

  it.each(['24:00', '7:30', '12:60', '07:5', '07:30:00', ' 07:30', '07-30', '', '２３:００'])('refuses %j', (s) =>
    expect(parseHhMm(s)).toBeNull(),
  );
});

describe('minuteOfDayInChina', () => {
  // Node reads TZ again when it changes; vi.stubEnv keeps this test free of Node's types (the web
  // project type-checks contracts/ too).
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads China time from the UTC instant: 2026-12-07T15:59:00Z is 23:59 in China', () => {
    expect(minuteOfDayInChina(new Date('2026-12-07T15:59:00Z'))).toBe(1439);
    expect(minuteOfDayInChina(new Date('2026-12-07T16:00:00Z'))).toBe(0);
    expect(minuteOfDayInChina(new Date('2026-12-07T16:00:59.999Z'))).toBe(0);
    expect(minuteOfDayInChina(new Date('2026-12-07T23:30:00Z'))).toBe(450);
  });

  it('gives the same minute whatever the time zone of the machine', () => {
    const instant = new Date('2026-07-01T21:59:00Z');
    // Minutes west of UTC in July: proves the machine's zone did change.
    const localOffsets: Record<string, number> = {
      UTC: 0,
      'America/Los_Angeles': 420,
      'Asia/Shanghai': -480,
      'Pacific/Kiritimati': -840,
    };
    for (const tz of Object.keys(localOffsets)) {
      vi.stubEnv('TZ', tz);
      expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(localOffsets[tz]);
      expect(minuteOfDayInChina(instant)).toBe(359);
    }
  });

  it('refuses an invalid instant', () => {
    expect(() => minuteOfDayInChina(new Date(NaN))).toThrow(RangeError);
  });
});

describe('hoursProblem', () => {
  it.each([dayShift, nightShift, allDay, { open24h: false, opensAt: '00:00', closesAt: '23:59' }])('accepts %j', (h) =>
    expect(hoursProblem(h)).toBeNull(),
  );

  it.each([
    [{ open24h: false, opensAt: '08:00', closesAt: '08:00' }, 'closesAt'],
    [{ open24h: false, opensAt: '00:00', closesAt: '00:00' }, 'closesAt'],
    [{ open24h: false, opensAt: null, closesAt: '22:00' }, 'opensAt'],
    [{ open24h: false, opensAt: '07:00', closesAt: null }, 'closesAt'],
    [{ open24h: false, opensAt: '7:00', closesAt: '22:00' }, 'opensAt'],
    [{ open24h: false, opensAt: '07:00', closesAt: '24:00' }, 'closesAt'],
    [{ open24h: true, opensAt: '07:00', closesAt: '22:00' }, 'opensAt'],
    [{ open24h: true, opensAt: null, closesAt: '22:00' }, 'closesAt'],
  ])('refuses %j, pointing at %s, in Chinese and English', (h, field) => {
    const problem = hoursProblem(h);
    expect(problem?.field).toBe(field);
    expect(problem?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problem?.en).toMatch(/^[\x20-\x7e]+$/);
  });

  it('tells the user to choose open 24 hours when both times are the same', () => {
    const problem = hoursProblem({ open24h: false, opensAt: '08:00', closesAt: '08:00' });
    expect(problem?.zh).toContain('24 小时开放');
    expect(problem?.en).toContain('open 24 hours');
  });
});

describe('isOpenAt', () => {
  it.each([
    ['06:59', false],
    ['07:00', true],
    ['12:00', true],
    ['21:59', true],
    ['22:00', false],
    ['23:59', false],
    ['00:00', false],
  ])('07:00–22:00 at %s: %s (the opening minute is in, the closing minute is out)', (hhmm, open) =>
    expect(isOpenAt(dayShift, at(hhmm))).toBe(open),
  );

  it.each([
    ['21:59', false],
    ['22:00', true],
    ['23:59', true],
    ['00:00', true],
    ['03:00', true],
    ['05:59', true],
    ['06:00', false],
    ['12:00', false],
  ])('22:00–06:00 (overnight) at %s: %s', (hhmm, open) => expect(isOpenAt(nightShift, at(hhmm))).toBe(open));

  it('a station closing at 00:00 is open until 23:59', () => {
    const untilMidnight: OpeningHours = { open24h: false, opensAt: '07:00', closesAt: '00:00' };
    expect(isOpenAt(untilMidnight, at('23:59'))).toBe(true);
    expect(isOpenAt(untilMidnight, at('00:00'))).toBe(false);
    expect(isOpenAt(untilMidnight, at('06:59'))).toBe(false);
    expect(isOpenAt(untilMidnight, at('07:00'))).toBe(true);
  });

  it('a 24-hour station is always open', () => {
    for (const hhmm of ['00:00', '05:59', '06:00', '12:00', '23:59']) expect(isOpenAt(allDay, at(hhmm))).toBe(true);
  });

  it('reads the instant on China time: 2026-12-07T15:59:00Z is 23:59 in China, 16:00Z is 00:00', () => {
    const eveningOnly: OpeningHours = { open24h: false, opensAt: '18:00', closesAt: '23:59' };
    expect(isOpenAt(eveningOnly, new Date('2026-12-07T15:58:00Z'))).toBe(true);
    expect(isOpenAt(eveningOnly, new Date('2026-12-07T15:59:00Z'))).toBe(false);
    expect(isOpenAt(nightShift, new Date('2026-12-07T15:59:00Z'))).toBe(true);
    expect(isOpenAt(dayShift, new Date('2026-12-07T15:59:00Z'))).toBe(false);
    // 07:00 in China is 23:00 UTC the day before.
    expect(isOpenAt(dayShift, new Date('2026-12-06T23:00:00Z'))).toBe(true);
    expect(isOpenAt(dayShift, new Date('2026-12-06T22:59:59Z'))).toBe(false);
  });

  it('treats hours that cannot be stored as a programming error', () => {
    expect(() => isOpenAt({ open24h: false, opensAt: '08:00', closesAt: '08:00' }, at('08:00'))).toThrow(RangeError);
  });

  it('agrees with the minute-of-day rule the query uses, for every minute and any hours', () => {
    const minute = fc.integer({ min: 0, max: 1439 });
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(minute, minute, minute, (opens, closes, now) => {
        fc.pre(opens !== closes);
        const h: OpeningHours = { open24h: false, opensAt: hhmm(opens), closesAt: hhmm(closes) };
        // The SQL predicate documented on OpeningMinutes, written out.
        const sql =
          (opens < closes && opens <= now && now < closes) || (opens > closes && (now >= opens || now < closes));
        const open = isOpenAt(h, at(hhmm(now)));
        expect(open).toBe(sql);
        expect(isOpenAtMinute(openingMinutes(h), now)).toBe(open);
        // Open for exactly as many minutes a day as the range is long.
        expect(open).toBe((now - opens + 1440) % 1440 < (closes - opens + 1440) % 1440);
      }),
    );
  });
});

describe('openingMinutes', () => {
  it('gives the stored minute-of-day form', () => {
    expect(openingMinutes(dayShift)).toEqual({ open24h: false, opensMinute: 420, closesMinute: 1320 });
    expect(openingMinutes(nightShift)).toEqual({ open24h: false, opensMinute: 1320, closesMinute: 360 });
    expect(openingMinutes(allDay)).toEqual({ open24h: true, opensMinute: null, closesMinute: null });
  });

  it('refuses a minute outside the day', () => {
    expect(() => isOpenAtMinute(openingMinutes(dayShift), 1440)).toThrow(RangeError);
    expect(() => isOpenAtMinute(openingMinutes(dayShift), 7.5)).toThrow(RangeError);
  });
});

describe('hoursLabel', () => {
  it.each([
    [allDay, '24小时开放', 'Open 24 hours'],
    [dayShift, '07:00–22:00', '07:00–22:00'],
    [nightShift, '22:00–次日06:00', '22:00–06:00 (next day)'],
    [{ open24h: false, opensAt: '07:00', closesAt: '00:00' }, '07:00–24:00', '07:00–24:00'],
    [{ open24h: false, opensAt: '00:00', closesAt: '06:30' }, '00:00–06:30', '00:00–06:30'],
  ])('%j reads %s / %s', (h, zh, en) => {
    expect(hoursLabel(h, 'zh')).toBe(zh);
    expect(hoursLabel(h, 'en')).toBe(en);
  });
});
