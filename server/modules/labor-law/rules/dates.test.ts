import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  fromDayNumber,
  isValidDateString,
  toDayNumber,
  todayInChina,
} from './dates.js';

describe('calendar dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['2008-01-01', 13879],
    ['2000-02-29', 11016],
    ['1969-12-31', -1],
  ])('%s is day %s', (s, n) => {
    expect(toDayNumber(s)).toBe(n);
    expect(fromDayNumber(n)).toBe(s);
  });
  it('round-trips every day over several centuries', () => {
    for (let n = -60000; n < 60000; n += 7) expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });
  it.each([
    ['2023-02-29', false],
    ['2024-02-29', true],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-1-01', false],
    ['2023-12-31', true],
  ])('validity of %s', (s, ok) => {
    expect(isValidDateString(s)).toBe(ok);
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
  it('adds days and measures distances', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
  it('gives the date in China for an instant', () => {
    expect(todayInChina(new Date('2023-12-31T16:30:00Z'))).toBe('2024-01-01');
    expect(todayInChina(new Date('2023-12-31T15:59:00Z'))).toBe('2023-12-31');
  });
});
