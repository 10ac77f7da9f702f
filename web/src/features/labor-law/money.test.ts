import { describe, expect, it } from 'vitest';
import {
  MAX_FEN,
  fenToYuanInput,
  formatFen,
  isCalendarDate,
  parseDecimal,
  parseYuanToFen,
  todayInChina,
} from './money';

describe('parseYuanToFen', () => {
  it('reads yuan exactly from the decimal string', () => {
    expect(parseYuanToFen('6500')).toBe(650000);
    expect(parseYuanToFen('6500.5')).toBe(650050);
    expect(parseYuanToFen('6500.50')).toBe(650050);
    expect(parseYuanToFen('6500.05')).toBe(650005);
    expect(parseYuanToFen('0.1')).toBe(10);
    expect(parseYuanToFen('.5')).toBe(50);
    expect(parseYuanToFen('12.')).toBe(1200);
    expect(parseYuanToFen('0')).toBe(0);
    expect(parseYuanToFen('007')).toBe(700);
  });

  it('has none of the float errors of yuan × 100', () => {
    // 1.15 * 100 === 114.99999999999999, 4.35 * 100 === 434.99999999999994, 1.005 has 3 decimals
    expect(parseYuanToFen('1.15')).toBe(115);
    expect(parseYuanToFen('4.35')).toBe(435);
    expect(parseYuanToFen('8.7')).toBe(870);
    expect(parseYuanToFen('19999999.99')).toBe(1999999999);
    for (let cents = 0; cents < 1000; cents++) {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      expect(parseYuanToFen(text)).toBe(cents);
    }
  });

  it('accepts thousands separators, spaces, the yuan sign and full-width digits', () => {
    expect(parseYuanToFen('6,500.50')).toBe(650050);
    expect(parseYuanToFen(' 6500 ')).toBe(650000);
    expect(parseYuanToFen('¥6500')).toBe(650000);
    expect(parseYuanToFen('6500元')).toBe(650000);
    expect(parseYuanToFen('６５００．５')).toBe(650050);
    expect(parseYuanToFen('6，500')).toBe(650000);
    expect(parseYuanToFen(6500.5)).toBe(650050);
  });

  it('rejects what is not an amount', () => {
    for (const bad of ['', ' ', 'abc', '-1', '1.234', '1e3', '1.2.3', '.', '6500.5x', 'Infinity', 'NaN', '+5'])
      expect(parseYuanToFen(bad)).toBeNull();
    expect(parseYuanToFen(null)).toBeNull();
    expect(parseYuanToFen(undefined)).toBeNull();
  });

  it('rejects amounts above the API maximum', () => {
    expect(parseYuanToFen('100000000')).toBe(MAX_FEN);
    expect(parseYuanToFen('100000000.01')).toBeNull();
    expect(parseYuanToFen('99999999999999999999')).toBeNull();
  });
});

describe('formatFen', () => {
  it('shows yuan with thousands separators and two decimals', () => {
    expect(formatFen(3575000)).toBe('35,750.00');
    expect(formatFen(190000)).toBe('1,900.00');
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(99)).toBe('0.99');
    expect(formatFen(100)).toBe('1.00');
    expect(formatFen(11079884)).toBe('110,798.84');
    expect(formatFen(MAX_FEN)).toBe('100,000,000.00');
    expect(formatFen(-12345)).toBe('-123.45');
  });

  it('round-trips with parseYuanToFen', () => {
    for (const fen of [0, 1, 10, 99, 100, 650050, 3575000, 1234567891])
      expect(parseYuanToFen(formatFen(fen))).toBe(fen);
  });
});

describe('fenToYuanInput', () => {
  it('gives the shortest yuan text', () => {
    expect(fenToYuanInput(650000)).toBe('6500');
    expect(fenToYuanInput(650050)).toBe('6500.5');
    expect(fenToYuanInput(650005)).toBe('6500.05');
    expect(fenToYuanInput(7)).toBe('0.07');
    for (const fen of [0, 1, 10, 99, 190000, 123456789]) expect(parseYuanToFen(fenToYuanInput(fen))).toBe(fen);
  });
});

describe('parseDecimal', () => {
  it('reads at most two decimals', () => {
    expect(parseDecimal('10')).toBe(10);
    expect(parseDecimal('10.25')).toBe(10.25);
    expect(parseDecimal('０.5')).toBe(0.5);
    expect(parseDecimal('10.255')).toBeNull();
    expect(parseDecimal('-1')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1.5', 0)).toBeNull();
  });
});

describe('dates', () => {
  it('checks real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-4-1')).toBe(false);
    expect(isCalendarDate('1899-12-31')).toBe(false);
    expect(isCalendarDate(undefined)).toBe(false);
  });

  it('takes today in China, not in the device zone', () => {
    expect(todayInChina(new Date('2026-11-28T16:30:00Z'))).toBe('2026-11-29');
    expect(todayInChina(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
  });
});
