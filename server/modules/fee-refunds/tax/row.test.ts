import { describe, expect, it } from 'vitest';
import { buildUscc } from '../../../core/identifiers/uscc.js';
import { parseRateBp, readTaxRow, type TaxCells } from './row.js';

const USCC = buildUscc({ registrationAuthority: '9', entityType: '1', regionCode: '320505', orgCodeBody8: 'MA1XK7Q2' });

const GOOD: TaxCells = {
  uscc: USCC.toLowerCase(),
  taxpayerName: '苏州高新区精工模具有限公司',
  periodFrom: '2024-01-01',
  periodTo: '2024-03-31',
  wageBase: '61,728.00',
  rate: '0.02',
  paid: '1234.56',
  eTicketNo: '0320 2404 1500 0012 3456',
  taxOfficeName: '国家税务总局苏州市虎丘区税务局',
  treasuryDate: '2024-04-15',
  regionCode: '320505',
};

function fieldsOf(cells: TaxCells) {
  const read = readTaxRow(cells);
  return read.ok ? [] : read.errors.map((e) => e.field);
}

describe('readTaxRow', () => {
  it('reads a good row to fen, basis points and a normalized USCC and e-ticket', () => {
    expect(readTaxRow(GOOD)).toEqual({
      ok: true,
      row: {
        uscc: USCC,
        usccCheckWarning: false,
        taxpayerName: '苏州高新区精工模具有限公司',
        periodFrom: '2024-01-01',
        periodTo: '2024-03-31',
        wageBase: '61728.00',
        wageBaseFen: 6_172_800,
        rate: '0.02',
        rateBp: 200,
        paid: '1234.56',
        paidFen: 123_456,
        eTicketNo: '03202404150000123456',
        taxOfficeName: '国家税务总局苏州市虎丘区税务局',
        treasuryDate: '2024-04-15',
        regionCode: '320505',
      },
    });
  });

  it('names every bad cell of a row at once', () => {
    expect(
      fieldsOf({
        ...GOOD,
        uscc: '91320505MA1XK7Q',
        periodFrom: '2023-02-29',
        wageBase: '1.005',
        paid: '-1',
        eTicketNo: undefined,
        treasuryDate: '2024-4-15',
        regionCode: '3205',
      }),
    ).toEqual(['uscc', 'periodFrom', 'wageBase', 'paid', 'eTicketNo', 'treasuryDate', 'regionCode']);
    expect(fieldsOf({ ...GOOD, periodFrom: '2024-04-01' })).toEqual(['periodTo']);
    expect(fieldsOf({ ...GOOD, periodTo: '2024-01-01', periodFrom: '2024-01-01' })).toEqual([]);
    expect(fieldsOf({ ...GOOD, eTicketNo: '3.20240415e+19' })).toEqual(['eTicketNo']);
    expect(fieldsOf({ ...GOOD, paid: '0', wageBase: '0.00' })).toEqual([]);
  });

  it('hints at a spreadsheet date cell', () => {
    const read = readTaxRow({ ...GOOD, treasuryDate: '45397' });
    expect(read.ok ? null : read.errors[0]?.en).toContain('format it as text');
  });
});

describe('parseRateBp', () => {
  it('takes a decimal fraction or a percentage, to a whole basis point, up to 10 %', () => {
    expect(parseRateBp('0.02')).toBe(200);
    expect(parseRateBp('2%')).toBe(200);
    expect(parseRateBp('2.00 ％')).toBe(200);
    expect(parseRateBp('0.0125')).toBe(125);
    expect(parseRateBp('1.25%')).toBe(125);
    expect(parseRateBp('0')).toBe(0);
    expect(parseRateBp('0.1')).toBe(1000);
    expect(parseRateBp('10%')).toBe(1000);
  });

  it('refuses what is ambiguous, finer than a basis point, or above 10 %', () => {
    for (const bad of ['2', '1', '0.00125', '1.255%', '0.11', '10.01%', '-0.02', '0.02.1', '', '二厘']) {
      expect(parseRateBp(bad), bad).toBeNull();
    }
  });
});
