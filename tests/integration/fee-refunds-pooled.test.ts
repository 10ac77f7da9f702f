import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnionAccount } from '../../contracts/fee-refunds/accounts.js';
import type { FeeBalance, FeeBankReturn, FeeBatch, FeeLine, FeeRun } from '../../contracts/fee-refunds/runs.js';
import type { Page } from '../../contracts/paging.js';
import { feePolicyRepo } from '../../server/modules/fee-refunds/policies/repository.js';
import { SEED_POLICY_VERSIONS } from '../../server/modules/fee-refunds/rules/policy.js';
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
import { newAccount, type LoggedIn } from '../support/factories.js';
import { multipartBody } from '../support/imports.js';

// County pooled accounts (县级工会归集账户): a policy that routes enterprises without a union
// account, or without a union, to their county federation's pooled account. Until the county has
// one, such lines wait; the checker sets it (counties only, in scope, audited); a re-batch pays
// them into it, the payment file says whose money each payment is, the bank's result marks them
// paid into the pooled account, and the balance still holds to the fen.

let t: TestApp;
let maker: LoggedIn;
let checker: LoggedIn;
let wuzhong: LoggedIn;
const HUQIU = '320505';
const POOLED = { bankCode: '102305000505', accountNo: '3205050000000009', accountName: '苏州市虎丘区总工会归集户' };

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ maker, checker } = await jiangsuRefundStaff(t));
  wuzhong = await newAccount(t, { role: 'union_staff', regionCode: '320506' });
  // 虎丘区's own version of the Jiangsu policy: no union or no union account → the county's pool.
  const jiangsu = SEED_POLICY_VERSIONS[0]!;
  await feePolicyRepo.insertMissing(
    t.deps.db,
    [
      {
        ...jiangsu,
        id: 'test-huqiu-pooled',
        regionCode: HUQIU,
        routing: { noUnion: 'county_pooled', noUnionAccount: 'county_pooled' },
      },
    ],
    new Date(),
  );
});
afterAll(() => t.close());

const uscc = (c: Cells) => c['统一社会信用代码']!;

async function arrive(enterprises: Cells[], amounts: string[], date: string) {
  expect((await feeImported(t, maker, 'enterprises', enterprises)).rowsRejected).toBe(0);
  const rows = enterprises.map((e, i) => collectionRow(uscc(e), amounts[i]!, { 入库日期: date }));
  expect((await feeImported(t, maker, 'tax', rows)).rowsRejected).toBe(0);
  const fen = amounts.reduce((a, x) => a + Math.round(Number(x) * 100), 0);
  expect(
    (await feeImported(t, maker, 'bank_credits', [creditRow((fen / 100).toFixed(2), { 入账日期: date })])).rowsRejected,
  ).toBe(0);
}

