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

  it('names the older rules and the court’s interpretations the analysis cites, and their short names', () => {
    const han = /\p{Script=Han}/u;
    const outsideBrackets = (s: string) => s.replace(/\((?:[^()]|\([^()]*\))*\)/g, '');
    for (const citation of [
      '违反和解除劳动合同的经济补偿办法（劳部发〔1994〕481号）第五条',
      '最高人民法院关于审理劳动争议案件适用法律若干问题的解释（法释〔2001〕14号）第十五条',
      '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）第十五条',
      '《特邀调解规定》第二十四条第二款',
      '《人民法院在线调解规则》第十五条',
      '在线调解规则第二十五条',
      '民诉法解释第三百五十四条',
    ])
      expect({ citation, en: han.test(outsideBrackets(statuteText(citation, 'en'))) }).toEqual({ citation, en: false });
    expect(statuteText('《特邀调解规定》第二十四条第二款', 'en')).toBe(
      'SPC Provisions on Specially Invited Mediation (特邀调解规定) art. 24 ¶2',
    );
  });
});
