import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bankResultCsv } from '../../../../tests/support/bank-files.js';
import { parseBankResult, type BankResultParse } from './bank-results.js';

// The bank's result list as CSV, read through parseBankResult (detection included).

function read(content: Buffer | string): Extract<BankResultParse, { ok: true }> {
  const result = parseBankResult(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  if (!result.ok) throw new Error(`refused: ${result.en}`);
  return result;
}

function refused(content: Buffer | string): { zh: string; en: string } {
  const result = parseBankResult(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  if (result.ok) throw new Error('read, expected a refusal');
  return result;
}

describe('CSV result lists', () => {
  const rows = [
    { endToEndId: 'YZ-1-0001', status: '成功' },
    { endToEndId: 'YZ-1-0002', status: '退回', reason: 'AC04 账户已销户' },
    { endToEndId: 'YZ-1-0003', status: '退回', reason: '户名不符' },
  ];
  const expected = [
    { endToEndId: 'YZ-1-0001', outcome: 'paid', reasonCode: null, reasonText: null, position: 2 },
    { endToEndId: 'YZ-1-0002', outcome: 'returned', reasonCode: 'AC04', reasonText: '账户已销户', position: 3 },
    { endToEndId: 'YZ-1-0003', outcome: 'returned', reasonCode: null, reasonText: '户名不符', position: 4 },
  ];

  it('UTF-8, with and without BOM, and GBK read alike', () => {
    const text = bankResultCsv(rows);
    const utf8 = Buffer.from(text, 'utf8');
    for (const file of [utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), iconv.encode(text, 'gbk')]) {
      expect(read(file)).toEqual({ ok: true, format: 'csv', messageId: null, lines: expected, groups: [] });
    }
  });

  it('a short GBK file whose bytes are also valid UTF-8 is read as GBK', () => {
    const file = iconv.encode('状态,EndToEndId,原因\r\n成功,A1,\r\n', 'gbk');
    expect(read(file).lines).toMatchObject([{ endToEndId: 'A1', outcome: 'paid' }]);
  });

  it('columns in any order, extra columns and blank lines are fine', () => {
    const file = '金额,原因,状态,EndToEndId\r\n1.00,AM04,退回,A1\r\n\r\n2.00,,成功,A2\r\n';
    expect(read(file).lines).toEqual([
      { endToEndId: 'A1', outcome: 'returned', reasonCode: 'AM04', reasonText: null, position: 2 },
      { endToEndId: 'A2', outcome: 'paid', reasonCode: null, reasonText: null, position: 4 },
    ]);
  });

  it('a status other than 成功/退回 refuses the whole file, naming the row and field', () => {
    const { zh, en } = refused(bankResultCsv([...rows, { endToEndId: 'YZ-1-0004', status: '处理中' }]));
    expect(zh).toContain('第 5 行：“状态”为“处理中”');
    expect(en).toContain('Row 5: 状态 (status) is "处理中"');
  });

  it('a missing column or an empty EndToEndId is refused', () => {
    expect(refused('EndToEndId,状态\r\nA1,成功\r\n').zh).toContain('缺少“原因”列');
    expect(refused(bankResultCsv([{ endToEndId: '', status: '成功' }])).en).toContain('Row 2: EndToEndId is empty');
  });
});
