import { describe, expect, it } from 'vitest';
import { apportion, formatWanYuan, formatYuan, parseWanYuanToFen, parseYuanToFen, wanYuanToFen } from './money.js';

function fen(input: string | number, allowNegative = false): number {
  const r = parseYuanToFen(input, { allowNegative });
  if (!r.ok) throw new Error(`refused: ${r.en}`);
  return r.value;
}

function wan(input: string | number): number {
  const r = parseWanYuanToFen(input);
  if (!r.ok) throw new Error(`refused: ${r.en}`);
  return r.value;
}

describe('parseYuanToFen', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['0.01', 1],
    ['  1,234.56 ', 123456],
    ['1,234,567', 123456700],
    ['90071992547409.91', 9007199254740991],
  ])('%s yuan → %i fen', (text, expected) => {
    expect(fen(text)).toBe(expected);
  });

  it('reads spreadsheet numbers by the digits they show, never through a float product', () => {
    // 1.15 × 100 = 114.99999999999999 in floating point; the text "1.15" is 115 fen.
    expect(1.15 * 100).not.toBe(115);
    expect(fen(1.15)).toBe(115);
    expect(fen(1253)).toBe(125300);
    expect(fen(0.07)).toBe(7);
  });

  it.each([
    ['', 'empty'],
    ['12.345', 'at most 2 decimals'],
    ['1,23.4', 'not an amount'],
    ['12,34', 'not an amount'],
    ['¥12', 'not an amount'],
    ['１２', 'not an amount'],
    ['1e3', 'not an amount'],
    ['-5', 'cannot be negative'],
    ['90071992547409.92', 'too large'],
  ])('refuses %j (%s)', (text, why) => {
    const r = parseYuanToFen(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.en).toContain(why);
      expect(r.zh).not.toBe('');
    }
  });

  it('refuses numbers whose digits are not an amount: 0.1 + 0.2, 1e21, NaN', () => {
    expect(parseYuanToFen(0.1 + 0.2).ok).toBe(false);
    expect(parseYuanToFen(1e21).ok).toBe(false);
    expect(parseYuanToFen(Number.NaN).ok).toBe(false);
  });

  it('reads a correction row only when asked to', () => {
    expect(fen('-1.5', true)).toBe(-150);
    expect(fen('-0', true)).toBe(0);
  });
});

describe('parseWanYuanToFen', () => {
  it.each([
    ['300', 300_000_000],
    ['299.999999', 299_999_999],
    ['0.000001', 1],
    ['1,000.5', 1_000_500_000],
    [' 40000 ', 40_000_000_000],
  ])('%s 万元 → %i fen', (text, expected) => {
    expect(wan(text)).toBe(expected);
  });

  it('compares exactly with whole 万元', () => {
    expect(wan('300')).toBe(wanYuanToFen(300));
    expect(wan('299.99')).toBeLessThan(wanYuanToFen(300));
    expect(wan(299.999999)).toBe(wanYuanToFen(300) - 1);
  });

  it('refuses more than 6 decimals (finer than a fen)', () => {
    const r = parseWanYuanToFen('1.0000001');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.en).toContain('at most 6 decimals');
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [7, '0.07'],
    [123456, '1,234.56'],
    [125_300_000_000, '1,253,000,000.00'],
    [-150, '-1.50'],
  ])('%i fen → %s', (amount, text) => {
    expect(formatYuan(amount)).toBe(text);
  });
});

describe('formatWanYuan', () => {
  it.each([
    [0, '0'],
    [1, '0.000001'],
    [300_500_000, '300.5'],
    [299_999_999, '299.999999'],
    [40_000_000_000, '40000'],
  ])('%i fen → %s 万元', (amount, text) => {
    expect(formatWanYuan(amount)).toBe(text);
    // Read back, the text is the same fen.
    expect(wan(text)).toBe(amount);
  });
});

describe('apportion (largest remainder)', () => {
  it('gives each part its whole fen and the rest to the largest fractions', () => {
    // 100 fen in thirds: 33.33 each, one fen left, to the first of the equal fractions.
    expect(apportion(100, [1n, 1n, 1n])).toEqual([34, 33, 33]);
    // 10 fen as 60/15/10/10/5 %: 6, 1.5, 1, 1, 0.5 → floors 6+1+1+1+0 = 9, the one fen left goes to
    // the first of the two .5 fractions (the second part).
    expect(apportion(10, [6000n, 1500n, 1000n, 1000n, 500n])).toEqual([6, 2, 1, 1, 0]);
  });

  it('never gives a fen to a part of weight zero and always adds up', () => {
    expect(apportion(7, [0n, 1n, 0n, 1n])).toEqual([0, 4, 0, 3]);
    expect(apportion(0, [1n, 2n])).toEqual([0, 0]);
  });

  it('splits exactly as the BigInt arithmetic does, for amounts far past what a double holds', () => {
    // The reference: the same largest-remainder rule, all in BigInt.
    const reference = (total: number, weights: bigint[]) => {
      const t = BigInt(total);
      const sum = weights.reduce((a, b) => a + b, 0n);
      const parts = weights.map((w) => (t * w) / sum);
      const order = weights
        .map((w, i) => ({ i, r: (t * w) % sum }))
        .sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.i - b.i));
      let left = t - parts.reduce((a, b) => a + b, 0n);
      for (const { i } of order) if (left-- > 0n) parts[i] = parts[i]! + 1n;
      return parts.map(Number);
    };
    let seed = 20_261_207;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let k = 0; k < 5_000; k++) {
      // Totals from a fen to ¥90 billion; weights as a policy's (bp × bp) or as days of a period.
      const total = k % 2 ? random(100_000_000) : random(2 ** 31) * 4_194_304 + random(4_194_304);
      const weights = Array.from({ length: 1 + random(10) }, () => BigInt(random(k % 3 ? 100_000_000 : 400)));
      if (!weights.some((w) => w > 0n)) weights[0] = 1n;
      expect(apportion(total, weights)).toEqual(reference(total, weights));
    }
  });

  it('refuses what cannot be split', () => {
    expect(() => apportion(-1, [1n])).toThrow(RangeError);
    expect(() => apportion(1, [0n, 0n])).toThrow(RangeError);
    expect(() => apportion(1.5, [1n])).toThrow(RangeError);
  });
});
