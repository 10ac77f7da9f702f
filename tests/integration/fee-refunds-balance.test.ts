import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeBalance, FeeBankReturn, FeeBatch, FeeLine, FeeRun } from '../../contracts/fee-refunds/runs.js';
import type { Page } from '../../contracts/paging.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { bankResultCsv } from '../support/bank-files.js';
import {
  collectionRow,
  creditRow,
  enterpriseRow,
  feeImported,
  unionCells,
  type Cells,
  jiangsuRefundStaff,
} from '../support/fee-refunds.js';
import { type LoggedIn } from '../support/factories.js';
import { multipartBody } from '../support/imports.js';

// The balance identity on random data: random enterprises (size, union, accounts), random
// amounts at three tax offices of which one is never reconciled, a run, approval, and a bank that
// pays some payments and returns others — the same result file sent twice at the same moment.
// Every fen collected is refunded, retained or pending, and each part is what the lines say.

let t: TestApp;
let maker: LoggedIn;
let checker: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ maker, checker } = await jiangsuRefundStaff(t));
});
afterAll(() => t.close());

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const OFFICES = ['国家税务总局无锡市梁溪区税务局', '国家税务总局无锡市锡山区税务局', '国家税务总局无锡市惠山区税务局'];
const UNRECONCILED = OFFICES[2]!;

async function allLines(): Promise<FeeLine[]> {
  const res = await maker.get('/api/fee-refunds/lines?regionCode=320200&pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page<FeeLine>>().items;
}

describe('fee refunds: the balance identity on random data', () => {
  const seed = 20261206;
  it(`holds to the fen (seed ${seed})`, async () => {
    const rand = random(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const enterprises: Cells[] = [];
    const collections: Cells[] = [];
    for (let i = 0; i < 40; i++) {
      const large = rand() < 0.25;
      const e = enterpriseRow({
        所属区划代码: pick(['320213', '320205', '320206']),
        ...(large ? { 从业人员: '1500', '营业收入（万元）': '80000', '资产总额（万元）': '60000' } : {}),
      });
      const kind = rand();
      if (kind < 0.6) Object.assign(e, unionCells(e['统一社会信用代码']!, `企业${i}`));
      else if (kind < 0.8)
        Object.assign(e, {
          ...unionCells(e['统一社会信用代码']!, `企业${i}`),
          工会账户开户行号: '',
          工会账户账号: '',
          工会账户户名: '',
        });
      enterprises.push(e);
      for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
        const fen = 1 + Math.floor(rand() * 500_000);
        collections.push(
          collectionRow(e['统一社会信用代码']!, (fen / 100).toFixed(2), {
            征收税务机关: pick(OFFICES),
            入库日期: pick(['2024-08-05', '2024-08-20']),
            所属区划代码: e['所属区划代码']!,
          }),
        );
      }
    }
    expect((await feeImported(t, maker, 'enterprises', enterprises)).rowsRejected).toBe(0);
    expect((await feeImported(t, maker, 'tax', collections)).rowsRejected).toBe(0);
    const sums = new Map<string, number>();
    for (const c of collections) {
      const key = `${c['征收税务机关']}|${c['入库日期']}`;
      sums.set(key, (sums.get(key) ?? 0) + Math.round(Number(c['实缴金额']) * 100));
    }
    const credits = [...sums]
      .filter(([key]) => !key.startsWith(UNRECONCILED))
      .map(([key, fen]) => {
        const [office, date] = key.split('|') as [string, string];
        return creditRow((fen / 100).toFixed(2), { 付款方名称: office, 入账日期: date });
      });
    await feeImported(t, maker, 'bank_credits', credits);

    const run = await maker.post('/api/fee-refunds/runs', { regionCode: '320200', month: '2024-08' });
    expect(run.statusCode, run.body).toBe(200);
    for (const b of run.json<FeeRun>().batches) {
      expect((await maker.post(`/api/fee-refunds/batches/${b.id}/submit`)).statusCode).toBe(200);
      expect((await checker.post(`/api/fee-refunds/batches/${b.id}/approve`)).statusCode).toBe(200);
    }
    const out = (await allLines()).filter((l) => l.state === 'in_batch');
    const results = out.map((l) => ({
      endToEndId: l.payments[0]!.endToEndId,
      status: rand() < 0.8 ? '成功' : '退回',
      reason: 'AC04 账户已销户',
    }));
    // The same file twice at once: each payment moves once.
    const file = Buffer.from(bankResultCsv(results));
    const send = () =>
      maker.request({ method: 'POST', url: '/api/fee-refunds/bank-returns', ...multipartBody({}, 'r.csv', file) });
    const answers = (await Promise.all([send(), send()])).map((r) => r.json<FeeBankReturn>());
    const paidOnce = results.filter((r) => r.status === '成功').length;
    expect(answers[0]!.paid + answers[1]!.paid).toBe(paidOnce);
    expect(answers[0]!.returned + answers[1]!.returned).toBe(results.length - paidOnce);
    expect(answers[0]!.unchanged + answers[1]!.unchanged).toBe(results.length);

    const lines = await allLines();
    const balance = (await maker.get('/api/fee-refunds/balance?regionCode=320200&year=2024')).json<FeeBalance>();
    const fenOf = (c: Cells) => Math.round(Number(c['实缴金额']) * 100);
    const total = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
    expect(balance.collectedFen).toBe(total(collections.map(fenOf)));
    expect(balance.refundedFen).toBe(total(lines.filter((l) => l.state === 'paid').map((l) => l.amountFen)));
    expect(balance.pending.heldFen).toBe(total(lines.filter((l) => l.state === 'held').map((l) => l.amountFen)));
    expect(balance.pending.unpaidFen).toBe(
      total(lines.filter((l) => l.state === 'returned' || l.state === 'no_account').map((l) => l.amountFen)),
    );
    expect(balance.pending.uncomputedFen).toBe(
      total(collections.filter((c) => c['征收税务机关'] === UNRECONCILED).map(fenOf)),
    );
    expect(total(balance.byLevel.map((l) => l.retainedFen))).toBe(balance.retainedFen);
    // The seed's data reaches every part of the identity (else the test would prove little).
    for (const state of ['paid', 'returned', 'held'] as const) expect(lines.some((l) => l.state === state)).toBe(true);
    expect(balance.retainedFen).toBeGreaterThan(0);
    expect(balance.pending.uncomputedFen).toBeGreaterThan(0);
    expect(balance.differenceFen).toBe(0);
    expect(balance.collectedFen).toBe(balance.refundedFen + balance.retainedFen + balance.pendingFen);
    // Every batch is closed once nothing is out.
    const batches = (await maker.get('/api/fee-refunds/batches?pageSize=50')).json<Page<FeeBatch>>().items;
    for (const b of batches) expect(b.settled.out === 0 ? b.status : 'closed').toBe('closed');
  });
});
