import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyBody, PolicyVersionView } from '../../contracts/fee-refunds/policies.js';
import type { FeeRun } from '../../contracts/fee-refunds/runs.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { JIANGSU_2020_2024 } from '../../server/modules/fee-refunds/rules/policy.js';
import { createTestApp, type TestApp } from '../support/app.js';
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
import { newAccount, type LoggedIn } from '../support/factories.js';

// Refund policy versions kept by staff: a maker drafts, a different checker puts it in force,
// only versions in force are used by the runs, a version in force is never edited and is ended
// no earlier than what was computed under it; nothing applies to money already computed.

let t: TestApp;
let maker: LoggedIn;
let checker: LoggedIn;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  ({ maker, checker } = await jiangsuRefundStaff(t));
});
afterAll(() => t.close());

const { id: _seedId, ...jiangsu } = JIANGSU_2020_2024;
/** The Jiangsu rule carried on into 2025 (what a province drafts when its version runs out). */
const jiangsu2025 = (over: Partial<PolicyBody> = {}): PolicyBody => ({
  ...(structuredClone(jiangsu) as PolicyBody),
  title: {
    zh: '江苏省小微企业工会经费全额返还（2025年起）',
    en: 'Jiangsu: full refund to small and micro (from 2025)',
  },
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  assumptions: [],
  ...over,
});

/** A small Suzhou enterprise with its union account, one collection of the period, reconciled. */
async function arrive(period: { from: string; to: string; treasury: string }, yuan: string): Promise<Cells> {
  const e = Object.assign(enterpriseRow(), {});
  Object.assign(e, unionCells(usccOf(e), '甲企业'));
  expect((await feeImported(t, maker, 'enterprises', [e])).rowsRejected).toBe(0);
  const row = collectionRow(usccOf(e), yuan, {
    税款所属期起: period.from,
    税款所属期止: period.to,
    入库日期: period.treasury,
  });
  expect((await feeImported(t, maker, 'tax', [row])).rowsRejected).toBe(0);
  expect(
    (await feeImported(t, maker, 'bank_credits', [creditRow(yuan, { 入账日期: period.treasury })])).rowsRejected,
  ).toBe(0);
  return e;
}

const run = (month: string) => maker.post('/api/fee-refunds/runs', { regionCode: '320000', month });

async function listed(a = maker): Promise<PolicyVersionView[]> {
  const res = await a.get('/api/fee-refunds/policies');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PolicyVersionView[]>();
}

async function drafted(body: PolicyBody, a = maker): Promise<PolicyVersionView> {
  const res = await a.post('/api/fee-refunds/policies', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PolicyVersionView>();
}

async function auditActions(id: string): Promise<string[]> {
  const rows = await t.deps.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'fee_policy_version'), eq(auditLog.entityId, id)))
    // In the order written: without it PostgreSQL may answer in any order (a red CI once).
    .orderBy(asc(auditLog.id));
  return rows.map((r) => r.action);
}

