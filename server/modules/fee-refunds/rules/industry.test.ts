import { describe, expect, it } from 'vitest';
import { industryRulesFor, parseIndustryCode, type IndustryCode } from './industry.js';

function categoriesOf(code: string): Array<string | null> {
  const parsed = parseIndustryCode(code);
  if (parsed === null) throw new Error(`not a code: ${code}`);
  return industryRulesFor(parsed)
    .map((r) => r.category)
    .sort();
}

describe('parseIndustryCode (GB/T 4754-2017)', () => {
  it.each<[string, IndustryCode]>([
    ['F', { section: 'F', division: null, group: null, industryClass: null }],
    [' f52 ', { section: 'F', division: '52', group: null, industryClass: null }],
    ['K7010', { section: 'K', division: '70', group: '701', industryClass: '7010' }],
    ['5211', { section: 'F', division: '52', group: '521', industryClass: '5211' }],
    ['05', { section: 'A', division: '05', group: null, industryClass: null }],
    ['C3911', { section: 'C', division: '39', group: '391', industryClass: '3911' }],
  ])('%j', (raw, expected) => {
    expect(parseIndustryCode(raw)).toEqual(expected);
  });

  it.each(['', 'U', 'F61', '00', '98', '5', 'FF', 'F5211X', '批发'])('refuses %j', (raw) => {
    expect(parseIndustryCode(raw)).toBeNull();
  });
});

describe('the category of a code (300号第三条)', () => {
  it.each([
    ['B06', ['industry']],
    ['C3911', ['industry']],
    ['D44', ['industry']],
    ['F51', ['wholesale']],
    ['F5211', ['retail']],
    ['G54', ['transport']],
    ['G591', ['transport']], // 装卸搬运 is transport (GB/T 4754-2017 put it in 59)
    ['G592', ['warehousing']],
    ['G60', ['postal']],
    ['I63', ['information_transmission']],
    ['I64', ['information_transmission']],
    ['I65', ['software_it']],
    ['K701', ['real_estate_development']],
    ['K702', ['property_management']],
    ['K703', ['other']],
    ['L71', ['leasing_business']],
    ['Q85', ['other']],
    ['J66', [null]],
    ['S92', [null]],
  ])('%s → %j', (code, expected) => {
    expect(categoriesOf(code)).toEqual(expected);
  });

  it('lists every category a code could stand for when its digits stop too early', () => {
    expect(categoriesOf('F')).toEqual(['retail', 'wholesale']);
    // G53 (by analogy), G54–58 and G591 are transport, the rest of G59 warehousing, G60 postal.
    expect(categoriesOf('G')).toEqual(['postal', 'transport', 'transport', 'transport', 'warehousing']);
    expect(categoriesOf('G59')).toEqual(['transport', 'warehousing']);
    expect(categoriesOf('H')).toEqual(['accommodation', 'catering']);
    expect(categoriesOf('I')).toEqual(['information_transmission', 'software_it']);
    expect(categoriesOf('K')).toEqual(['other', 'property_management', 'real_estate_development']);
    expect(categoriesOf('K70')).toEqual(['other', 'property_management', 'real_estate_development']);
  });

  it('marks railways, education and health as classed by analogy (第六条)', () => {
    for (const code of ['G53', 'P83', 'Q84']) {
      const rules = industryRulesFor(parseIndustryCode(code) as IndustryCode);
      expect(rules.some((r) => r.byAnalogy)).toBe(true);
    }
    expect(industryRulesFor(parseIndustryCode('G54') as IndustryCode).some((r) => r.byAnalogy)).toBe(false);
  });
});
