import { describe, expect, it } from 'vitest';
import { chineseNumber, statuteText } from './statutes';

describe('statute citations in English', () => {
  it('reads Chinese numerals', () => {
    expect([
      chineseNumber('四十七'),
      chineseNumber('十二'),
      chineseNumber('二百零五'),
      chineseNumber('九十七'),
    ]).toEqual([47, 12, 205, 97]);
  });

  it('names the law in English with its Chinese name beside it, and the article in figures', () => {
    expect(statuteText('劳动合同法第四十七条', 'en')).toBe('Labor Contract Law (劳动合同法) art. 47');
    expect(statuteText('劳动合同法第四十七条第三款', 'en')).toBe('Labor Contract Law (劳动合同法) art. 47 ¶3');
    expect(statuteText('劳动合同法实施条例第二十七条', 'en')).toBe(
      'Implementing Regulations of the Labor Contract Law (劳动合同法实施条例) art. 27',
    );
    expect(statuteText('《劳动法》第四十四条第一项', 'en')).toBe('Labor Law (劳动法) art. 44 (1)');
  });

  it('keeps further articles with their law, and leaves Chinese as it is', () => {
    expect(statuteText('劳动合同法第四十八条、第八十七条', 'en')).toBe(
      'Labor Contract Law (劳动合同法) art. 48, art. 87',
    );
    expect(statuteText('劳动合同法第四十七条', 'zh')).toBe('劳动合同法第四十七条');
  });
});
