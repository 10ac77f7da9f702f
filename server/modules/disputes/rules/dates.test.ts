import { describe, expect, it } from 'vitest';
import { toChinaDate } from './dates.js';

// The date arithmetic itself is tested with its definition, in contracts/dates.test.ts.
describe('dates', () => {
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
