import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  amountInChineseCapitals as cap,
  chineseOrdinal,
  formatAmount,
  formatDate,
  formatDateInChineseNumerals,
  formatDateTime,
  formatYuan,
} from './format.js';

const yuan = (y: number, jiaoFen = 0) => y * 100 + jiaoFen;

describe('amountInChineseCapitals', () => {
  it.each([
    [0, '人民币零元整'],
    [1, '人民币壹分'],
    [5, '人民币伍分'],
    [10, '人民币壹角'],
    [50, '人民币伍角'],
    [55, '人民币伍角伍分'],
    [yuan(1), '人民币壹元整'],
    [yuan(10), '人民币壹拾元整'],
    [yuan(16), '人民币壹拾陆元整'],
    [yuan(100), '人民币壹佰元整'],
    [yuan(101), '人民币壹佰零壹元整'],
    [yuan(110), '人民币壹佰壹拾元整'],
    [yuan(1010), '人民币壹仟零壹拾元整'],
    [yuan(1001), '人民币壹仟零壹元整'],
    [yuan(12345), '人民币壹万贰仟叁佰肆拾伍元整'],
    [yuan(10000), '人民币壹万元整'],
    [yuan(10001), '人民币壹万零壹元整'],
    [yuan(100010), '人民币壹拾万零壹拾元整'],
    [yuan(100005, 50), '人民币壹拾万零伍元伍角'],
    [yuan(1000005, 50), '人民币壹佰万零伍元伍角'],
    [yuan(1000000), '人民币壹佰万元整'],
    [yuan(10000001), '人民币壹仟万零壹元整'],
    [yuan(100000000), '人民币壹亿元整'],
    [yuan(100000005), '人民币壹亿零伍元整'],
    [yuan(100050000), '人民币壹亿零伍万元整'],
    [yuan(110000000), '人民币壹亿壹仟万元整'],
    [yuan(1000000000, 1), '人民币壹拾亿元零壹分'],
    [yuan(1000000000000), '人民币壹万亿元整'],
    [yuan(1234500000000), '人民币壹万贰仟叁佰肆拾伍亿元整'],
    [yuan(1000500000000), '人民币壹万零伍亿元整'],
    [yuan(1000000000005), '人民币壹万亿零伍元整'],
  ])('%i fen → %s', (fen, expected) => {
    expect(cap(fen)).toBe(expected);
  });

  it('follows the bank examples (¥1,680.32, ¥107,000.53, ¥325.04, ¥6,007.14)', () => {
    expect(cap(yuan(1680, 32))).toBe('人民币壹仟陆佰捌拾元零叁角贰分');
    expect(cap(yuan(107000, 53))).toBe('人民币壹拾万零柒仟元零伍角叁分');
    expect(cap(yuan(325, 4))).toBe('人民币叁佰贰拾伍元零肆分');
    expect(cap(yuan(6007, 14))).toBe('人民币陆仟零柒元壹角肆分');
    expect(cap(yuan(1409, 50))).toBe('人民币壹仟肆佰零玖元伍角');
  });

  it('writes 零 once for a run of zeros, never twice in a row', () => {
    expect(cap(yuan(10000000, 1))).toBe('人民币壹仟万元零壹分');
    expect(cap(yuan(1, 5))).toBe('人民币壹元零伍分');
    expect(cap(yuan(10, 50))).toBe('人民币壹拾元零伍角');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_999 }), (fen) => {
        const s = cap(fen);
        expect(s).not.toContain('零零');
        expect(s.startsWith('人民币')).toBe(true);
        expect(s.endsWith('整') || s.endsWith('角') || s.endsWith('分')).toBe(true);
        expect(s.endsWith('整')).toBe(fen % 100 === 0);
        // a zero amount is the only one that starts with 零
        expect(s.startsWith('人民币零')).toBe(fen === 0);
        expect(/零(元|万|亿|整)/.test(s)).toBe(fen === 0);
      }),
    );
  });

  it('round-trips: parsing the capitals gives the amount back', () => {
    const digit: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
    const unit: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
    const parse = (s: string): number => {
      const body = s.replace(/^人民币/, '').replace(/整$/, '');
      const [intPart = '', rest = ''] = body.includes('元') ? body.split('元') : ['', body];
      const m = /^(?:(.)角)?(?:(.)分)?$/u.exec(rest.replace(/^零/, ''));
      if (!m) throw new Error(s);
      const digitOf = (ch: string): number => {
        const d = digit[ch];
        if (d === undefined) throw new Error(`${ch} is not a digit in ${s}`);
        return d;
      };
      let fen = 0;
      if (m[1]) fen += digitOf(m[1]) * 10;
      if (m[2]) fen += digitOf(m[2]);
      // integer part: sections split by 亿 and 万
      let total = 0;
      let section = 0;
      let pending = 0;
      for (const ch of intPart) {
        const d = digit[ch];
        const u = unit[ch];
        if (d !== undefined) pending = d;
        else if (u !== undefined) {
          section += pending * u;
          pending = 0;
        } else if (ch === '万') {
          total += (section + pending) * 10_000;
          section = pending = 0;
        } else if (ch === '亿') {
          // 万亿: the 万 already moved the section into total
          total = (total + section + pending) * 100_000_000;
          section = pending = 0;
        }
      }
      total += section + pending;
      return total * 100 + fen;
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => parse(cap(fen)) === fen));
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (fen) => parse(cap(fen)) === fen));
  });

  it('can omit the 人民币 prefix', () => {
    expect(cap(yuan(10), { prefix: false })).toBe('壹拾元整');
  });

  it('rejects negative, fractional and unsafe amounts', () => {
    expect(() => cap(-1)).toThrow(RangeError);
    expect(() => cap(1.5)).toThrow(RangeError);
    expect(() => cap(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => cap(Number.NaN)).toThrow(RangeError);
  });
});

describe('yuan and dates', () => {
  it('formats yuan with thousands separators and two decimals', () => {
    expect(formatYuan(1234500)).toBe('12,345.00 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuan(100000000001)).toBe('1,000,000,000.01 元');
    expect(formatAmount(1234500)).toBe('12,345.00 元（人民币壹万贰仟叁佰肆拾伍元整）');
  });

  it('formats dates the Chinese way', () => {
    expect(formatDate('2025-05-08')).toBe('2025年5月8日');
    expect(formatDateTime('2025-05-08T09:05')).toBe('2025年5月8日 09:05');
    expect(formatDateTime('2025-05-08T09:05:33')).toBe('2025年5月8日 09:05');
    expect(formatDateTime('2025-05-08')).toBe('2025年5月8日');
    expect(() => formatDate('8/5/2025')).toThrow(RangeError);
  });

  it('writes the ruling date in Chinese numerals', () => {
    expect(formatDateInChineseNumerals('2025-05-10')).toBe('二〇二五年五月十日');
    expect(formatDateInChineseNumerals('2020-12-31')).toBe('二〇二〇年十二月三十一日');
    expect(formatDateInChineseNumerals('2019-11-01')).toBe('二〇一九年十一月一日');
    expect(formatDateInChineseNumerals('2024-02-20')).toBe('二〇二四年二月二十日');
  });

  it('counts in Chinese', () => {
    expect([1, 2, 10, 11, 12, 20, 21, 99].map(chineseOrdinal)).toEqual([
      '一',
      '二',
      '十',
      '十一',
      '十二',
      '二十',
      '二十一',
      '九十九',
    ]);
    expect(() => chineseOrdinal(0)).toThrow(RangeError);
  });
});
