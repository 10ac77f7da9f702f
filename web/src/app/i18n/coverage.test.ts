import { describe, expect, it } from 'vitest';
import { keyDifference, stringsProblems } from './coverage';

const complete = (folder: string) => [
  `../../features/${folder}/strings.zh.ts`,
  `../../features/${folder}/strings.en.ts`,
  `../../features/${folder}/i18n.ts`,
];

describe('the i18n convention check', () => {
  it('passes features whose folders each have Chinese, English and a registration', () => {
    expect(
      stringsProblems([
        ...complete('employers'),
        '../../features/employers/EmployersPage.tsx',
        ...complete('disputes'),
        ...complete('disputes/settings'),
        '../../features/disputes/case/CasePage.tsx',
      ]),
    ).toEqual([]);
  });

  it('names a folder with Chinese strings and no English ones', () => {
    expect(
      stringsProblems([
        '../../features/courts/strings.zh.ts',
        '../../features/courts/i18n.ts',
        '../../features/courts/CourtsPage.tsx',
      ]),
    ).toEqual(['courts: strings.zh.ts without strings.en.ts']);
  });

  it('names a sub-folder with English strings only', () => {
    expect(stringsProblems([...complete('disputes'), '../../features/disputes/public/strings.en.ts'])).toEqual([
      'disputes/public: strings.en.ts without strings.zh.ts',
    ]);
  });

  it('names a feature without strings, and strings nobody registers', () => {
    expect(
      stringsProblems([
        '../../features/regions/RegionsPage.tsx',
        '../../features/me/strings.zh.ts',
        '../../features/me/strings.en.ts',
      ]),
    ).toEqual(['regions: no strings.zh.ts', 'me: strings.zh.ts without i18n.ts to register it']);
  });

  it('names an i18n.ts that holds words instead of registering strings files', () => {
    expect(stringsProblems(['../../features/audit/i18n.ts', '../../features/audit/AuditPage.tsx'])).toEqual([
      'audit: no strings.zh.ts',
      'audit: i18n.ts without strings.zh.ts',
    ]);
  });
});

describe('the key difference of two languages', () => {
  it('lists nested keys missing on either side', () => {
    expect(keyDifference({ a: 'x', b: { c: 'y', d: 'z' } }, { a: 'x', b: { c: 'y' }, e: 'w' })).toEqual({
      onlyZh: ['b.d'],
      onlyEn: ['e'],
    });
  });
});
