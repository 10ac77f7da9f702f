import { describe, expect, it } from 'vitest';
import { buildResidentId } from '../../../core/identifiers/resident-id.js';
import { readDay, readInsuranceRow, type InsuranceCells } from './row.js';

const ID = buildResidentId({ regionCode: '632801', birthDate: '1990-03-15', sequence: 123 });

const GOOD: InsuranceCells = {
  residentId: ` ${ID.toLowerCase()} `,
  name: '马海军',
  phone: '+86 139 0000 1234',
  scheme: '职业伤害保障',
  insurer: '中国平安财产保险股份有限公司海西中心支公司',
  policyNo: 'HX2026-0001',
  startsOn: '2026/1/1',
  endsOn: '2026年12月31日',
};

const fieldsOf = (cells: InsuranceCells) => {
  const read = readInsuranceRow(cells);
  return read.ok ? [] : read.errors.map((e) => e.field);
};

describe('readInsuranceRow', () => {
  it('reads a good row: the ID normalised, the phone without its prefix, dates as YYYY-MM-DD', () => {
    expect(readInsuranceRow(GOOD)).toEqual({
      ok: true,
      row: {
        residentId: ID,
        name: '马海军',
        phone: '13900001234',
        scheme: 'occupational_injury',
        insurer: GOOD.insurer,
        policyNo: 'HX2026-0001',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        regionCode: null,
      },
    });
  });

  it('knows a scheme by its code, its label in either language, or a name in common use', () => {
    for (const [cell, scheme] of [
      ['work_injury', 'work_injury'],
      ['工伤', 'work_injury'],
      ['Work-injury insurance', 'work_injury'],
      ['意外伤害保险(工会赠送)', 'commercial_accident'],
      ['意外险', 'commercial_accident'],
    ] as const) {
      const read = readInsuranceRow({ ...GOOD, scheme: cell });
      expect(read.ok && read.row.scheme, cell).toBe(scheme);
    }
  });

  it('names every bad cell: check character, scheme, dates, the end before the start', () => {
    const bad = ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0');
    expect(fieldsOf({ ...GOOD, residentId: bad })).toEqual(['residentId']);
    expect(fieldsOf({ ...GOOD, residentId: '6.32801199003E+17' })).toEqual(['residentId']);
    expect(fieldsOf({ ...GOOD, scheme: '养老保险' })).toEqual(['scheme']);
    expect(fieldsOf({ ...GOOD, startsOn: '2026-02-30' })).toEqual(['startsOn']);
    expect(fieldsOf({ ...GOOD, endsOn: '45382' })).toEqual(['endsOn']);
    expect(fieldsOf({ ...GOOD, startsOn: '2026-06-01', endsOn: '2026-05-31' })).toEqual(['endsOn']);
    expect(fieldsOf({ ...GOOD, phone: '12345' })).toEqual(['phone']);
    expect(fieldsOf({ ...GOOD, regionCode: '6328' })).toEqual(['regionCode']);
    expect(fieldsOf({ ...GOOD, name: undefined, insurer: '' })).toEqual(['name', 'insurer']);
  });

  it('reads the ways a day is written, and only real days', () => {
    expect(readDay('2026-1-5')).toBe('2026-01-05');
    expect(readDay('2026.01.05')).toBe('2026-01-05');
    expect(readDay('20260105')).toBe('2026-01-05');
    expect(readDay('2025-02-29')).toBeNull();
    expect(readDay('05/01/2026')).toBeNull();
  });
});
