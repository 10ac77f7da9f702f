import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { csvField, paymentCsv } from './payment-csv.js';
import type { PaymentBatchFile } from './pain001.js';

function batch(): PaymentBatchFile {
  return {
    messageId: 'YZ-REFUND-20261206-001',
    paymentInfoId: 'YZ-REFUND-20261206-001-P1',
    createdAt: new Date('2026-12-06T12:05:00Z'),
    requestedExecutionDate: '2026-12-07',
    initiatingPartyName: '江苏省总工会',
    debtor: { name: '江苏省总工会经费专户', accountNo: '32001881236052500123', bankCode: '105301000010' },
    instructions: [
      {
        endToEndId: 'RF-1',
        amountFen: 1,
        creditor: { name: '南京甲乙科技有限公司', accountNo: '0123456789012', bankCode: '102301000015' },
        purpose: '退还工会经费',
      },
      {
        endToEndId: 'RF-2',
        amountFen: 123_456_789,
        creditor: { name: '苏州"丙丁",制造厂', accountNo: '6222021234567890123', bankCode: '103305000017' },
        purpose: '退还经费,含滞纳金',
      },
    ],
  };
}

const rows = (csv: string) => csv.slice(1).split('\r\n');

describe('paymentCsv', () => {
  it('starts with a BOM and the exact header, and ends every line with CRLF', () => {
    const csv = paymentCsv(batch());
    expect(csv.startsWith('\uFEFFEndToEndId,收款账号,收款户名,收款行号,金额,用途\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Header, two rows, and the empty rest after the last CRLF.
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('writes amounts in yuan with two decimals and accounts as text Excel keeps', () => {
    expect(rows(paymentCsv(batch()))[1]).toBe(
      'RF-1,"=""0123456789012""",南京甲乙科技有限公司,"=""102301000015""",0.01,退还工会经费',
    );
  });

  it('writes bare digits when the bank reads the raw text', () => {
    expect(rows(paymentCsv(batch(), { digits: 'plain' }))[1]).toBe(
      'RF-1,0123456789012,南京甲乙科技有限公司,102301000015,0.01,退还工会经费',
    );
  });

  it("quotes fields with quotes, commas and line breaks as RFC 4180 (line breaks in a payment's text are refused earlier)", () => {
    const csv = paymentCsv(batch(), { digits: 'plain' });
    expect(csv).toContain(
      'RF-2,6222021234567890123,"苏州""丙丁"",制造厂",103305000017,1234567.89,"退还经费,含滞纳金"\r\n',
    );
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('plain')).toBe('plain');
  });

  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'])(
    'neutralises the formula %s in names and purpose',
    (formula) => {
      const file = batch();
      file.instructions[0]!.creditor.name = formula;
      file.instructions[0]!.purpose = formula;
      const cells = `'${formula}`;
      const expected = csvField(cells);
      expect(rows(paymentCsv(file, { digits: 'plain' }))[1]).toBe(
        `RF-1,0123456789012,${expected},102301000015,0.01,${expected}`,
      );
    },
  );

  it('refuses what the XML refuses', () => {
    const empty = batch();
    empty.instructions = [];
    expect(() => paymentCsv(empty)).toThrow(AppError);
    const fractional = batch();
    fractional.instructions[0]!.amountFen = 0.5;
    expect(() => paymentCsv(fractional)).toThrow(/amountFen/);
  });
});
