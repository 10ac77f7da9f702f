import { describe, expect, it } from 'vitest';
import { caseSearchText, searchTerms } from './search-text.js';

describe('caseSearchText', () => {
  it('gathers the number, its digits, the worker, the employer, the chain, the representatives and any parties', () => {
    const text = caseSearchText('粤中工调〔2025〕000123号', {
      worker: { name: '宋建军', phone: '13912340001', residentIdMasked: '3611**********0011' },
      employer: { name: '包工头 李某（个人）', contactPhone: '13800002222' },
      respondent: { name: '中山市华裕建筑劳务有限公司', contactName: '黄经理', contactPhone: '0760-88880001' },
      construction: {
        parties: [
          { id: 'dev', name: '中山市翠亨置业有限公司', role: 'developer' },
          { id: 'gc', name: '中山市华裕建筑劳务有限公司', role: 'general_contractor', contactPhone: '13800002222' },
        ],
        hiredWorker: 'dev',
        developerPaidProjectFunds: 'unknown',
        crewBossReachable: true,
      },
      representatives: [{ name: '刘代表', phone: '13600001111' }],
      parties: [{ name: '另一方当事人', phone: '13500003333' }, { phone: 'no name' }, 'not a party'],
    });
    for (const part of [
      '粤中工调〔2025〕000123号',
      '2025000123',
      '宋建军',
      '13912340001',
      '包工头 李某（个人）',
      '黄经理',
      '0760-88880001',
      '076088880001',
      '中山市翠亨置业有限公司',
      '刘代表',
      '13600001111',
      '另一方当事人',
      '13500003333',
    ])
      expect(text, part).toContain(part);
    expect(text).not.toContain('**');
    // A name met twice is written once.
    expect(text.split('中山市华裕建筑劳务有限公司')).toHaveLength(2);
  });

  it('reads the worker on file when the facts name none (historic cases)', () => {
    const text = caseSearchText('粤中工调〔2020〕000001号', {}, { name: '王历史', phone: '13700000001' });
    expect(text).toBe('粤中工调〔2020〕000001号 2020000001 王历史 13700000001');
  });
});

describe('searchTerms', () => {
  it('splits the words, and adds the digits of a number written with separators', () => {
    expect(searchTerms(' 2025  123 ')).toEqual([['2025'], ['123']]);
    expect(searchTerms('〔2025〕000123')).toEqual([['〔2025〕000123', '2025000123']]);
    expect(searchTerms('0760-88880001')).toEqual([['0760-88880001', '076088880001']]);
    expect(searchTerms('宋建')).toEqual([['宋建']]);
  });

  it('never turns a wildcard into something else', () => {
    expect(searchTerms('12%3')).toEqual([['12%3']]);
    expect(searchTerms('1_2')).toEqual([['1_2']]);
  });
});
