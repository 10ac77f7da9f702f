import { describe, expect, it } from 'vitest';
import { employersImportKind as kind } from '../employers/import-kind.js';
import { headerKey, mapHeaders, parseRow } from './rows.js';

describe('import rows', () => {
  it('matches headers ignoring case, spaces (also full-width) and a required-field star', () => {
    expect(headerKey(' Region　CODE* ')).toBe('regioncode');
    const map = mapHeaders(kind, ['单位名称*', 'USCC', ' region code ', '行业', '备注', '']);
    expect([...map.index]).toEqual([
      ['name', 0],
      ['uscc', 1],
      ['regionCode', 2],
      ['industryCode', 3],
    ]);
    expect(map.unknown).toEqual(['备注']);
    expect(map.missing).toEqual([]);
    expect(mapHeaders(kind, ['单位名称']).missing.map((c) => c.key)).toEqual(['uscc', 'regionCode', 'industryCode']);
  });

  it('names the field of each problem in both languages', () => {
    const map = mapHeaders(kind, ['统一社会信用代码', '单位名称', '行政区划代码', '行业代码', '电子邮箱']);
    const parsed = parseRow(kind, map, 7, ['91442000MA4UTE8K5X', 'A', '4420', '', 'not-mail']);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byField = Object.fromEntries(parsed.errors.map((e) => [e.field, e]));
    expect(byField.name).toMatchObject({ row: 7, zh: expect.stringContaining('单位名称') });
    expect(byField.regionCode?.en).toContain('"Region code"');
    expect(byField.industryCode).toMatchObject({ zh: '「行业代码」不能为空', en: '"Industry code" is required' });
    expect(byField.contactEmail?.zh).toContain('邮箱格式不正确');
  });
});
