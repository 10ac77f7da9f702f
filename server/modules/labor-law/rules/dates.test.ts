import { describe, it, expect } from 'vitest';
import { isValidDateString, maxDate, minDate, monthOf, parseDate } from './dates.js';

// The date arithmetic itself is tested with its definition, in contracts/dates.test.ts.
describe('calendar dates', () => {
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
  it('parses a date into its parts, and refuses one that does not exist', () => {
    expect(parseDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(() => parseDate('2023-02-29')).toThrow(new RangeError('invalid date: 2023-02-29'));
  });
  it('picks the earlier and the later of two dates, and the month of one', () => {
    expect(minDate('2023-05-01', '2023-04-30')).toBe('2023-04-30');
    expect(maxDate('2023-05-01', '2023-04-30')).toBe('2023-05-01');
    expect(monthOf('2023-05-01')).toBe('2023-05');
  });
});
