import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeBatch, FeeLine, FeeRun } from '../../contracts/fee-refunds/runs.js';
import type { Page } from '../../contracts/paging.js';
import { feeRefundAllocations, feeRefundPayments } from '../../server/modules/fee-refunds/runs/tables.js';
import { feeBankCredits, feeCollections } from '../../server/modules/fee-refunds/tables.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import {
  collectionRow,
  creditRow,
  enterpriseRow,
  feeImported,
  HUQIU_OFFICE,
  unionCells,
  type Cells,
} from '../support/fee-refunds.js';
import { newAccount, uniqueUscc, type LoggedIn } from '../support/factories.js';

// Refund runs, batches and maker–checker through the HTTP API: the policy's cases end to end
// from the registry and the tax data to lines and batches, only reconciled collections computed,
// a collection never computed twice, the four-eyes rule and its races, and what is refused.

let t: TestApp;
let maker: LoggedIn;
let checker: LoggedIn;
let suzhou: LoggedIn;
let judge: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  maker = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
  checker = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
  suzhou = await newAccount(t, { role: 'union_staff', regionCode: '320500' });
  judge = await newAccount(t, { role: 'judge', regionCode: '320000' });
  for (const [region, bank, no] of [
    ['320000', '102301000011', '3200000000000001'],
    ['320500', '102305000012', '3205000000000001'],
  ] as const) {
    const res = await checker.put(`/api/fee-refunds/paying-accounts/${region}`, {
      bankCode: bank,
      accountNo: no,
      accountName: region === '320000' ? '江苏省总工会' : '苏州市总工会',
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => t.close());

const run = (month: string, regionCode = '320000', who: LoggedIn = maker) =>
  who.post('/api/fee-refunds/runs', { regionCode, month });

async function linesOf(uscc: string): Promise<FeeLine[]> {
  const res = await maker.get(`/api/fee-refunds/lines?uscc=${uscc}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page<FeeLine>>().items;
}

/** Registers the enterprises, imports their collections and, unless told not to, the bank's credit for them. */
async function arrive(enterprises: Cells[], collections: Cells[], credit = true) {
  if (enterprises.length) expect((await feeImported(t, maker, 'enterprises', enterprises)).rowsRejected).toBe(0);
  expect((await feeImported(t, maker, 'tax', collections)).rowsRejected).toBe(0);
  if (!credit) return;
  const byGroup = new Map<string, { office: string; date: string; fen: number }>();
  for (const c of collections) {
    const key = `${c['征收税务机关']}|${c['入库日期']}`;
    const g = byGroup.get(key) ?? { office: c['征收税务机关']!, date: c['入库日期']!, fen: 0 };
    g.fen += Math.round(Number(c['实缴金额']) * 100);
    byGroup.set(key, g);
  }
  const credits = [...byGroup.values()].map((g) =>
    creditRow((g.fen / 100).toFixed(2), { 付款方名称: g.office, 入账日期: g.date }),
  );
  expect((await feeImported(t, maker, 'bank_credits', credits)).rowsRejected).toBe(0);
}

describe('fee refunds: a month is computed from reconciled collections', () => {
  const small = enterpriseRow();
  const smallUscc = small['统一社会信用代码']!;
  Object.assign(small, unionCells(smallUscc, '小企业'));
  const noUnion = enterpriseRow();
  const noAccount = enterpriseRow({ 是否建会: '是', 建会日期: '2020-05-01' });
  Object.assign(noAccount, {
    缴费账户开户行号: '001305000016',
    缴费账户账号: '0000765432100',
    缴费账户户名: '无账户工会的企业',
  });
  const large = enterpriseRow({ 从业人员: '2000', '营业收入（万元）': '100000', '资产总额（万元）': '90000' });
  Object.assign(large, unionCells(large['统一社会信用代码']!, '大企业'));
  const uscc = (c: Cells) => c['统一社会信用代码']!;

  let computed: FeeRun;
  it('routes each enterprise as the Jiangsu policy says, to the fen', async () => {
    await arrive(
      [small, noUnion, noAccount, large],
      [
        collectionRow(uscc(small), '200.00'),
        collectionRow(uscc(small), '0.03', { 税款所属期起: '2024-03-01', 税款所属期止: '2024-03-31' }),
        collectionRow(uscc(noUnion), '150.00'),
        collectionRow(uscc(noAccount), '80.00'),
        collectionRow(uscc(large), '1000.01'),
      ],
    );
    const res = await run('2024-04');
    expect(res.statusCode, res.body).toBe(200);
    computed = res.json<FeeRun>();
    expect(computed).toMatchObject({
      regionCode: '320000',
      month: '2024-04',
      collections: 5,
      skipped: { unreconciled: 0, unregistered: 0, no_policy: 0 },
      held: { lines: 1, totalFen: 15000 },
      noAccount: { lines: 0, totalFen: 0 },
    });
    // One batch: every line is in Suzhou, whose city account pays it.
    expect(computed.batches).toEqual([{ id: expect.any(String), lines: 3, totalFen: 20003 + 8000 + 60001 }]);

    const [smallLine] = await linesOf(uscc(small));
    expect(smallLine).toMatchObject({
      destination: 'union_account',
      amountFen: 20003,
      state: 'in_batch',
      creditor: { accountNo: small['工会账户账号'], bankCode: '102305002019' },
    });
    expect(smallLine!.payments).toHaveLength(1);
    expect(await linesOf(uscc(noUnion))).toMatchObject([
      { destination: 'preparation_fund_held', amountFen: 15000, state: 'held', creditor: null, payments: [] },
    ]);
    expect(await linesOf(uscc(noAccount))).toMatchObject([
      { destination: 'paying_account', amountFen: 8000, creditor: { accountNo: '0000765432100' } },
    ]);
    // Not small or micro: the grassroots share (60 %) back to its union, 40 % kept above.
    expect(await linesOf(uscc(large))).toMatchObject([{ destination: 'union_account', amountFen: 60001 }]);
    const [ledger] = await t.deps.db
      .select({
        collected: sql<string>`sum(${feeRefundAllocations.collectedFen})::text`,
        returned: sql<string>`sum(${feeRefundAllocations.returnedFen})::text`,
        held: sql<string>`sum(${feeRefundAllocations.heldFen})::text`,
        retained: sql<string>`sum(${feeRefundAllocations.retainedFen})::text`,
      })
      .from(feeRefundAllocations)
      .where(eq(feeRefundAllocations.runId, computed.id));
    expect(ledger).toEqual({ collected: '143004', returned: '88004', held: '15000', retained: '40000' });
  });

  it('never computes a collection twice: the same month again has nothing new', async () => {
    const again = await run('2024-04');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ field: 'month' });
    expect(again.json<{ message: string }>().message).toContain('已计算过的不再计算');
  });

  it('leaves unreconciled collections out until the bank credit arrives', async () => {
    const late = enterpriseRow();
    Object.assign(late, unionCells(uscc(late), '晚到企业'));
    const rows = [
      collectionRow(uscc(late), '55.55', { 入库日期: '2024-05-20', 征收税务机关: '国家税务总局苏州市姑苏区税务局' }),
    ];
    await arrive([late], rows, false);
    const early = await run('2024-05');
    expect(early.statusCode).toBe(409);
    expect(early.json<{ message: string }>().message).toContain('未对平 1 条');
    // A credit that differs by a fen is not enough.
    await feeImported(t, maker, 'bank_credits', [
      creditRow('55.54', { 付款方名称: '国家税务总局苏州市姑苏区税务局', 入账日期: '2024-05-20' }),
    ]);
    expect((await run('2024-05')).statusCode).toBe(409);
    await feeImported(t, maker, 'bank_credits', [
      creditRow('0.01', { 付款方名称: '国家税务总局苏州市姑苏区税务局', 入账日期: '2024-05-20' }),
    ]);
    const res = await run('2024-05');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<FeeRun>()).toMatchObject({ collections: 1, batches: [{ lines: 1, totalFen: 5555 }] });
  });

  it('skips collections outside the policy window and of enterprises not in the registry', async () => {
    const e = enterpriseRow();
    Object.assign(e, unionCells(uscc(e), '跨期企业'));
    const stranger = uniqueUscc('320505');
    const office = '国家税务总局苏州市吴中区税务局';
    await arrive(
      [e],
      [
        // The last day of the Jiangsu policy: computed.
        collectionRow(uscc(e), '10.00', {
          税款所属期起: '2024-12-31',
          税款所属期止: '2024-12-31',
          入库日期: '2025-01-15',
          征收税务机关: office,
        }),
        // Past its end: no policy covers 2025.
        collectionRow(uscc(e), '20.00', {
          税款所属期起: '2024-12-01',
          税款所属期止: '2025-01-31',
          入库日期: '2025-01-15',
          征收税务机关: office,
        }),
        collectionRow(stranger, '30.00', { 入库日期: '2025-01-15', 征收税务机关: office }),
      ],
    );
    const res = await run('2025-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<FeeRun>()).toMatchObject({
      collections: 1,
      skipped: { unreconciled: 0, unregistered: 1, no_policy: 1 },
      batches: [{ lines: 1, totalFen: 1000 }],
    });
  });

  it('refuses a run without permission, outside the region, or for a month that does not exist', async () => {
    expect(
      (await agent(t.app).post('/api/fee-refunds/runs', { regionCode: '320000', month: '2024-04' })).statusCode,
    ).toBe(401);
    expect((await run('2024-04', '320000', judge)).statusCode).toBe(403);
    expect((await run('2024-04', '320000', suzhou)).statusCode).toBe(403);
    expect((await run('2024-13')).statusCode).toBe(400);
    expect((await run('2024-04', '329999')).statusCode).toBe(400);
  });

  it('keeps the run out of another region and a rollback of its tax data refused', async () => {
    const zs = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    expect((await zs.get(`/api/fee-refunds/runs/${computed.id}`)).statusCode).toBe(403);
    expect((await zs.get(`/api/fee-refunds/batches/${computed.batches[0]!.id}`)).statusCode).toBe(403);
    const seen = await suzhou.get(`/api/fee-refunds/batches/${computed.batches[0]!.id}`);
    expect(seen.statusCode).toBe(403); // the province's run: a city sees its own runs only

    const [collection] = await t.deps.db
      .select({ importId: feeCollections.importId })
      .from(feeCollections)
      .where(eq(feeCollections.uscc, uscc(small)));
    const tax = await maker.post(`/api/fee-refunds/imports/${collection!.importId}/rollback`);
    expect(tax.statusCode).toBe(409);
    expect(tax.json<{ message: string }>().message).toContain('已计算返还，不能撤销');
    const [credit] = await t.deps.db
      .select({ importId: feeBankCredits.importId })
      .from(feeBankCredits)
      .where(and(eq(feeBankCredits.creditDate, '2024-04-15'), eq(feeBankCredits.payerName, HUQIU_OFFICE)));
    const bank = await maker.post(`/api/fee-refunds/imports/${credit!.importId}/rollback`);
    expect(bank.statusCode).toBe(409);
    expect(bank.json<{ message: string }>().message).toContain('不能撤销');
    expect((await linesOf(uscc(small)))[0]).toMatchObject({ state: 'in_batch', amountFen: 20003 });
  });
});

describe('fee refunds: maker and checker', () => {
  let batch: FeeBatch;
  beforeAll(async () => {
    const e = enterpriseRow();
    Object.assign(e, unionCells(e['统一社会信用代码']!, '复核企业'));
    await arrive([e], [collectionRow(e['统一社会信用代码']!, '12.34', { 入库日期: '2024-06-03' })]);
    const res = await run('2024-06');
    expect(res.statusCode, res.body).toBe(200);
    batch = (await maker.get(`/api/fee-refunds/batches/${res.json<FeeRun>().batches[0]!.id}`)).json<FeeBatch>();
  });

  it('lets the maker submit and only someone else approve', async () => {
    expect(batch).toMatchObject({ status: 'draft', lines: 1, totalFen: 1234, canSubmit: true, canApprove: false });
    expect((await checker.post(`/api/fee-refunds/batches/${batch.id}/approve`)).statusCode).toBe(409);
    const submitted = await maker.post(`/api/fee-refunds/batches/${batch.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<FeeBatch>()).toMatchObject({ status: 'submitted', submittedBy: maker.id, canApprove: false });
    expect((await maker.post(`/api/fee-refunds/batches/${batch.id}/submit`)).statusCode).toBe(409);

    const own = await maker.post(`/api/fee-refunds/batches/${batch.id}/approve`);
    expect(own.statusCode).toBe(409);
    expect(own.json<{ message: string }>().message).toContain('提交人不能复核自己提交的批次');
    expect((await checker.get(`/api/fee-refunds/batches/${batch.id}`)).json<FeeBatch>().canApprove).toBe(true);
    expect((await judge.post(`/api/fee-refunds/batches/${batch.id}/approve`)).statusCode).toBe(403);
  });

  it('approves once when two checkers press at the same moment', async () => {
    const second = await newAccount(t, { role: 'union_staff', regionCode: '320000' });
    const answers = await Promise.all([
      checker.post(`/api/fee-refunds/batches/${batch.id}/approve`),
      second.post(`/api/fee-refunds/batches/${batch.id}/approve`),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const now = (await maker.get(`/api/fee-refunds/batches/${batch.id}`)).json<FeeBatch>();
    expect(now).toMatchObject({ status: 'approved', submittedBy: maker.id });
    expect([checker.id, second.id]).toContain(now.approvedBy);
  });

  it('has the database refuse a second live payment of a line, whatever the code does', async () => {
    const [payment] = await t.deps.db.select().from(feeRefundPayments).where(eq(feeRefundPayments.batchId, batch.id));
    await expect(
      t.deps.db.insert(feeRefundPayments).values({
        ...payment!,
        id: undefined,
        endToEndId: `${payment!.endToEndId}X`,
      }),
    ).rejects.toThrow();
  });
});
