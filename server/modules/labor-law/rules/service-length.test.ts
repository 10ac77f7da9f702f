import { describe, it, expect } from 'vitest';
import { art47Months, monthsFromAnniversary, rules1994Months, serviceSpan } from './service-length.js';
import { rat } from './money.js';

describe('serviceSpan — first and last day both counted, months by anniversary', () => {
  it.each([
    ['2020-01-01', '2020-12-31', 12, 0],
    ['2020-01-01', '2020-06-30', 6, 0],
    ['2020-01-01', '2020-06-29', 5, 29],
    ['2020-01-01', '2020-01-01', 0, 1],
    ['2020-03-15', '2020-04-14', 1, 0],
    ['2020-03-15', '2020-04-13', 0, 30],
    ['2015-03-01', '2023-06-30', 100, 0],
    ['2020-01-31', '2020-02-28', 1, 0], // anniversary clamped to 02-29 in a leap year
    ['2021-01-31', '2021-02-27', 1, 0], // anniversary clamped to 02-28
    ['2020-02-29', '2021-02-27', 12, 0],
    ['2005-03-10', '2007-12-31', 33, 22],
    ['2020-05-01', '2020-04-30', 0, 0], // end before start: empty
  ])('%s … %s = %s months %s days', (a, b, months, days) => {
    expect(serviceSpan(a, b)).toEqual({ months, days });
  });
});

describe('劳动合同法第四十七条 — months of wages', () => {
  // 每满一年支付一个月工资；六个月以上不满一年的，按一年计算；不满六个月的，支付半个月工资
  it.each([
    [{ months: 0, days: 0 }, '0'],
    [{ months: 0, days: 1 }, '0.5'],
    [{ months: 5, days: 30 }, '0.5'],
    [{ months: 6, days: 0 }, '1'],
    [{ months: 11, days: 30 }, '1'],
    [{ months: 12, days: 0 }, '1'],
    [{ months: 12, days: 1 }, '1.5'],
    [{ months: 17, days: 29 }, '1.5'],
    [{ months: 18, days: 0 }, '2'],
    [{ months: 100, days: 0 }, '8.5'],
    [{ months: 186, days: 0 }, '16'],
  ])('%o → %s months', (span, expected) => {
    expect(art47Months(span)).toEqual(rat(BigInt(Number(expected) * 2), 2n));
  });
});

describe('劳部发〔1994〕481号 — any part of a year counts as a year', () => {
  it.each([
    [{ months: 0, days: 1 }, 1],
    [{ months: 12, days: 0 }, 1],
    [{ months: 12, days: 1 }, 2],
    [{ months: 33, days: 22 }, 3],
    [{ months: 0, days: 0 }, 0],
  ])('%o → %s months', (span, expected) => {
    expect(rules1994Months(span)).toBe(expected);
  });
});

describe('monthsFromAnniversary — partial month by calendar days', () => {
  it.each([
    ['2020-01-01', 1, '2020-12-01', 10, 0, 1], // 02-01 … 11-30
    ['2020-01-01', 1, '2020-04-16', 2, 15, 30], // 02-01 … 04-15
    ['2020-01-01', 1, '2020-02-02', 0, 1, 29], // one day of a 29-day February
    ['2020-01-01', 1, '2020-02-01', 0, 0, 1],
    ['2020-01-01', 1, '2020-01-15', 0, 0, 1],
  ])('anchor %s from month %s to %s', (anchor, k0, endEx, full, rest, len) => {
    const r = monthsFromAnniversary(anchor, k0, endEx);
    expect(r.fullMonths).toBe(full);
    expect(r.restDays).toBe(rest);
    if (rest > 0) expect(r.restMonthLength).toBe(len);
    expect(r.months).toEqual(rat(BigInt(full * (rest > 0 ? len : 1) + rest), BigInt(rest > 0 ? len : 1)));
  });
});
