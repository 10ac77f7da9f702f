import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { camt054Xml, pain002Xml } from '../../../../tests/support/bank-files.js';
import { parseBankResult, type BankResultParse } from './bank-results.js';

const fixtures = new URL('../../../../tests/fixtures/', import.meta.url);
const sample = (name: string) => readFileSync(new URL(`bank-samples/${name}`, fixtures));
const schema = (name: string) => ({
  fileName: name,
  contents: readFileSync(new URL(`iso20022/${name}`, fixtures), 'utf8'),
});

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

async function schemaErrors(xml: string, xsd: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'message.xml', contents: xml }], schema: [schema(xsd)] });
  return result.errors.map((e) => e.rawMessage);
}

describe('the real bank samples', () => {
  it('pain.002.001.10: a payment-information block rejected with AC01 is a group', () => {
    const result = read(sample('pain.002-sample.xml'));
    expect(result).toMatchObject({ format: 'pain.002', messageId: '204691ACFC/071125/023362', lines: [] });
    expect(result.groups).toEqual([
      {
        originalMessageId: 'MSG-02-QRR-SCOR',
        originalPaymentInfoId: 'PMTINF-02',
        outcome: 'returned',
        reasonCode: 'AC01',
      },
    ]);
  });

  it('pain.002.001.10: a whole message rejected with AM10 is a group without block', () => {
    const result = read(sample('pain.002-sample-group-rjct.xml'));
    expect(result.lines).toEqual([]);
    expect(result.groups).toEqual([
      { originalMessageId: 'MsgId-005', originalPaymentInfoId: null, outcome: 'returned', reasonCode: 'AM10' },
    ]);
  });

  it('the Swiss pain.002.001.03.ch.02 variant is refused, naming the version', () => {
    const { zh, en } = refused(sample('pain.002-sample-tx-rjct.v03ch.xml'));
    expect(zh).toContain('pain.002.001.03.ch.02');
    expect(en).toContain('pain.002.001.03.ch.02');
    expect(en).toContain('pain.002.001.10, pain.002.001.11');
  });

  it('camt.054.001.08: incoming credits are no refund results', () => {
    expect(read(sample('camt.054-sample.xml'))).toMatchObject({
      format: 'camt.054',
      messageId: '20200618375204295372463',
      lines: [],
      groups: [],
    });
  });

  it('camt.054.001.08: a returned transfer is a returned line with its reason', () => {
    expect(read(sample('camt.054-return-sample.xml')).lines).toEqual([
      {
        endToEndId: 'EndToEndId-001-03-04',
        outcome: 'returned',
        reasonCode: 'AC01',
        reasonText: 'Kontonummer falsch',
        position: 1,
      },
    ]);
  });

  it('camt.054.001.04: a booked debit (older plain Sts) is a paid line, its digits kept as text', () => {
    const result = read(sample('camt.054-debit-sample.v04.xml'));
    expect(result.lines).toEqual([
      { endToEndId: '20190424001255000100006', outcome: 'paid', reasonCode: null, reasonText: null, position: 1 },
    ]);
  });
});

describe('the test bank writes files of the official schemas, and they read back', () => {
  it('pain.002.001.11', async () => {
    const xml = pain002Xml({
      messageId: 'BANK-STS-1',
      originalMessageId: 'YZ-REF-1',
      groupStatus: { status: 'PART' },
      statuses: [
        { endToEndId: 'YZ-1-0001', status: 'ACSC' },
        { endToEndId: 'YZ-1-0002', status: 'ACCP' },
        { endToEndId: 'YZ-1-0003', status: 'RJCT', reasonCode: 'AC04', reasonText: '账户已销户 & closed' },
      ],
    });
    expect(await schemaErrors(xml, 'pain.002.001.11.xsd')).toEqual([]);
    const result = read(xml);
    expect(result).toMatchObject({ format: 'pain.002', messageId: 'BANK-STS-1', groups: [] });
    expect(result.lines).toEqual([
      { endToEndId: 'YZ-1-0001', outcome: 'paid', reasonCode: null, reasonText: null, position: 1 },
      { endToEndId: 'YZ-1-0002', outcome: 'paid', reasonCode: null, reasonText: null, position: 2 },
      {
        endToEndId: 'YZ-1-0003',
        outcome: 'returned',
        reasonCode: 'AC04',
        reasonText: '账户已销户 & closed',
        position: 3,
      },
    ]);
  });

  it('pain.002.001.11 with a group status', async () => {
    const xml = pain002Xml({
      messageId: 'BANK-STS-2',
      originalMessageId: 'YZ-REF-2',
      groupStatus: { status: 'RJCT', reasonCode: 'AM10' },
      statuses: [],
    });
    expect(await schemaErrors(xml, 'pain.002.001.11.xsd')).toEqual([]);
    expect(read(xml).groups).toEqual([
      { originalMessageId: 'YZ-REF-2', originalPaymentInfoId: null, outcome: 'returned', reasonCode: 'AM10' },
    ]);
  });

  it('camt.054.001.08', async () => {
    const xml = camt054Xml({
      messageId: 'BANK-NTF-1',
      account: '32001881236052500123',
      entries: [
        { endToEndId: 'YZ-1-0001', amountFen: 123456, kind: 'paid' },
        { endToEndId: 'YZ-1-0003', amountFen: 5, kind: 'returned', reasonCode: 'AC04', reasonText: '账户已销户' },
      ],
    });
    expect(await schemaErrors(xml, 'camt.054.001.08.xsd')).toEqual([]);
    expect(read(xml)).toMatchObject({ format: 'camt.054', messageId: 'BANK-NTF-1', groups: [] });
    expect(read(xml).lines).toEqual([
      { endToEndId: 'YZ-1-0001', outcome: 'paid', reasonCode: null, reasonText: null, position: 1 },
      { endToEndId: 'YZ-1-0003', outcome: 'returned', reasonCode: 'AC04', reasonText: '账户已销户', position: 2 },
    ]);
  });

  it('a writer mistake is caught by the schema check', async () => {
    const xml = pain002Xml({ messageId: 'X', originalMessageId: 'Y', statuses: [] }).replace(
      '<CreDtTm>',
      '<CreDtTm>not a time',
    );
    expect(await schemaErrors(xml, 'pain.002.001.11.xsd')).not.toEqual([]);
  });
});

