import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from './dates.js';
import { createCalendar, qingmingDate, statutoryHolidays } from './working-days.js';

const cal = createCalendar();

describe('chinese-days data coverage', () => {
  it('ships official arrangements for 2004–2026', () => {
    expect(cal.officialYears).toEqual({ first: 2004, last: 2026 });
    expect(cal.yearCoverage(2025)).toBe('official');
    expect(cal.yearCoverage(2027)).toBe('statutory_only');
    expect(createCalendar([{ date: '2027-01-01', kind: 'holiday' }]).yearCoverage(2027)).toBe('override');
  });
});

describe('isWorkingDay — 2025 National Day (10-01..10-08, make-up 09-28 and 10-11)', () => {
  it.each([
    ['2025-09-27', false, 'Saturday before the make-up day'],
    ['2025-09-28', true, 'Sunday make-up workday 调休'],
    ['2025-09-30', true, 'Tuesday'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-06', false, 'Mid-autumn inside the holiday'],
    ['2025-10-08', false, 'last holiday day'],
    ['2025-10-09', true, 'Thursday after the holiday'],
    ['2025-10-11', true, 'Saturday make-up workday 调休'],
    ['2025-10-12', false, 'ordinary Sunday'],
  ])('%s → %s (%s)', (d, working) => expect(cal.isWorkingDay(d)).toBe(working));
});

describe('isWorkingDay — 2024 Spring Festival (02-10..02-17, make-up 02-04 and 02-18)', () => {
  it.each([
    ['2024-02-04', true, 'Sunday make-up'],
    ['2024-02-09', true, '除夕 was a working day in 2024'],
    ['2024-02-10', false, '初一'],
    ['2024-02-17', false, 'last holiday day (Saturday)'],
    ['2024-02-18', true, 'Sunday make-up'],
    ['2024-02-19', true, 'Monday'],
  ])('%s → %s (%s)', (d, working) => expect(cal.isWorkingDay(d)).toBe(working));
});

describe('addWorkingDays — the 3-working-day contact deadline (在线调解规则第十五条)', () => {
  it.each([
    ['2025-09-30', 3, '2025-10-11', 'accepted the day before National Day: 10-09, 10-10, 10-11 (Saturday make-up)'],
    ['2025-09-30', 1, '2025-10-09', ''],
    ['2025-09-26', 1, '2025-09-28', 'Friday → the Sunday make-up day'],
    ['2025-09-26', 3, '2025-09-30', ''],
    ['2024-02-08', 3, '2024-02-19', 'Spring Festival: 02-09, 02-18 (Sunday make-up), 02-19'],
    ['2024-02-09', 3, '2024-02-20', '除夕 acceptance'],
    ['2025-10-03', 3, '2025-10-11', 'accepted during the holiday'],
    ['2025-10-10', 0, '2025-10-10', 'n = 0 is the date itself'],
    ['2025-10-09', -1, '2025-09-30', 'backwards over the holiday'],
    ['2025-10-13', -1, '2025-10-11', 'backwards onto a Saturday make-up day'],
  ])('%s + %i working days = %s %s', (d, n, e) => expect(cal.addWorkingDays(d, n)).toBe(e));

  it('rejects a non-integer n and an invalid date', () => {
    expect(() => cal.addWorkingDays('2025-10-10', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween counts (from, to]', () => {
  it.each([
    ['2025-09-30', '2025-10-11', 3],
    ['2025-10-11', '2025-09-30', -3],
    ['2025-10-01', '2025-10-08', 0],
    ['2025-10-10', '2025-10-10', 0],
    ['2024-02-09', '2024-02-19', 2],
  ])('%s → %s = %i', (a, b, n) => expect(cal.workingDaysBetween(a, b)).toBe(n));

  it('inverts addWorkingDays (property)', () => {
    const day = fc.integer({ min: 0, max: 365 * 4 }).map((k) => addDays('2023-01-01', k));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), (d, n) => {
        const due = cal.addWorkingDays(d, n);
        expect(cal.workingDaysBetween(d, due)).toBe(n);
        if (n > 0) expect(cal.isWorkingDay(due)).toBe(true);
        if (cal.isWorkingDay(d)) expect(cal.addWorkingDays(due, -n)).toBe(d);
      }),
    );
  });
});

describe('nextWorkingDayOnOrAfter (民事诉讼法第八十五条: a last day on a holiday moves on)', () => {
  it.each([
    ['2025-10-01', '2025-10-09'],
    ['2025-10-09', '2025-10-09'],
    ['2024-02-10', '2024-02-18'],
    ['2025-10-12', '2025-10-13'],
  ])('%s → %s', (d, e) => expect(cal.nextWorkingDayOnOrAfter(d)).toBe(e));
});

describe('overrides (entered as data, no release)', () => {
  it('a typhoon closure day pushes the deadline', () => {
    const c = createCalendar([{ date: '2025-10-09', kind: 'holiday', name: '台风停工' }]);
    expect(c.addWorkingDays('2025-09-30', 3)).toBe('2025-10-13');
    expect(c.dayInfo('2025-10-09')).toMatchObject({ working: false, source: 'override', name: '台风停工' });
  });

  it('a workday override turns a Saturday into a working day', () => {
    const c = createCalendar([{ date: '2025-10-18', kind: 'workday' }]);
    expect(c.isWorkingDay('2025-10-18')).toBe(true);
    expect(c.addWorkingDays('2025-10-17', 1)).toBe('2025-10-18');
  });

  it('an override beats the package data', () => {
    const c = createCalendar([{ date: '2025-10-11', kind: 'holiday' }]);
    expect(c.isWorkingDay('2025-10-11')).toBe(false);
  });

  it('rejects contradictory or invalid overrides', () => {
    expect(() =>
      createCalendar([
        { date: '2025-10-18', kind: 'workday' },
        { date: '2025-10-18', kind: 'holiday' },
      ]),
    ).toThrow(/both/);
    expect(() => createCalendar([{ date: '2025/10/18', kind: 'workday' }])).toThrow(RangeError);
    expect(() => createCalendar([{ date: '2025-10-18', kind: 'rest' as never }])).toThrow(RangeError);
  });

  it('the next year’s State Council notice can be entered before the package has it', () => {
    const c = createCalendar([
      { date: '2027-02-05', kind: 'holiday', name: '春节' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休' },
    ]);
    expect(c.isWorkingDay('2027-02-20')).toBe(true); // a Saturday
    expect(c.dayInfo('2027-02-20').provisional).toBe(false);
  });
});

describe('statutory fallback for years the package does not cover (全国年节及纪念日放假办法, 2024 revision)', () => {
  it.each([
    ['2027-01-01', '元旦'],
    ['2027-02-05', '春节（除夕）'],
    ['2027-02-08', '春节'],
    ['2027-04-05', '清明节'],
    ['2027-05-01', '劳动节'],
    ['2027-05-02', '劳动节'],
    ['2027-06-09', '端午节'],
    ['2027-09-15', '中秋节'],
    ['2027-10-03', '国庆节'],
  ])('%s is a provisional holiday (%s)', (d, name) => {
    expect(cal.dayInfo(d)).toMatchObject({ working: false, source: 'statutory', name, provisional: true });
  });

  it('ordinary 2027 weekdays are working days, flagged provisional', () => {
    expect(cal.dayInfo('2027-03-03')).toMatchObject({ working: true, source: 'weekday', provisional: true });
  });

  it.each([2025, 2026])('agrees with the official %i data: every statutory day is an official holiday', (y) => {
    for (const d of statutoryHolidays(y).keys()) {
      expect(cal.dayInfo(d), d).toMatchObject({ working: false, source: 'official' });
    }
  });

  it('清明 formula agrees with every official 清明 holiday 2008–2026', () => {
    for (let y = 2008; y <= 2026; y++) {
      expect(cal.dayInfo(qingmingDate(y)).working, String(y)).toBe(false);
    }
    expect(qingmingDate(2027)).toBe('2027-04-05');
  });
});
