import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeStats } from '../../contracts/fee-refunds/stats.js';
import { addDays } from '../../contracts/dates.js';
import { refreshSnapshot } from '../../server/modules/fee-refunds/stats/snapshot-repository.js';
import { feeStatsChanges } from '../../server/modules/fee-refunds/stats/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { bankResultCsv, type BankResultRow } from '../support/bank-files.js';
import {
  collectionRow,
  creditRow,
  feeImported,
  HUQIU_OFFICE,
  jiangsuRefundStaff,
  type Cells,
  firstLineOf,
  inCounty,
  usccOf,
  XUANWU_OFFICE,
} from '../support/fee-refunds.js';
import { newAdmin, type LoggedIn } from '../support/factories.js';
import { multipartBody } from '../support/imports.js';

// The statistics' snapshot (docs/adr/0006) through HTTP: after the writes of a refund month (tax
// imports and a rollback, a run, an approval, the bank paying and returning, a re-batch) the
// snapshot answers exactly what the live query answers, at every scope and as-of day; a write
// after a refresh makes the figures live until the next refresh; a write that commits while a
// refresh runs leaves it stale.

let t: TestApp;
let maker: LoggedIn;
let checker: LoggedIn;
let admin: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ maker, checker } = await jiangsuRefundStaff(t));
  admin = await newAdmin(t);
});
afterAll(() => t.close());

const uscc = usccOf;
const lineOf = (e: Cells) => firstLineOf(maker, e);

