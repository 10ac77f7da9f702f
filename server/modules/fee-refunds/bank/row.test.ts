import { describe, expect, it } from 'vitest';
import { officeKey, readBankRow } from './row.js';

describe('officeKey: how a bank payer name meets a tax office name', () => {
  it('ignores white space and full-width forms, and nothing else', () => {
    const tax = '国家税务总局苏州市虎丘区税务局（第一税务所）';
    expect(officeKey(tax)).toBe('国家税务总局苏州市虎丘区税务局(第一税务所)');
    expect(officeKey(' 国家税务总局苏州市虎丘区税务局\u3000(第一税务所) ')).toBe(officeKey(tax));
    expect(officeKey('国家税务总局苏州市虎丘区税务局（第１税务所）')).toBe('国家税务总局苏州市虎丘区税务局(第1税务所)');
    // Another office, or an abbreviation, stays another name.
    expect(officeKey('苏州市虎丘区税务局（第一税务所）')).not.toBe(officeKey(tax));
    expect(officeKey('国家税务总局苏州市吴中区税务局')).not.toBe(officeKey('国家税务总局苏州市虎丘区税务局'));
  });
});

describe('readBankRow', () => {
  const good = {
    creditDate: '2024-04-15',
    payerName: '国家税务总局苏州市虎丘区税务局',
    amount: '1,234.56',
    serialNo: ' ab-2024 0415 ',
  };

  it('reads a good row to fen, the serial number without spaces in upper case', () => {
    expect(readBankRow(good)).toEqual({
      ok: true,
      row: {
        creditDate: '2024-04-15',
        payerName: '国家税务总局苏州市虎丘区税务局',
        payerKey: '国家税务总局苏州市虎丘区税务局',
        amount: '1234.56',
        amountFen: 123_456,
        serialNo: 'AB-20240415',
      },
    });
  });

  it('names every bad cell at once', () => {
    const read = readBankRow({
      creditDate: '2023-02-29',
      payerName: '税务\u200b局',
      amount: '1.001',
      serialNo: '3.2e+19',
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.field)).toEqual(['creditDate', 'payerName', 'amount', 'serialNo']);
    expect(read.errors[3]!.en).toContain('lost digits');
  });

  it('refuses blank cells, a negative amount and a spreadsheet date number', () => {
    const read = readBankRow({ creditDate: '45397', payerName: '', amount: '-0.01' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual([
      expect.objectContaining({ field: 'creditDate', en: expect.stringContaining('format it as text') }),
      { field: 'payerName', zh: '不能为空', en: 'is required' },
      expect.objectContaining({ field: 'amount', en: expect.stringContaining('cannot be negative') }),
      { field: 'serialNo', zh: '不能为空（每行须有流水号）', en: 'is missing (every row needs its serial number)' },
    ]);
  });
});