describe('fee refunds: policy versions kept by staff', () => {
  let v2025: PolicyVersionView;
  let early: Cells;
  let late: Cells;

  beforeAll(async () => {
    // 2024 Q1 computed under the seeded version; 2025 Q1 arrives when no version covers it.
    early = await arrive({ from: '2024-01-01', to: '2024-03-31', treasury: '2024-04-15' }, '100.00');
    expect((await run('2024-04')).statusCode).toBe(200);
    late = await arrive({ from: '2025-01-01', to: '2025-03-31', treasury: '2025-04-15' }, '60.00');
  });

  it('lists the seeded version in force, with who set it', async () => {
    const [seeded] = await listed();
    expect(seeded).toMatchObject({ id: JIANGSU_2020_2024.id, status: 'active', draftedBy: null, approvedBy: null });
    expect(seeded!.regionName).toBe('江苏省');
    expect(seeded!.policy.split.reduce((a, s) => a + s.shareBp, 0)).toBe(10_000);
  });

  it('uses a draft for nothing: the 2025 collection waits for a version in force', async () => {
    const nothing = await run('2025-04');
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().message).toContain('无适用政策 1 条');
    v2025 = await drafted(jiangsu2025());
    expect(v2025).toMatchObject({ status: 'draft', version: 1, draftedBy: { id: maker.id }, approvedBy: null });
    expect(v2025.policy.effectiveFrom).toBe('2025-01-01');
    expect((await run('2025-04')).statusCode).toBe(409);
  });

  it('is put in force by a checker who did not write it, at the version read', async () => {
    const own = await maker.post(`/api/fee-refunds/policies/${v2025.id}/activate`, { version: 1 });
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toContain('不能批准自己起草');
    const stale = await checker.post(`/api/fee-refunds/policies/${v2025.id}/activate`, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('version');
    const res = await checker.post(`/api/fee-refunds/policies/${v2025.id}/activate`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    v2025 = res.json<PolicyVersionView>();
    expect(v2025).toMatchObject({ status: 'active', version: 2, approvedBy: { id: checker.id } });
    expect(v2025.approvedAt).not.toBeNull();

    const computed = await run('2025-04');
    expect(computed.statusCode, computed.body).toBe(200);
    expect(computed.json<FeeRun>().collections).toBe(1);
    // Small with a union account: the whole ¥60.00 back to the union account, under the new version.
    expect(await firstLineOf(maker, late)).toMatchObject({ amountFen: 6_000, destination: 'union_account' });
    expect(await auditActions(v2025.id)).toEqual(['fee_policy.drafted', 'fee_policy.activated']);
  });

  it('never edits or discards a version in force', async () => {
    const edit = await maker.put(`/api/fee-refunds/policies/${v2025.id}`, {
      version: v2025.version,
      policy: jiangsu2025({ feeRateBp: 100 }),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().field).toBe('status');
    const discard = await maker.post(`/api/fee-refunds/policies/${v2025.id}/discard`, { version: v2025.version });
    expect(discard.statusCode).toBe(409);
    const again = await checker.post(`/api/fee-refunds/policies/${v2025.id}/activate`, { version: v2025.version });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a version overlapping one in force in the same region', async () => {
    const overlapping = await drafted(jiangsu2025({ effectiveFrom: '2025-07-01' }));
    const res = await checker.post(`/api/fee-refunds/policies/${overlapping.id}/activate`, { version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ field: 'effectiveFrom' });
    expect(res.json().message).toContain('重叠');
    expect((await listed()).find((v) => v.id === overlapping.id)!.status).toBe('draft');
  });

  it('applies a city’s own version to what is not computed yet, never to money already computed', async () => {
    const suzhou = (from: string, to: string) =>
      jiangsu2025({
        title: { zh: '苏州市自定返还规则', en: 'Suzhou’s own rule' },
        regionCode: '320500',
        effectiveFrom: from,
        effectiveTo: to,
        returned: { small_micro: { grassroots: 10_000 }, ordinary: { grassroots: 10_000 } },
      });
    const back = await drafted(suzhou('2024-01-01', '2024-06-30'));
    const refused = await checker.post(`/api/fee-refunds/policies/${back.id}/activate`, { version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('不能追溯');
    // The 2024 line is as the seeded version computed it: the whole ¥100.00.
    expect(await firstLineOf(maker, early)).toMatchObject({ amountFen: 10_000 });

    const ahead = await drafted(suzhou('2024-07-01', '2024-12-31'));
    const res = await checker.post(`/api/fee-refunds/policies/${ahead.id}/activate`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    // A 2024 Q3 collection of Suzhou is computed under the city's version: the grassroots 60 % only.
    const q3 = await arrive({ from: '2024-07-01', to: '2024-09-30', treasury: '2024-10-15' }, '50.00');
    expect((await run('2024-10')).statusCode).toBe(200);
    expect(await firstLineOf(maker, q3)).toMatchObject({ amountFen: 3_000 });
  });

  it('ends a version in force earlier, never before what was computed under it', async () => {
    const before = await checker.post(`/api/fee-refunds/policies/${v2025.id}/close`, {
      version: v2025.version,
      effectiveTo: '2025-02-28',
    });
    expect(before.statusCode).toBe(409);
    expect(before.json()).toMatchObject({ field: 'effectiveTo' });
    expect(before.json().message).toContain('2025-03-31');
    const closed = await checker.post(`/api/fee-refunds/policies/${v2025.id}/close`, {
      version: v2025.version,
      effectiveTo: '2025-12-31',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    v2025 = closed.json<PolicyVersionView>();
    expect(v2025.policy.effectiveTo).toBe('2025-12-31');
    const later = await checker.post(`/api/fee-refunds/policies/${v2025.id}/close`, {
      version: v2025.version,
      effectiveTo: '2026-06-30',
    });
    expect(later.statusCode).toBe(400);
    expect(later.json().message).toContain('只能提前终止');
    expect(await auditActions(v2025.id)).toContain('fee_policy.closed');
  });
});

describe('fee refunds: drafting a policy version', () => {
  it('names the field of a version that cannot be used', async () => {
    const shares = await maker.post('/api/fee-refunds/policies', {
      ...jiangsu2025({ effectiveFrom: '2030-01-01' }),
      split: [{ level: 'grassroots', shareBp: 9_000 }],
      returned: { small_micro: { grassroots: 10_000 }, ordinary: {} },
    });
    expect(shares.statusCode).toBe(400);
    expect(shares.json()).toMatchObject({ code: 'VALIDATION', field: 'split' });
    expect(shares.json().message).toContain('90%');
    expect(shares.json().messageEn).toContain('add up to 100 %');
    const ends = await maker.post('/api/fee-refunds/policies', jiangsu2025({ effectiveTo: '2024-12-31' }));
    expect(ends.json()).toMatchObject({ field: 'effectiveTo' });
    const level = await maker.post('/api/fee-refunds/policies', {
      ...jiangsu2025(),
      returned: { small_micro: { grassroots: 10_000 }, ordinary: { national: 5_000 } },
      split: [{ level: 'grassroots', shareBp: 10_000 }],
    });
    expect(level.json()).toMatchObject({ field: 'returned.ordinary.national' });
    const day = await maker.post('/api/fee-refunds/policies', jiangsu2025({ effectiveFrom: '2025-02-30' }));
    expect(day.json()).toMatchObject({ field: 'effectiveFrom' });
    expect(day.json().messageEn).toContain('a valid date, YYYY-MM-DD');
    // zod's own English where no refinement of ours speaks, not a bare "invalid".
    const rate = await maker.post('/api/fee-refunds/policies', { ...jiangsu2025(), feeRateBp: '2%' });
    expect(rate.json()).toMatchObject({ field: 'feeRateBp' });
    expect(rate.json().messageEn).toMatch(/expected number/i);
    const unknown = await maker.post('/api/fee-refunds/policies', jiangsu2025({ regionCode: '329999' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'regionCode' });
  });

  it('lets another maker edit a draft, who then may not approve it; a draft can be discarded', async () => {
    const draft = await drafted(jiangsu2025({ effectiveFrom: '2031-01-01' }));
    const edited = await checker.put(`/api/fee-refunds/policies/${draft.id}`, {
      version: 1,
      policy: jiangsu2025({ effectiveFrom: '2031-01-01', feeRateBp: 150 }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<PolicyVersionView>()).toMatchObject({
      version: 2,
      draftedBy: { id: checker.id },
      policy: { feeRateBp: 150 },
    });
    expect((await checker.post(`/api/fee-refunds/policies/${draft.id}/activate`, { version: 2 })).statusCode).toBe(403);
    const stale = await maker.post(`/api/fee-refunds/policies/${draft.id}/discard`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const gone = await maker.post(`/api/fee-refunds/policies/${draft.id}/discard`, { version: 2 });
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await listed()).some((v) => v.id === draft.id)).toBe(false);
    expect(await auditActions(draft.id)).toEqual(['fee_policy.drafted', 'fee_policy.edited', 'fee_policy.discarded']);
  });

  it('keeps versions to the region: refusals without login, role or scope', async () => {
    const body = jiangsu2025({ effectiveFrom: '2032-01-01' });
    expect((await t.app.inject({ method: 'GET', url: '/api/fee-refunds/policies' })).statusCode).toBe(401);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/fee-refunds/policies', payload: body });
    expect([401, 403]).toContain(anonymous.statusCode);
    const judge = await newAccount(t, { role: 'judge', regionCode: '320000' });
    expect((await judge.get('/api/fee-refunds/policies')).statusCode).toBe(403);
    expect((await judge.post('/api/fee-refunds/policies', body)).statusCode).toBe(403);

    // A county's staff see the versions governing them and their own, not a neighbour's.
    const huqiu = await newAccount(t, { role: 'union_staff', regionCode: '320505' });
    const wuzhong = await newAccount(t, { role: 'union_staff', regionCode: '320506' });
    const own = await drafted({ ...body, regionCode: '320505' }, huqiu);
    expect((await huqiu.post('/api/fee-refunds/policies', { ...body, regionCode: '320500' })).statusCode).toBe(403);
    const seen = (await listed(wuzhong)).map((v) => v.id);
    expect(seen).toContain(JIANGSU_2020_2024.id);
    expect(seen).not.toContain(own.id);
    expect((await wuzhong.post(`/api/fee-refunds/policies/${own.id}/activate`, { version: 1 })).statusCode).toBe(404);
    // Zhongshan's staff cannot touch Jiangsu's versions at all.
    const zhongshan = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    expect((await zhongshan.post('/api/fee-refunds/policies', body)).statusCode).toBe(403);
    expect((await listed(zhongshan)).some((v) => v.policy.regionCode === '320000')).toBe(false);
  });
});
