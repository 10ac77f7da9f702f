import { describe, expect, it } from 'vitest';
import { canonicalCaseNumber, caseNumberTail, parseCaseNumber } from './case-number.js';

describe('case numbers as people type them', () => {
  it.each([
    ['粤中工调〔2025〕000123号', '粤中工调', '2025', 123],
    ['粤中工调(2025)123号', '粤中工调', '2025', 123],
    ['粤中工调（２０２５）１２３号', '粤中工调', '2025', 123], // full-width digits and brackets
    ['粤中工调［2025］000123', '粤中工调', '2025', 123], // no 号
    [' 粤中工调 〔2025〕 000123 号 ', '粤中工调', '2025', 123], // spaces
    ['粤中工调2025年123号', '粤中工调', '2025', 123],
    ['〔2025〕000123号', '', '2025', 123], // no prefix
    ['2025-123', '', '2025', 123],
    ['2025/000123', '', '2025', 123],
  ])('%s → %s %s %s', (input, prefix, year, seq) => {
    expect(parseCaseNumber(input)).toEqual({ prefix, year, seq });
  });

  it.each(['', '粤中工调', '123', '2025', '粤中工调〔2025〕0号', '粤中工调〔25〕123号', '2025-12a'])(
    'refuses %j',
    (input) => {
      expect(parseCaseNumber(input)).toBeNull();
    },
  );

  it('rebuilds the canonical number and its tail', () => {
    const p = parseCaseNumber('粤中工调(2025)123号')!;
    expect(canonicalCaseNumber(p)).toBe('粤中工调〔2025〕000123号');
    expect(caseNumberTail(p)).toBe('〔2025〕000123号');
  });
});
