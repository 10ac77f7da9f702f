import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dayStartInChina,
  daysBetween,
  earlierDate,
  fromDayNumber,
  instantOfChinaTime,
  isCalendarDate,
  isIsoDate,
  laterDate,
  latestDate,
  parseIsoDate,
  timeInChina,
  toDayNumber,
  todayInChina,
  weekday,
} from './dates.js';

describe('calendar dates', () => {
  it.each([
    ['2025-02-29', false],
    ['2024-02-29', true],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-10-01', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-1-01', false],
    ['2023-12-31', true],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
    ['1900-01-01', true],
    ['1899-12-31', false],
    ['2100-12-31', true],
    ['2101-01-01', false],
    ['0001-01-01', false],
  ])('isCalendarDate(%s) = %s (a real day between 1900 and 2100)', (s, ok) => expect(isCalendarDate(s)).toBe(ok));

  it('isCalendarDate refuses what is not a string', () => {
    expect(isCalendarDate(undefined)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
    expect(isCalendarDate(20240229)).toBe(false);
  });

  it('refuses what is not a string, and says which value was wrong', () => {
    expect(isIsoDate(20250101)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
    expect(() => parseIsoDate('2025-02-30', 'override date')).toThrow(
      new RangeError('invalid override date: 2025-02-30 (expected YYYY-MM-DD)'),
    );
  });

  it.each([
    ['1970-01-01', 0],
    ['2008-01-01', 13879],
    ['2000-02-29', 11016],
    ['1969-12-31', -1],
  ])('%s is day %s', (s, n) => {
    expect(toDayNumber(s)).toBe(n);
    expect(fromDayNumber(n)).toBe(s);
  });

  it('day numbers round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => toDayNumber(fromDayNumber(n)) === n));
  });

  it('round-trips every seventh day over several centuries', () => {
    for (let n = -60000; n < 60000; n += 7) expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });

  it.each([
    ['2025-09-30', 1, '2025-10-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2023-12-31', 1, '2024-01-01'],
  ])('addDays(%s, %i) = %s', (d, n, e) => expect(addDays(d, n)).toBe(e));

  it('measures distances in calendar days', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it.each([
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-03-15', 1, '2023-04-15'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2023-05-31', -1, '2023-04-30'],
  ])('%s + %s months = %s', (s, k, expected) => {
    expect(addMonths(s, k)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'], // 民法典第二百零二条: no counterpart day → month end
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-10-01', 2, '2027-10-01'],
  ])('addYears(%s, %i) = %s', (d, k, e) => expect(addYears(d, k)).toBe(e));

  it('weekday: 2025-10-01 is a Wednesday, 1970-01-01 a Thursday', () => {
    expect(weekday('2025-10-01')).toBe(3);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2025-09-28')).toBe(0);
  });

  it('compares, and picks the earlier, the later and the latest', () => {
    expect(compareDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareDates('2025-01-10', '2025-01-10')).toBe(0);
    expect(earlierDate('2025-03-01', '2025-02-28')).toBe('2025-02-28');
    expect(laterDate('2025-03-01', '2025-02-28')).toBe('2025-03-01');
    expect(latestDate(['2025-03-01', '2026-01-05', '2025-12-31'])).toBe('2026-01-05');
    expect(latestDate([])).toBeUndefined();
  });

  it('gives the date in China for an instant', () => {
    expect(todayInChina(new Date('2023-12-31T16:30:00Z'))).toBe('2024-01-01');
    expect(todayInChina(new Date('2023-12-31T15:59:00Z'))).toBe('2023-12-31');
    expect(todayInChina(new Date('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
    expect(todayInChina(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01'); // midnight in Beijing
    expect(() => todayInChina(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('gives the time of day in China for an instant, to the minute', () => {
    expect(timeInChina(new Date('2026-11-29T01:49:30Z'))).toBe('2026-11-29T09:49');
    expect(timeInChina(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01T00:00'); // midnight in Beijing
    expect(timeInChina(new Date('2023-12-31T15:59:59.999Z'))).toBe('2023-12-31T23:59');
    expect(() => timeInChina(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('gives the instant a day begins in China', () => {
    expect(dayStartInChina('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(dayStartInChina('2024-02-29').toISOString()).toBe('2024-02-28T16:00:00.000Z');
    expect(dayStartInChina('1970-01-01').toISOString()).toBe('1969-12-31T16:00:00.000Z');
    expect(() => dayStartInChina('2025-02-30')).toThrow(RangeError);
  });

  it('a day in China runs from its start up to the start of the next', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (n) => {
        const day = fromDayNumber(n);
        const start = dayStartInChina(day).getTime();
        return (
          todayInChina(new Date(start)) === day &&
          todayInChina(new Date(start - 1)) === addDays(day, -1) &&
          dayStartInChina(addDays(day, 1)).getTime() - start === 86_400_000
        );
      }),
    );
  });

  it('turns a date and time typed in China into its instant', () => {
    expect(instantOfChinaTime('2025-03-04T09:30').toISOString()).toBe('2025-03-04T01:30:00.000Z');
    expect(instantOfChinaTime('2025-03-04T09:30:15').toISOString()).toBe('2025-03-04T01:30:15.000Z');
    expect(instantOfChinaTime('2025-03-04T09:30:15.5').toISOString()).toBe('2025-03-04T01:30:15.500Z');
    expect(instantOfChinaTime('2024-01-01T00:00').toISOString()).toBe('2023-12-31T16:00:00.000Z'); // midnight in Beijing
    expect(instantOfChinaTime('2024-02-29T23:59').toISOString()).toBe('2024-02-29T15:59:00.000Z');
    for (const bad of [
      '2025-02-30T09:30',
      '2025-03-04T24:00',
      '2025-03-04T09:60',
      '2025-03-04',
      '2025-03-04T09:30Z',
      '',
    ])
      expect(() => instantOfChinaTime(bad), bad).toThrow(RangeError);
  });

  it('a time typed in China reads back as the same time', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), fc.integer({ min: 0, max: 1439 }), (n, minute) => {
        const typed = `${fromDayNumber(n)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        return timeInChina(instantOfChinaTime(typed)) === typed;
      }),
    );
  });
});
