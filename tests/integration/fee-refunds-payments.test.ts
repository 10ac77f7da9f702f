import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { FeeBalance, FeeBankReturn, FeeBatch, FeeLine, FeeRun } from '../../contracts/fee-refunds/runs.js';
import type { Page } from '../../contracts/paging.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { bankResultCsv, camt054Xml, pain002Xml } from '../support/bank-files.js';
import {
  collectionRow,
  creditRow,
  enterpriseRow,
  feeImported,
  unionCells,
  type Cells,
  jiangsuRefundStaff,
} from '../support/fee-refunds.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import { multipartBody } from '../support/imports.js';

// From an approved batch to money in the enterprise's account: the payment file (validated
// against the official pain.001.001.10 schema), the bank's answers in each format, the same
// answer twice, a returned line re-batched once its account is fixed, and the balance identity.

let t: TestApp;
let maker: LoggedIn;
let checker: LoggedIn;
let judge: LoggedIn;
let other: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ maker, checker } = await jiangsuRefundStaff(t));
  judge = await newAccount(t, { role: 'judge', regionCode: '320000' });
  other = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
});
afterAll(() => t.close());

const uscc = (c: Cells) => c['统一社会信用代码']!;
const OFFICE = '国家税务总局南京市玄武区税务局';

function withUnion(name: string): Cells {
  const e = enterpriseRow({ 所属区划代码: '320102' });
  return Object.assign(e, unionCells(uscc(e), name));
}

async function computed(rows: Cells[], month: string, date: string): Promise<FeeRun> {
  const collections = rows.map((e, i) =>
    collectionRow(uscc(e), `${100 + i}.${String(i).padStart(2, '0')}`, {
      征收税务机关: OFFICE,
      入库日期: date,
      所属区划代码: '320102',
    }),
  );
  expect((await feeImported(t, maker, 'enterprises', rows)).rowsRejected).toBe(0);
  expect((await feeImported(t, maker, 'tax', collections)).rowsRejected).toBe(0);
  const fen = collections.reduce((a, c) => a + Math.round(Number(c['实缴金额']) * 100), 0);
  await feeImported(t, maker, 'bank_credits', [
    creditRow((fen / 100).toFixed(2), { 付款方名称: OFFICE, 入账日期: date }),
  ]);
  const res = await maker.post('/api/fee-refunds/runs', { regionCode: '320000', month });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<FeeRun>();
}

async function approved(batchId: string) {
  expect((await maker.post(`/api/fee-refunds/batches/${batchId}/submit`)).statusCode).toBe(200);
  expect((await checker.post(`/api/fee-refunds/batches/${batchId}/approve`)).statusCode).toBe(200);
}

function sendResult(a: Agent, name: string, content: string | Buffer) {
  return a.request({
    method: 'POST',
    url: '/api/fee-refunds/bank-returns',
    ...multipartBody({}, name, Buffer.isBuffer(content) ? content : Buffer.from(content)),
  });
}

async function lineOf(e: Cells): Promise<FeeLine> {
  const res = await maker.get(`/api/fee-refunds/lines?uscc=${uscc(e)}`);
  expect(res.statusCode, res.body).toBe(200);
  const [line] = res.json<Page<FeeLine>>().items;
  return line!;
}

