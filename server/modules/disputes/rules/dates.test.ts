import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addYears,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  toChinaDate,
  toDayNumber,
  weekday,
} from './dates.js';

describe('dates', () => {
  it.each([
    ['2025-02-29', false],
    ['2024-02-29', true],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-10-01', true],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  it.each([
    ['2025-09-30', 1, '2025-10-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('addDays(%s, %i) = %s', (d, n, e) => expect(addDays(d, n)).toBe(e));

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

  it('day numbers round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => toDayNumber(fromDayNumber(n)) === n));
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it.each([
    [new Date('2025-09-30T15:59:59Z'), '2025-09-30'],
    [new Date('2025-09-30T16:00:00Z'), '2025-10-01'], // midnight in Beijing
    ['2025-09-30T23:30:00+08:00', '2025-09-30'],
    ['2025-09-30', '2025-09-30'],
  ] as const)('toChinaDate(%s) = %s', (now, e) => expect(toChinaDate(now)).toBe(e));

  it('refuses a date-time without an offset', () => {
    expect(() => toChinaDate('2025-09-30T10:00:00')).toThrow(RangeError);
  });
});