async function lineOf(e: Cells): Promise<FeeLine> {
  const res = await maker.get(`/api/fee-refunds/lines?uscc=${uscc(e)}`);
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json<Page<FeeLine>>().items;
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('fee refunds: paying into a county federation’s pooled account', () => {
  // A union without an account, and an enterprise with no union at all.
  const unionNoAccount = enterpriseRow({ 是否建会: '是', 建会日期: '2021-06-01' });
  const noUnion = enterpriseRow();
  // With a union and its account: this policy still pays it to the union account.
  const third = enterpriseRow();
  const withAccount = Object.assign(third, unionCells(uscc(third), '丙企业'));
  let run: FeeRun;

  beforeAll(async () => {
    await arrive([unionNoAccount, noUnion, withAccount], ['120.00', '80.50', '50.00'], '2024-04-15');
    const res = await maker.post('/api/fee-refunds/runs', { regionCode: '320000', month: '2024-04' });
    expect(res.statusCode, res.body).toBe(200);
    run = res.json<FeeRun>();
  });

  it('routes both to the county pool, and they wait while the county has no pooled account', async () => {
    for (const e of [unionNoAccount, noUnion]) {
      const line = await lineOf(e);
      expect(line).toMatchObject({ destination: 'county_pooled', state: 'no_account', creditor: null });
    }
    expect(run.noAccount).toEqual({ lines: 2, totalFen: 12_000 + 8_050 });
    // The enterprise with a union account is paid to it, in the run's batch.
    expect(await lineOf(withAccount)).toMatchObject({ destination: 'union_account', state: 'in_batch' });
    expect(run.batches).toEqual([expect.objectContaining({ lines: 1, totalFen: 5_000 })]);
  });

  it('keeps pooled accounts to counties, to the checker, and to the checker’s own region', async () => {
    const city = await checker.put('/api/fee-refunds/pooled-accounts/320500', POOLED);
    expect(city.statusCode).toBe(400);
    expect(city.json()).toMatchObject({ field: 'regionCode' });
    expect(city.json().message).toContain('县级');
    const bad = await checker.put(`/api/fee-refunds/pooled-accounts/${HUQIU}`, { ...POOLED, accountNo: '12AB' });
    expect(bad.statusCode).toBe(400);
    // Another county's staff may not set 虎丘区's account.
    expect((await wuzhong.put(`/api/fee-refunds/pooled-accounts/${HUQIU}`, POOLED)).statusCode).toBe(403);
    const unknown = await checker.put('/api/fee-refunds/pooled-accounts/329999', POOLED);
    expect(unknown.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/fee-refunds/pooled-accounts' })).statusCode).toBe(401);
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: `/api/fee-refunds/pooled-accounts/${HUQIU}`,
      payload: POOLED,
    });
    expect([401, 403]).toContain(anonymous.statusCode);
    const judge = await newAccount(t, { role: 'judge', regionCode: '320000' });
    expect((await judge.put(`/api/fee-refunds/pooled-accounts/${HUQIU}`, POOLED)).statusCode).toBe(403);
    expect((await judge.get('/api/fee-refunds/pooled-accounts')).statusCode).toBe(403);
    expect((await checker.get('/api/fee-refunds/pooled-accounts')).json()).toEqual([]);
  });

  it('pays the waiting lines into the pooled account once the checker sets it', async () => {
    const set = await checker.put(`/api/fee-refunds/pooled-accounts/${HUQIU}`, POOLED);
    expect(set.statusCode, set.body).toBe(200);
    const listed = (await maker.get('/api/fee-refunds/pooled-accounts')).json<UnionAccount[]>();
    expect(listed).toEqual([expect.objectContaining({ regionCode: HUQIU, ...POOLED })]);
    expect(listed[0]!.regionName).toContain('虎丘区');
    // 吴中区's staff see neither 虎丘区's pool nor anything outside their county.
    expect((await wuzhong.get('/api/fee-refunds/pooled-accounts')).json()).toEqual([]);

    const again = await maker.post('/api/fee-refunds/rebatch', { regionCode: '320000' });
    expect(again.statusCode, again.body).toBe(200);
    const { batches, waiting } = again.json<{
      batches: { id: string; lines: number; totalFen: number }[];
      waiting: number;
    }>();
    expect(waiting).toBe(0);
    expect(batches).toEqual([expect.objectContaining({ lines: 2, totalFen: 20_050 })]);
    for (const e of [unionNoAccount, noUnion]) {
      const line = await lineOf(e);
      expect(line.state).toBe('in_batch');
      expect(line.creditor).toEqual({
        bankCode: POOLED.bankCode,
        accountNo: POOLED.accountNo,
        accountName: POOLED.accountName,
      });
    }

    const batchId = batches[0]!.id;
    expect((await maker.post(`/api/fee-refunds/batches/${batchId}/submit`)).statusCode).toBe(200);
    expect((await checker.post(`/api/fee-refunds/batches/${batchId}/approve`)).statusCode).toBe(200);
    const file = await maker.get(`/api/fee-refunds/batches/${batchId}/payment-file?format=csv`);
    expect(file.statusCode).toBe(200);
    // Both payments go to the pool, each naming the enterprise whose refund it is.
    const rows = file.body.trim().split(/\r?\n/).slice(1);
    expect(rows).toHaveLength(2);
    for (const e of [unionNoAccount, noUnion]) {
      const row = rows.find((r) => r.includes(uscc(e)));
      expect(row).toContain(POOLED.accountNo);
      expect(row).toContain('工会经费返还（归集）');
    }

    const batch = (await maker.get(`/api/fee-refunds/batches/${batchId}`)).json<FeeBatch>();
    expect(batch.status).toBe('approved');
    const ids = await Promise.all(
      [unionNoAccount, noUnion].map(async (e) => (await lineOf(e)).payments[0]!.endToEndId),
    );
    const csv = bankResultCsv(ids.map((endToEndId) => ({ endToEndId, status: '成功' })));
    const send = () =>
      maker.request({
        method: 'POST',
        url: '/api/fee-refunds/bank-returns',
        ...multipartBody({}, 'result.csv', Buffer.from(csv)),
      });
    const result = await send();
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json<FeeBankReturn>()).toMatchObject({ matched: 2, paid: 2, pooled: 2, returned: 0, unknown: 0 });
    // The same result again changes nothing.
    expect((await send()).json<FeeBankReturn>()).toMatchObject({ matched: 2, paid: 0, pooled: 0, unchanged: 2 });
    for (const e of [unionNoAccount, noUnion]) expect((await lineOf(e)).state).toBe('paid');
  });

  it('puts new months straight into a batch to the pool, and every fen still balances', async () => {
    await arrive([unionNoAccount], ['33.33'], '2024-05-15');
    const res = await maker.post('/api/fee-refunds/runs', { regionCode: '320000', month: '2024-05' });
    expect(res.statusCode, res.body).toBe(200);
    const may = res.json<FeeRun>();
    expect(may.noAccount.lines).toBe(0);
    expect(may.batches).toEqual([expect.objectContaining({ lines: 1, totalFen: 3_333 })]);

    const balance = (await maker.get(`/api/fee-refunds/balance?regionCode=${HUQIU}&year=2024`)).json<FeeBalance>();
    expect(balance.collectedFen).toBe(12_000 + 8_050 + 5_000 + 3_333);
    expect(balance.refundedFen + balance.retainedFen + balance.pendingFen).toBe(balance.collectedFen);
    // Small enterprises get all of it back: paid into the pool is refunded, the rest still due.
    expect(balance.retainedFen).toBe(0);
    expect(balance.refundedFen).toBe(12_000 + 8_050);
  });
});