describe('fee refunds: paying a batch', () => {
  const a = withUnion('甲企业');
  const b = withUnion('乙企业');
  const c = enterpriseRow({ 所属区划代码: '320102' }); // no union: held as preparation fund
  let run: FeeRun;
  let batchId: string;
  let file: string;

  beforeAll(async () => {
    run = await computed([a, b, c], '2024-07', '2024-07-10');
    batchId = run.batches[0]!.id;
  });

  it('gives no payment file before approval, and none to those who may not pay', async () => {
    const early = await maker.get(`/api/fee-refunds/batches/${batchId}/payment-file`);
    expect(early.statusCode).toBe(409);
    await approved(batchId);
    expect((await judge.get(`/api/fee-refunds/batches/${batchId}/payment-file`)).statusCode).toBe(403);
    expect((await other.get(`/api/fee-refunds/batches/${batchId}/payment-file`)).statusCode).toBe(403);
  });

  it('writes a pain.001.001.10 that the official schema accepts, with counts and sums at both levels', async () => {
    const res = await maker.get(`/api/fee-refunds/batches/${batchId}/payment-file?format=pain.001`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    file = res.body;
    const schema = readFileSync('tests/fixtures/iso20022/pain.001.001.10.xsd', 'utf8');
    const check = await validateXML({
      xml: [{ fileName: 'batch.xml', contents: file }],
      schema: [{ fileName: 'pain.001.001.10.xsd', contents: schema }],
    });
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
    const doc = new XMLParser({ parseTagValue: false }).parse(file) as {
      Document: { CstmrCdtTrfInitn: { GrpHdr: Record<string, string>; PmtInf: Record<string, unknown> } };
    };
    const { GrpHdr, PmtInf } = doc.Document.CstmrCdtTrfInitn;
    expect(GrpHdr).toMatchObject({ NbOfTxs: '2', CtrlSum: '201.01' });
    expect(PmtInf).toMatchObject({ NbOfTxs: '2', CtrlSum: '201.01' });
    expect(file).toContain(`<Id>${a['工会账户账号']}</Id>`);
    // The same file each time: a bank seeing it twice sees one message.
    expect((await maker.get(`/api/fee-refunds/batches/${batchId}/payment-file`)).body).toBe(file);
  });

  it('writes the CSV for banks that take spreadsheets', async () => {
    const res = await maker.get(`/api/fee-refunds/batches/${batchId}/payment-file?format=csv`);
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe('EndToEndId,收款账号,收款户名,收款行号,金额,用途');
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.includes('100.00'))).toBe(true);
  });

  it('settles the payments from the bank’s pain.002; the same file twice changes nothing', async () => {
    const [lineA, lineB] = [await lineOf(a), await lineOf(b)];
    const batch = (await maker.get(`/api/fee-refunds/batches/${batchId}`)).json<FeeBatch>();
    const report = pain002Xml({
      messageId: 'BANK-STS-1',
      originalMessageId: batch.batchNo,
      statuses: [
        { endToEndId: lineA.payments[0]!.endToEndId, status: 'ACSC' },
        { endToEndId: lineB.payments[0]!.endToEndId, status: 'RJCT', reasonCode: 'AC04', reasonText: '账户已销户' },
        { endToEndId: 'NOT-OURS-1', status: 'ACSC' },
      ],
    });
    const first = await sendResult(maker, 'status.xml', report);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<FeeBankReturn>()).toMatchObject({
      format: 'pain.002',
      matched: 2,
      paid: 1,
      returned: 1,
      unchanged: 0,
      unknown: 1,
    });
    const again = await sendResult(maker, 'status.xml', report);
    expect(again.json<FeeBankReturn>()).toMatchObject({ matched: 2, paid: 0, returned: 0, unchanged: 2, unknown: 1 });
    expect(await lineOf(a)).toMatchObject({ state: 'paid', paidOn: expect.any(String) });
    expect(await lineOf(b)).toMatchObject({
      state: 'returned',
      payments: [{ status: 'returned', reasonCode: 'AC04', reasonText: '账户已销户' }],
    });
    expect((await maker.get(`/api/fee-refunds/batches/${batchId}`)).json<FeeBatch>()).toMatchObject({
      status: 'closed',
      settled: { paid: 1, returned: 1, out: 0 },
    });
    expect(
      (
        await judge.request({
          method: 'POST',
          url: '/api/fee-refunds/bank-returns',
          ...multipartBody({}, 'x.xml', Buffer.from(report)),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a file that is not a bank result, naming why', async () => {
    const res = await sendResult(maker, 'wrong.xml', file);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'file' });
    const csv = await sendResult(maker, 'r.csv', bankResultCsv([{ endToEndId: 'X-1', status: '处理中' }]));
    expect(csv.statusCode).toBe(400);
    expect(csv.json<{ message: string }>().message).toContain('第 2 行');
  });

  it('re-batches a returned line only once its account is fixed, and pays it under a new id', async () => {
    const waiting = await maker.post('/api/fee-refunds/rebatch', { regionCode: '320000' });
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(waiting.json()).toEqual({ batches: [], waiting: 1 });

    const fixed = { ...b, 工会账户账号: '6222000011112222333', 工会账户户名: '乙企业工会委员会（新户）' };
    expect((await feeImported(t, maker, 'enterprises', [fixed])).rowsRejected).toBe(0);
    const res = await maker.post('/api/fee-refunds/rebatch', { regionCode: '320000' });
    expect(res.json()).toEqual({ batches: [{ id: expect.any(String), lines: 1, totalFen: 10101 }], waiting: 0 });
    const second = res.json<{ batches: { id: string }[] }>().batches[0]!.id;
    // Nothing left to re-batch: the line's new payment is out.
    expect((await maker.post('/api/fee-refunds/rebatch', { regionCode: '320000' })).json()).toEqual({
      batches: [],
      waiting: 0,
    });
    await approved(second);
    const line = await lineOf(b);
    expect(line).toMatchObject({ state: 'in_batch', creditor: { accountNo: '6222000011112222333' } });
    expect(line.payments.map((p) => p.status)).toEqual(['returned', 'out']);
    const newId = line.payments[1]!.endToEndId;
    expect(newId).not.toBe(line.payments[0]!.endToEndId);

    const booked = camt054Xml({
      messageId: 'BANK-NTF-1',
      account: '3200000000000001',
      entries: [{ endToEndId: newId, amountFen: 10101, kind: 'paid' }],
    });
    const res2 = await sendResult(maker, 'camt.xml', booked);
    expect(res2.json<FeeBankReturn>()).toMatchObject({ format: 'camt.054', matched: 1, paid: 1 });
    expect(await lineOf(b)).toMatchObject({ state: 'paid', creditor: { accountNo: '6222000011112222333' } });
  });

  it('balances the year to the fen: collected = refunded + retained + pending', async () => {
    const res = await maker.get('/api/fee-refunds/balance?regionCode=320102&year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<FeeBalance>()).toMatchObject({
      collectedFen: 10000 + 10101 + 10202,
      refundedFen: 10000 + 10101,
      retainedFen: 0,
      pendingFen: 10202,
      pending: { heldFen: 10202, unpaidFen: 0, uncomputedFen: 0 },
      differenceFen: 0,
    });
    expect((await other.get('/api/fee-refunds/balance?regionCode=320102&year=2024')).statusCode).toBe(403);
  });
});
