import fs from 'node:fs';
import path from 'node:path';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { AppError } from '../../../core/errors.js';
import {
  chinaDateTime,
  CNAPS_CLEARING_SYSTEM,
  pain001Pieces,
  pain001Xml,
  yuanText,
  type PaymentBatchFile,
} from './pain001.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');
const schema = fs.readFileSync(path.join(root, 'tests/fixtures/iso20022/pain.001.001.10.xsd'), 'utf8');

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
        endToEndId: 'RF-2026-0001',
        amountFen: 1,
        creditor: { name: '南京甲&乙<科技>有限公司', accountNo: '0123456789012', bankCode: '102301000015' },
        purpose: '退还2026年工会经费（小微企业全额返还）',
      },
      {
        endToEndId: 'RF-2026-0002',
        amountFen: 123_456_789,
        creditor: { name: '苏州"丙"丁\'戊\'制造厂', accountNo: '6222021234567890123', bankCode: '103305000017' },
        purpose: '退还工会经费 & 滞纳金 <2026>',
      },
      {
        endToEndId: 'RF-2026-0003',
        amountFen: 50_000,
        creditor: { name: 'Wuxi Trading Co., Ltd.', accountNo: '1234567890', bankCode: '104302000012' },
        purpose: '退还工会经费',
      },
    ],
  };
}

// Element names are unique enough here to read the document as plain objects; isArray keeps a
// one-line batch shaped like a longer one.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name === 'CdtTrfTxInf' || name === 'PmtInf',
});

interface Parsed {
  Document: {
    CstmrCdtTrfInitn: {
      GrpHdr: Record<string, unknown> & { NbOfTxs: string; CtrlSum: string; CreDtTm: string };
      PmtInf: Array<Record<string, unknown> & { NbOfTxs: string; CtrlSum: string; CdtTrfTxInf: Tx[] }>;
    };
  };
}
interface Tx {
  PmtId: { EndToEndId: string };
  Amt: { InstdAmt: { '@_Ccy': string; '#text': string } };
  CdtrAgt: { FinInstnId: { ClrSysMmbId: { ClrSysId: { Cd: string }; MmbId: string } } };
  Cdtr: { Nm: string };
  CdtrAcct: { Id: { Othr: { Id: string } } };
  RmtInf: { Ustrd: string };
}

const parse = (xml: string) => (parser.parse(xml) as Parsed).Document.CstmrCdtTrfInitn;

