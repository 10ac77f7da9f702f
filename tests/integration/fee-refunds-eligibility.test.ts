import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyBody, PolicyVersionView } from '../../contracts/fee-refunds/policies.js';
import type { FeeEnterprise } from '../../contracts/fee-refunds/responses.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { JIANGSU_2020_2024 } from '../../server/modules/fee-refunds/rules/policy.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, uniqueUscc, type LoggedIn } from '../support/factories.js';
import {
  collectionRow,
  creditRow,
  enterpriseRow,
  feeImported,
  firstLineOf,
  jiangsuRefundStaff,
  unionCells,
  usccOf,
  type Cells,
} from '../support/fee-refunds.js';

// What a checker decides by hand about an enterprise's eligibility: a size class declared (a
// finance enterprise the size standard does not class, 银发〔2015〕309号) and the exclusion
// flags a policy version may name. The refund runs take them; the import never clears them;
// every refusal a route owes.

let t: TestApp;
let maker: LoggedIn;
let checker: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ maker, checker } = await jiangsuRefundStaff(t));
});
afterAll(() => t.close());

const path = (uscc: string) => `/api/fee-refunds/enterprises/${uscc}/eligibility`;
const profile = async (uscc: string, a: LoggedIn = maker) => {
  const res = await a.get(`/api/fee-refunds/enterprises/${uscc}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<FeeEnterprise>();
};

/** A Suzhou enterprise with its union account, registered through the import. */
async function registered(over: Cells = {}): Promise<Cells> {
  const e = enterpriseRow(over);
  Object.assign(e, unionCells(usccOf(e), '工会'));
  expect((await feeImported(t, maker, 'enterprises', [e])).rowsRejected).toBe(0);
  return e;
}

/** One collection per enterprise on the day, reconciled with one credit, then the month's run. */
async function refunded(enterprises: Cells[], yuan: string, day: string, period: [string, string]) {
  const rows = enterprises.map((e) =>
    collectionRow(usccOf(e), yuan, { 入库日期: day, 税款所属期起: period[0], 税款所属期止: period[1] }),
  );
  expect((await feeImported(t, maker, 'tax', rows)).rowsRejected).toBe(0);
  const total = (Number(yuan) * enterprises.length).toFixed(2);
  expect((await feeImported(t, maker, 'bank_credits', [creditRow(total, { 入账日期: day })])).rowsRejected).toBe(0);
  const run = await maker.post('/api/fee-refunds/runs', { regionCode: '320000', month: day.slice(0, 7) });
  expect(run.statusCode, run.body).toBe(200);
}

describe('fee refunds: eligibility decided by a checker', () => {
  it('takes a declared size class over the computed one: a finance enterprise declared small gets it all back', async () => {
    const bank = await registered({ 行业门类: 'J66' });
    const declaredMedium = await registered();
    const before = await profile(usccOf(bank));
    expect(before).toMatchObject({ sizeClass: null, declaredSizeClass: null, exclusionFlags: [] });

    const res = await checker.put(path(usccOf(bank)), {
      expectedVersion: before.version,
      declaredSizeClass: 'small',
      exclusionFlags: [],
      reason: '银发〔2015〕309号：资产总额 3,000 万元，小型',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<FeeEnterprise>()).toMatchObject({
      declaredSizeClass: 'small',
      sizeClass: null,
      eligibilityReason: '银发〔2015〕309号：资产总额 3,000 万元，小型',
      version: before.version + 1,
    });
    const medium = await profile(usccOf(declaredMedium));
    expect(
      (
        await checker.put(path(usccOf(declaredMedium)), {
          expectedVersion: medium.version,
          declaredSizeClass: 'medium',
          exclusionFlags: [],
          reason: '年报从业人员 350 人',
        })
      ).statusCode,
    ).toBe(200);

    await refunded([bank, declaredMedium], '100.00', '2024-07-15', ['2024-04-01', '2024-06-30']);
    // Small by declaration: the whole fee back; medium by declaration: the grassroots 60 %.
    expect(await firstLineOf(maker, bank)).toMatchObject({ destination: 'union_account', amountFen: 10000 });
    expect(await firstLineOf(maker, declaredMedium)).toMatchObject({ amountFen: 6000 });

    const audited = await t.deps.db
      .select({ actor: auditLog.actorAccountId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.action, 'fee_enterprise.eligibility_set'));
    expect(audited).toContainEqual({
      actor: checker.id,
      before: { declaredSizeClass: null, exclusionFlags: [], eligibilityReason: null, version: before.version },
      after: {
        declaredSizeClass: 'small',
        exclusionFlags: [],
        eligibilityReason: '银发〔2015〕309号：资产总额 3,000 万元，小型',
        version: before.version + 1,
      },
    });
  });

  it('keeps what the checker decided when the registry file comes again with new figures', async () => {
    const e = await registered({ 行业门类: 'J66' });
    const v = (await profile(usccOf(e))).version;
    const set = await checker.put(path(usccOf(e)), {
      expectedVersion: v,
      declaredSizeClass: 'micro',
      exclusionFlags: ['state_owned'],
      reason: '国资委名录',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await feeImported(t, maker, 'enterprises', [{ ...e, 从业人员: '31' }])).rowsRejected).toBe(0);
    expect(await profile(usccOf(e))).toMatchObject({
      employees: 31,
      declaredSizeClass: 'micro',
      exclusionFlags: ['state_owned'],
      eligibilityReason: '国资委名录',
      version: v + 2,
    });
    // Back to the computed class and no flag: no reason needed, and none kept.
    const cleared = await checker.put(path(usccOf(e)), {
      expectedVersion: v + 2,
      declaredSizeClass: null,
      exclusionFlags: [],
      reason: null,
    });
    expect(cleared.json<FeeEnterprise>()).toMatchObject({
      declaredSizeClass: null,
      exclusionFlags: [],
      eligibilityReason: null,
    });
  });

  it('excludes a flagged enterprise from the full refund when the policy in force names the flag', async () => {
    // The Jiangsu rule carried into 2025, now naming state-owned enterprises as excluded.
    const { id: _seed, ...jiangsu } = JIANGSU_2020_2024;
    const body = {
      ...(structuredClone(jiangsu) as PolicyBody),
      title: {
        zh: '江苏省小微企业工会经费返还（2025年起，国有企业除外）',
        en: 'Jiangsu from 2025, state-owned excluded',
      },
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      assumptions: [],
    } as PolicyBody;
    body.smallMicro = { ...body.smallMicro!, excludedFlags: ['state_owned'] };
    const drafted = await maker.post('/api/fee-refunds/policies', body);
    expect(drafted.statusCode, drafted.body).toBe(200);
    const version = drafted.json<PolicyVersionView>();
    expect(
      (await checker.post(`/api/fee-refunds/policies/${version.id}/activate`, { version: version.version })).statusCode,
    ).toBe(200);

    const stateOwned = await registered();
    const privateFirm = await registered();
    const p = await profile(usccOf(stateOwned));
    const res = await checker.put(path(usccOf(stateOwned)), {
      expectedVersion: p.version,
      declaredSizeClass: null,
      exclusionFlags: ['state_owned', 'state_owned'],
      reason: '市国资委出资企业',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<FeeEnterprise>().exclusionFlags).toEqual(['state_owned']);

    await refunded([stateOwned, privateFirm], '50.00', '2025-04-15', ['2025-01-01', '2025-03-31']);
    const excluded = await firstLineOf(maker, stateOwned);
    expect(excluded).toMatchObject({ amountFen: 3000 });
    expect(await firstLineOf(maker, privateFirm)).toMatchObject({ amountFen: 5000 });
  });

  it('refuses what it must: no login, no right, another region, a stale version, no grounds, bad input', async () => {
    const e = await registered();
    const uscc = usccOf(e);
    const { version } = await profile(uscc);
    const body = { expectedVersion: version, declaredSizeClass: 'small', exclusionFlags: [], reason: '年报' };

    expect((await agent(t.app).put(path(uscc), body)).statusCode).toBe(401);
    const judge = await newAccount(t, { role: 'judge', regionCode: '320000' });
    expect((await judge.put(path(uscc), body)).statusCode).toBe(403);
    const nanjing = await newAccount(t, { role: 'union_staff', regionCode: '320100' });
    expect((await nanjing.put(path(uscc), body)).statusCode).toBe(403);

    const stale = await checker.put(path(uscc), { ...body, expectedVersion: version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ field: 'expectedVersion' });

    const noReason = await checker.put(path(uscc), { ...body, reason: null });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ field: 'reason' });
    expect((await checker.put(path(uscc), { ...body, reason: '   ' })).json()).toMatchObject({ field: 'reason' });

    expect((await checker.put(path(uscc), { ...body, declaredSizeClass: 'tiny' })).statusCode).toBe(400);
    expect((await checker.put(path(uscc), { ...body, exclusionFlags: ['charity'] })).statusCode).toBe(400);
    expect((await checker.put(path(uscc), { ...body, reason: '依据\u202e' })).statusCode).toBe(400);
    expect((await checker.put(path('91320505MA1X'), body)).statusCode).toBe(400);
    expect((await checker.put(path(uniqueUscc('320505')), body)).statusCode).toBe(404);

    // Nothing of the refused attempts was written.
    expect(await profile(uscc)).toMatchObject({ version, declaredSizeClass: null, exclusionFlags: [] });
  });
});