async function bankSays(rows: BankResultRow[]) {
  const res = await maker.request({
    method: 'POST',
    url: '/api/fee-refunds/bank-returns',
    ...multipartBody({}, 'result.csv', Buffer.from(bankResultCsv(rows))),
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** A statement that changes no figure leaves a mark as any write of the lines does. */
async function markWritten() {
  await t.deps.db.insert(feeStatsChanges).values({});
}

async function refreshed() {
  await t.jobs.idle();
  const res = await admin.post('/api/fee-refunds/stats/refresh');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ refreshed: true });
}

type Answer = { source: string | undefined; body: unknown };

async function read(path: string): Promise<Answer> {
  const res = await maker.get(path);
  expect(res.statusCode, res.body).toBe(200);
  const source = res.headers['x-figures-source'] as string | undefined;
  if (!path.includes('.xlsx')) return { source, body: res.json<FeeStats>() };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows = Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
  return { source, body: rows };
}

/** The same question answered live (a mark left) and then from the refreshed snapshot. */
async function bothWays(path: string): Promise<{ live: unknown; kept: unknown }> {
  await t.jobs.idle();
  await markWritten();
  const live = await read(path);
  expect(live.source, path).toBe('live');
  await refreshed();
  const kept = await read(path);
  expect(kept.source, path).toBe('snapshot');
  return { live: live.body, kept: kept.body };
}

describe('fee refunds: the statistics snapshot', () => {
  // 玄武区: A paid, B returned and re-batched, H held. 虎丘区: C still in the batch.
  // M pays in 玄武区 and in 秦淮区 (its county changed): once in 南京市, once in each county.
  const a = inCounty('320102', '甲企业');
  const b = inCounty('320102', '乙企业');
  const h = inCounty('320102', null);
  const c = inCounty('320505', '丙企业');
  const m = inCounty('320104', null);
  let dueOn: string;

  beforeAll(async () => {
    expect((await feeImported(t, maker, 'enterprises', [a, b, h, c, m])).rowsRejected).toBe(0);
    const xuanwu = { 征收税务机关: XUANWU_OFFICE, 所属区划代码: '320102' };
    const collections = [
      collectionRow(uscc(a), '100.00', xuanwu),
      collectionRow(uscc(b), '200.00', xuanwu),
      collectionRow(uscc(h), '150.00', xuanwu),
      collectionRow(uscc(c), '300.00'),
      collectionRow(uscc(m), '50.00', { ...xuanwu, 入库日期: '2024-05-10' }),
      collectionRow(uscc(m), '60.00', { ...xuanwu, 入库日期: '2024-06-10', 所属区划代码: '320104' }),
      collectionRow(uscc(a), '999.00', { ...xuanwu, 入库日期: '2023-12-20' }),
    ];
    expect((await feeImported(t, maker, 'tax', collections)).rowsRejected).toBe(0);
    // An import rolled back: its collections leave the figures.
    const undone = await feeImported(t, maker, 'tax', [collectionRow(uscc(c), '888.00', { 入库日期: '2024-07-01' })]);
    const rollback = await maker.post(`/api/fee-refunds/imports/${undone.id}/rollback`);
    expect(rollback.statusCode, rollback.body).toBe(200);
    const credits = [
      creditRow('450.00', { 付款方名称: XUANWU_OFFICE }),
      creditRow('300.00', { 付款方名称: HUQIU_OFFICE }),
    ];
    expect((await feeImported(t, maker, 'bank_credits', credits)).rowsRejected).toBe(0);
    const run = await maker.post('/api/fee-refunds/runs', { regionCode: '320000', month: '2024-04' });
    expect(run.statusCode, run.body).toBe(200);
    const batchId = run.json<{ batches: { id: string }[] }>().batches[0]!.id;
    expect((await maker.post(`/api/fee-refunds/batches/${batchId}/submit`)).statusCode).toBe(200);
    expect((await checker.post(`/api/fee-refunds/batches/${batchId}/approve`)).statusCode).toBe(200);
    const [lineA, lineB] = [await lineOf(a), await lineOf(b)];
    dueOn = lineA.dueOn;
    await bankSays([
      { endToEndId: lineA.payments[0]!.endToEndId, status: '成功' },
      { endToEndId: lineB.payments[0]!.endToEndId, status: '退回', reason: '账户已销户' },
    ]);
    const fixed = { ...b, 工会账户账号: '6222000011112222333', 工会账户户名: '乙企业工会委员会（新户）' };
    expect((await feeImported(t, maker, 'enterprises', [fixed])).rowsRejected).toBe(0);
    const rebatch = await maker.post('/api/fee-refunds/rebatch', { regionCode: '320000' });
    expect(rebatch.statusCode, rebatch.body).toBe(200);
    expect(rebatch.json<{ batches: unknown[] }>().batches).toHaveLength(1);
  });

  it('answers from the snapshot exactly what the live query answers, at every scope and as-of day', async () => {
    for (const asOf of [dueOn, addDays(dueOn, 1)]) {
      for (const region of ['320000', '320100', '320102', '320505']) {
        const path = `/api/fee-refunds/stats?regionCode=${region}&year=2024&asOf=${asOf}`;
        const { live, kept } = await bothWays(path);
        expect(kept, path).toEqual(live);
      }
      const path = `/api/fee-refunds/stats/biweekly.xlsx?regionCode=320000&year=2024&asOf=${asOf}`;
      const { live, kept } = await bothWays(path);
      expect(kept, path).toEqual(live);
    }
    const { live, kept } = await bothWays('/api/fee-refunds/stats?regionCode=320000&year=2023');
    expect(kept).toEqual(live);
  });

  it('counts an enterprise that changed county once in its city and once in each county', async () => {
    await refreshed();
    const province = await read(`/api/fee-refunds/stats?regionCode=320000&year=2024&asOf=${dueOn}`);
    expect(province.source).toBe('snapshot');
    const nanjing = (province.body as FeeStats).rows.find((r) => r.regionCode === '320100')!;
    // A, B, H and M: M paid in two counties.
    expect(nanjing).toMatchObject({ enterprisesPaid: 4, collectedFen: 56_000 });
    const city = await read(`/api/fee-refunds/stats?regionCode=320100&year=2024&asOf=${dueOn}`);
    expect(city.source).toBe('snapshot');
    expect((city.body as FeeStats).rows.map((r) => [r.regionCode, r.enterprisesPaid])).toEqual([
      ['320102', 4],
      ['320104', 1],
    ]);
    expect((city.body as FeeStats).total.enterprisesPaid).toBe(5);
  });

  it('answers live after a write until the next refresh, with the write in the figures', async () => {
    await refreshed();
    const path = `/api/fee-refunds/stats?regionCode=320000&year=2024&asOf=${dueOn}`;
    const before = await read(path);
    expect(before.source).toBe('snapshot');
    expect((before.body as FeeStats).total).toMatchObject({ enterprisesRefunded: 1, refundedFen: 10_000 });
    // C is paid: a write of the lines after the refresh.
    await bankSays([{ endToEndId: (await lineOf(c)).payments[0]!.endToEndId, status: '成功' }]);
    const after = await read(path);
    expect(after.source).toBe('live');
    expect((after.body as FeeStats).total).toMatchObject({ enterprisesRefunded: 2, refundedFen: 40_000 });
    await refreshed();
    const again = await read(path);
    expect(again).toEqual({ source: 'snapshot', body: after.body });
  });

  it('stays stale when a write commits while the refresh runs (PostgreSQL: two connections)', async (ctx) => {
    // PGlite has one connection: nothing can commit during the refresh's transaction.
    if (t.database.kind === 'pglite') return ctx.skip();
    await refreshed();
    const path = `/api/fee-refunds/stats?regionCode=320000&year=2024&asOf=${dueOn}`;
    const before = (await read(path)).body as FeeStats;
    const lineH = await lineOf(h);
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`update fee_refund_lines set amount_fen = amount_fen + 1 where id = ${lineH.id}`);
      // The refresh runs on another connection and does not see the uncommitted write.
      expect(await refreshSnapshot(t.deps.db)).toMatchObject({ refreshed: true });
    });
    const after = await read(path);
    expect(after.source).toBe('live');
    expect((after.body as FeeStats).total.heldFen).toBe(before.total.heldFen + 1);
    await refreshed();
    expect(await read(path)).toEqual({ source: 'snapshot', body: after.body });
  });

  it('lets only system administrators refresh by hand', async () => {
    expect((await maker.post('/api/fee-refunds/stats/refresh')).statusCode).toBe(403);
  });
});