describe('pain.002 statuses', () => {
  const withStatus = (status: string) =>
    pain002Xml({ messageId: 'M', originalMessageId: 'O', statuses: [{ endToEndId: 'E1', status: 'ACSC' }] }).replace(
      '<TxSts>ACSC</TxSts>',
      `<TxSts>${status}</TxSts>`,
    );

  it.each(['ACCP', 'ACSC', 'ACWC', 'ACSP'])('%s is paid', (status) => {
    expect(read(withStatus(status)).lines).toMatchObject([{ endToEndId: 'E1', outcome: 'paid' }]);
  });

  it.each(['PDNG', 'RCVD', 'ACTC'])('%s is not final: no line', (status) => {
    expect(read(withStatus(status)).lines).toEqual([]);
  });

  it('an unknown status refuses the file, naming the transaction', () => {
    expect(refused(withStatus('XXXX')).en).toContain('Transaction 1: status "XXXX"');
  });

  it('other pain.002 versions are refused, naming the version', () => {
    const xml = withStatus('ACSC').replace('pain.002.001.11', 'pain.002.001.03');
    expect(refused(xml).zh).toContain('不支持 pain.002.001.03');
  });

  it('a UTF-8 BOM before the XML is fine', () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(withStatus('ACSC'), 'utf8')]);
    expect(read(file).lines).toMatchObject([{ endToEndId: 'E1', outcome: 'paid' }]);
  });

  it('a prefixed document reads like an unprefixed one', () => {
    const xml = withStatus('ACSC')
      .replace('<Document xmlns=', '<p:Document xmlns:p=')
      .replace('</Document>', '</p:Document>')
      .replace(/<(\/?)(?!\?|p:)(\w+)/g, '<$1p:$2');
    expect(read(xml).lines).toMatchObject([{ endToEndId: 'E1', outcome: 'paid' }]);
  });
});

describe('hostile and broken input', () => {
  it('an external entity (XXE) is refused', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11"><CstmrPmtStsRpt>&x;</CstmrPmtStsRpt></Document>';
    const { en } = refused(xml);
    expect(en).toContain('DOCTYPE');
    expect(en).not.toContain('root:');
  });

  it('entity expansion (billion laughs) is refused at once', () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">${entities}]><Document>&l10;</Document>`;
    const started = Date.now();
    expect(refused(xml).en).toContain('DOCTYPE');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a pain.001 or an unknown XML is refused, naming what it is', () => {
    expect(refused('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.10"><A/></Document>').zh).toContain(
      'pain.001.001.10',
    );
    expect(refused('<html><body/></html>').en).toContain('not an ISO 20022 Document');
  });

  it('garbage never throws', () => {
    const inputs = [
      Buffer.alloc(0),
      Buffer.from('<'),
      Buffer.from('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>'),
      Buffer.from('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">text</Document>'),
      Buffer.from('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11"><CstmrPmtStsRpt/></Document>'),
      Buffer.from('"unterminated,状态\r\n'),
      Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x00]),
      Buffer.from([0x3c, 0x44, 0xd7, 0xb4, 0x3e]),
      Buffer.from('<a>'.repeat(10_000)),
      Buffer.from(
        `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">${'<a>'.repeat(5_000)}${'</a>'.repeat(5_000)}</Document>`,
      ),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    ];
    for (const input of inputs) {
      const result = parseBankResult(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.zh.length * result.en.length).toBeGreaterThan(0);
    }
  });
});
