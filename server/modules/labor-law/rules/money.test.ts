import { describe, it, expect } from 'vitest';
import {
  add,
  cmp,
  decimalToRational,
  div,
  floor,
  hasAtMostDecimals,
  mul,
  rat,
  roundHalfUpToFen,
  sub,
  toExactDecimal,
  toFixedDecimal,
} from './money.js';
import { num, yuanEn, yuanZh } from './explain.js';

describe('rational arithmetic', () => {
  it('normalises sign and common factors', () => {
    expect(rat(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(rat(0n, 7n)).toEqual({ n: 0n, d: 1n });
  });
  it('adds, subtracts, multiplies and divides exactly', () => {
    expect(add(rat(1n, 3n), rat(1n, 6n))).toEqual(rat(1n, 2n));
    expect(sub(rat(1n, 3n), rat(1n, 2n))).toEqual(rat(-1n, 6n));
    expect(mul(rat(87n, 4n), rat(8n))).toEqual(rat(174n));
    expect(div(rat(500000n), rat(174n))).toEqual(rat(250000n, 87n));
    expect(cmp(rat(1n, 3n), rat(33n, 100n))).toBe(1);
  });
  it('floors toward minus infinity', () => {
    expect(floor(rat(7n, 2n))).toBe(3n);
    expect(floor(rat(-7n, 2n))).toBe(-4n);
    expect(floor(rat(4n))).toBe(4n);
  });
  it('throws on division by zero', () => {
    expect(() => rat(1n, 0n)).toThrow();
    expect(() => div(rat(1n), rat(0n))).toThrow();
  });
});

describe('roundHalfUpToFen — the one rounding rule', () => {
  const cases: Array<[bigint, bigint, number]> = [
    [1n, 2n, 1], // 0.5 fen → 1
    [3n, 2n, 2], // 1.5 → 2
    [5n, 2n, 3], // 2.5 → 3 (half up, not banker's)
    [4999n, 1000n, 5], // 4.999 → 5
    [4499n, 1000n, 4], // 4.499 → 4
    [1n, 3n, 0],
    [2n, 3n, 1],
    [11964600n, 1n, 11964600],
    [-1n, 2n, 0], // −0.5 rounds up to 0
  ];
  it.each(cases)('%s/%s fen → %s', (n, d, expected) => {
    expect(roundHalfUpToFen(rat(n, d))).toBe(expected);
  });
});

describe('decimals without floating point', () => {
  it.each([
    [10.5, rat(21n, 2n)],
    [0.01, rat(1n, 100n)],
    [1.15, rat(115n, 100n)],
    [0.29, rat(29n, 100n)],
    [8, rat(8n)],
  ])('%s', (x, expected) => {
    expect(decimalToRational(x, 2)).toEqual(expected);
  });
  it('rejects more places than allowed, negatives and non-finite numbers', () => {
    expect(() => decimalToRational(1.234, 2)).toThrow();
    expect(() => decimalToRational(-1, 2)).toThrow();
    expect(() => decimalToRational(Number.NaN, 2)).toThrow();
    expect(hasAtMostDecimals(1.23, 2)).toBe(true);
    expect(hasAtMostDecimals(1.234, 2)).toBe(false);
    expect(hasAtMostDecimals(1e-7, 2)).toBe(false);
  });
  it('prints exact and fixed decimals', () => {
    expect(toExactDecimal(rat(11n, 2n))).toBe('5.5');
    expect(toExactDecimal(rat(1n, 3n))).toBeNull();
    expect(toFixedDecimal(rat(1n, 3n), 2)).toBe('0.33');
    expect(toFixedDecimal(rat(5n, 1000n), 2)).toBe('0.01');
    expect(num(rat(46n, 31n))).toBe('1 + 15/31');
  });
});

describe('yuan formatting', () => {
  it.each([
    [7741800, '77,418.00 元', '¥77,418.00'],
    [1407600, '14,076.00 元', '¥14,076.00'],
    [5, '0.05 元', '¥0.05'],
    [0, '0.00 元', '¥0.00'],
    [123456789012, '1,234,567,890.12 元', '¥1,234,567,890.12'],
  ])('%s fen', (fen, zh, en) => {
    expect(yuanZh(fen)).toBe(zh);
    expect(yuanEn(fen)).toBe(en);
  });
  it('marks inexact figures with ≈', () => {
    expect(yuanZh(rat(300001n, 3n))).toBe('≈1,000.00 元');
  });
});