function refusal(change: (file: PaymentBatchFile) => void): AppError {
  const file = batch();
  change(file);
  try {
    pain001Xml(file);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('not refused');
}

describe('pain001Xml', () => {
  it('validates against the official pain.001.001.10 schema', async () => {
    const result = await validateXML({ xml: [{ fileName: 'batch.xml', contents: pain001Xml(batch()) }], schema });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('validates a one-line batch with names at their 140-character limit', async () => {
    const file = batch();
    file.instructions = [file.instructions[0]!];
    file.instructions[0]!.creditor.name = '工'.repeat(139) + '&';
    file.instructions[0]!.purpose = '<'.repeat(140);
    const result = await validateXML({ xml: [{ fileName: 'one.xml', contents: pain001Xml(file) }], schema });
    expect(result.errors).toEqual([]);
  });

  it('is caught by the schema check when the document is wrong (the check is real)', async () => {
    const broken = pain001Xml(batch()).replace('<PmtMtd>TRF</PmtMtd>', '<PmtMtd>XXX</PmtMtd>');
    const result = await validateXML({ xml: [{ fileName: 'broken.xml', contents: broken }], schema });
    expect(result.valid).toBe(false);
  });

  it('counts and sums at both the group header and the payment information', () => {
    const doc = parse(pain001Xml(batch()));
    expect(doc.GrpHdr.NbOfTxs).toBe('3');
    expect(doc.GrpHdr.CtrlSum).toBe('1235067.90');
    expect(doc.PmtInf).toHaveLength(1);
    expect(doc.PmtInf[0]!.NbOfTxs).toBe('3');
    expect(doc.PmtInf[0]!.CtrlSum).toBe('1235067.90');
    expect(doc.PmtInf[0]!.ReqdExctnDt).toEqual({ Dt: '2026-12-07' });
    expect(doc.GrpHdr.CreDtTm).toBe('2026-12-06T20:05:00+08:00');
  });

  it('writes each payment with its id, CNY amount, CNAPS bank, account as text and purpose', () => {
    const txs = parse(pain001Xml(batch())).PmtInf[0]!.CdtTrfTxInf;
    expect(txs.map((t) => t.PmtId.EndToEndId)).toEqual(['RF-2026-0001', 'RF-2026-0002', 'RF-2026-0003']);
    expect(txs.map((t) => t.Amt.InstdAmt['#text'])).toEqual(['0.01', '1234567.89', '500.00']);
    expect(txs.every((t) => t.Amt.InstdAmt['@_Ccy'] === 'CNY')).toBe(true);
    expect(txs[0]!.CdtrAcct.Id.Othr.Id).toBe('0123456789012');
    expect(txs[0]!.CdtrAgt.FinInstnId.ClrSysMmbId).toEqual({ ClrSysId: { Cd: 'CNAPS' }, MmbId: '102301000015' });
    expect(txs[0]!.Cdtr.Nm).toBe('南京甲&乙<科技>有限公司');
    expect(txs[1]!.Cdtr.Nm).toBe('苏州"丙"丁\'戊\'制造厂');
    expect(txs[1]!.RmtInf.Ustrd).toBe('退还工会经费 & 滞纳金 <2026>');
    expect(CNAPS_CLEARING_SYSTEM).toBe('CNAPS');
  });

  it('escapes markup in names rather than passing it through', () => {
    const xml = pain001Xml(batch());
    expect(xml).toContain('<Nm>南京甲&amp;乙&lt;科技&gt;有限公司</Nm>');
    expect(xml).not.toContain('<科技>');
    const file = batch();
    file.instructions[0]!.creditor.name = '已转义&amp;的名字';
    expect(parse(pain001Xml(file)).PmtInf[0]!.CdtTrfTxInf[0]!.Cdtr.Nm).toBe('已转义&amp;的名字');
  });

  it('refuses an empty batch', () => {
    expect(refusal((f) => (f.instructions = [])).field).toBe('instructions');
  });

  it.each([0, -100, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses the amount %s fen', (amount) => {
    expect(refusal((f) => (f.instructions[1]!.amountFen = amount)).field).toBe('instructions[1].amountFen');
  });

  it('refuses fields over their ISO maximum length', () => {
    expect(refusal((f) => (f.messageId = 'M'.repeat(36))).field).toBe('messageId');
    expect(refusal((f) => (f.paymentInfoId = 'P'.repeat(36))).field).toBe('paymentInfoId');
    expect(refusal((f) => (f.instructions[0]!.endToEndId = 'E'.repeat(36))).field).toBe('instructions[0].endToEndId');
    expect(refusal((f) => (f.instructions[2]!.creditor.name = '名'.repeat(141))).field).toBe(
      'instructions[2].creditor.name',
    );
    expect(refusal((f) => (f.instructions[2]!.purpose = '途'.repeat(141))).field).toBe('instructions[2].purpose');
    expect(refusal((f) => (f.initiatingPartyName = 'x'.repeat(141))).field).toBe('initiatingPartyName');
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    const file = batch();
    file.instructions[0]!.purpose = '𠀀'.repeat(140); // each outside the BMP: 2 UTF-16 units
    expect(() => pain001Xml(file)).not.toThrow();
  });

  it('refuses malformed ids, accounts, bank codes, dates and hidden characters', () => {
    expect(refusal((f) => (f.instructions[0]!.endToEndId = 'RF 1')).field).toBe('instructions[0].endToEndId');
    expect(refusal((f) => (f.instructions[1]!.endToEndId = 'RF-2026-0001')).field).toBe('instructions[1].endToEndId');
    expect(refusal((f) => (f.instructions[0]!.creditor.accountNo = '123456789')).field).toBe(
      'instructions[0].creditor.accountNo',
    );
    expect(refusal((f) => (f.debtor.bankCode = '10530100001')).field).toBe('debtor.bankCode');
    expect(refusal((f) => (f.requestedExecutionDate = '2026-02-30')).field).toBe('requestedExecutionDate');
    expect(refusal((f) => (f.instructions[0]!.purpose = '退还\u0000')).field).toBe('instructions[0].purpose');
    expect(refusal((f) => (f.debtor.name = '  ')).field).toBe('debtor.name');
  });

  it('gives the refusal in Chinese and English', () => {
    const e = refusal((f) => (f.instructions = []));
    expect(e.message).toContain('批次中没有付款');
    expect(e.messageEn).toContain('the batch has no payments');
  });
});

// The document as a generic XML builder writes it from the whole tree: the text pain001Xml wrote
// before it streamed, and the reference the hand-written writer must match byte for byte.
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
  processEntities: true,
});
function builtByTree(file: PaymentBatchFile): string {
  const account = (a: PaymentBatchFile['debtor']) => ({ Id: { Othr: { Id: a.accountNo } } });
  const agent = (a: PaymentBatchFile['debtor']) => ({
    FinInstnId: { ClrSysMmbId: { ClrSysId: { Cd: CNAPS_CLEARING_SYSTEM }, MmbId: a.bankCode } },
  });
  const count = String(file.instructions.length);
  const sum = yuanText(file.instructions.reduce((a, l) => a + BigInt(l.amountFen), 0n));
  const document = {
    Document: {
      '@_xmlns': 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.10',
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: file.messageId,
          CreDtTm: chinaDateTime(file.createdAt),
          NbOfTxs: count,
          CtrlSum: sum,
          InitgPty: { Nm: file.initiatingPartyName },
        },
        PmtInf: {
          PmtInfId: file.paymentInfoId,
          PmtMtd: 'TRF',
          NbOfTxs: count,
          CtrlSum: sum,
          ReqdExctnDt: { Dt: file.requestedExecutionDate },
          Dbtr: { Nm: file.debtor.name },
          DbtrAcct: account(file.debtor),
          DbtrAgt: agent(file.debtor),
          CdtTrfTxInf: file.instructions.map((line) => ({
            PmtId: { EndToEndId: line.endToEndId },
            Amt: { InstdAmt: { '@_Ccy': 'CNY', '#text': yuanText(line.amountFen) } },
            CdtrAgt: agent(line.creditor),
            Cdtr: { Nm: line.creditor.name },
            CdtrAcct: account(line.creditor),
            RmtInf: { Ustrd: line.purpose },
          })),
        },
      },
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(document)}`;
}

describe('the streamed document', () => {
  it('is byte for byte what a tree builder writes, on random batches with markup in the names', () => {
    let seed = 20261206;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = (s: string, n: number) => Array.from({ length: n }, () => s[rand(s.length)]).join('');
    const textChars = '工会经费返还苏州南京&<>"\' abcXYZ0189（）';
    for (let round = 0; round < 20; round++) {
      const n = 1 + rand(round < 18 ? 40 : 2500);
      const file: PaymentBatchFile = {
        messageId: `FR320000202402-${pick('0123456789', 2)}`,
        paymentInfoId: `P${pick('ABC123', 6)}`,
        createdAt: new Date(Date.UTC(2026, rand(12), 1 + rand(28), rand(24), rand(60), rand(60))),
        requestedExecutionDate: `2026-0${1 + rand(9)}-1${rand(10)}`,
        initiatingPartyName: pick(textChars, 1 + rand(30)),
        debtor: {
          name: pick(textChars, 1 + rand(30)),
          accountNo: pick('0123456789', 10 + rand(21)),
          bankCode: pick('0123456789', 12),
        },
        instructions: Array.from({ length: n }, (_, i) => ({
          endToEndId: `E-${round}-${i}`,
          amountFen: 1 + rand(2 ** 30),
          creditor: {
            name: pick(textChars, 1 + rand(60)),
            accountNo: pick('0123456789', 10 + rand(21)),
            bankCode: pick('0123456789', 12),
          },
          purpose: pick(textChars, 1 + rand(100)),
        })),
      };
      const pieces = [...pain001Pieces(file)];
      expect(pieces.join('')).toBe(builtByTree(file));
      if (n > 1000) expect(pieces.length).toBeGreaterThan(1);
    }
  });

  it('refuses a bad batch before the first piece is written', () => {
    const file = batch();
    file.instructions[2]!.endToEndId = 'RF-2026-0001';
    expect(() => pain001Pieces(file)).toThrow(AppError);
  });
});

describe('money and time text', () => {
  it('writes yuan from fen with integer arithmetic', () => {
    expect(yuanText(1)).toBe('0.01');
    expect(yuanText(10)).toBe('0.10');
    expect(yuanText(123_456_789)).toBe('1234567.89');
    expect(yuanText(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(yuanText(10n ** 17n + 7n)).toBe('1000000000000000.07');
  });

  it('writes China Standard Time with its offset, across midnight', () => {
    expect(chinaDateTime(new Date('2026-12-31T16:30:15.999Z'))).toBe('2027-01-01T00:30:15+08:00');
  });
});
