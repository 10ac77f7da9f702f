import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUscc } from '../../server/core/identifiers/uscc.js';
import { feeCollections, feeEnterprises } from '../../server/modules/fee-refunds/tables.js';
import { employers } from '../../server/modules/employers/tables.js';
import { FEE_DEMO_ENTERPRISES, generateFeeDemo, writeFeeDemo } from '../../server/seed/fee-refunds.js';
import type { FeeBalance, FeeBatch, FeeLine, FeeRun } from '../../contracts/fee-refunds/runs.js';
import type { FeeReconciliation } from '../../contracts/fee-refunds/responses.js';
import type { FeeStats } from '../../contracts/fee-refunds/stats.js';
import type { Page } from '../../contracts/paging.js';
import { writeFeeRefundCycleDemo } from '../../server/seed/fee-refund-cycle.js';
import { createTestApp, loginAs, type TestApp } from '../support/app.js';

// The fee-refund part of the demo data: Jiangsu's registry and 2024 collections, loaded into a
// fresh database through the module's commit paths, then read back from the database and the page's API.

let t: TestApp;
let written: { enterprises: number; collections: number };
let seconds: number;
let cycleSeconds: number;
const data = generateFeeDemo();
beforeAll(async () => {
  t = await createTestApp({ demoScale: 0.01 });
  const started = Date.now();
  written = await writeFeeDemo(t.deps, data);
  seconds = (Date.now() - started) / 1000;
  console.log(`fee-refund demo written in ${seconds.toFixed(2)} s`);
  const cycleStarted = Date.now();
  await writeFeeRefundCycleDemo(t.deps, data);
  cycleSeconds = (Date.now() - cycleStarted) / 1000;
  console.log(`fee-refund demo cycle written in ${cycleSeconds.toFixed(2)} s`);
}, 120_000);
afterAll(() => t.close());

describe('the fee-refund demo data', () => {
  it('is the same every time', () => {
    expect(generateFeeDemo()).toEqual(generateFeeDemo());
  });

  it('registers every enterprise in the employers register and the registry, with twelve collections each', async () => {
    expect(written).toEqual({ enterprises: FEE_DEMO_ENTERPRISES, collections: FEE_DEMO_ENTERPRISES * 12 });
    const [counts] = await t.deps.db
      .select({
        profiles: sql<number>`(select count(*)::int from ${feeEnterprises})`,
        jiangsuEmployers: sql<number>`(select count(*)::int from ${employers} e join ${feeEnterprises} f on f.employer_id = e.id)`,
        collections: sql<number>`(select count(*)::int from ${feeCollections})`,
        tickets: sql<number>`(select count(distinct e_ticket_no)::int from ${feeCollections})`,
        perEnterprise: sql<
          number[]
        >`(select array_agg(distinct n) from (select count(*)::int n from ${feeCollections} group by uscc) x)`,
        regions: sql<number>`(select count(distinct region_code)::int from ${feeEnterprises})`,
      })
      .from(sql`(select 1) one`);
    expect(counts).toEqual({
      profiles: 300,
      jiangsuEmployers: 300,
      collections: 3600,
      tickets: 3600,
      perEnterprise: [12],
      regions: expect.any(Number),
    });
    expect(counts!.regions).toBeGreaterThanOrEqual(8);
  });

  it('holds valid USCCs of Jiangsu regions, at least three size classes and all three union states', async () => {
    const rows = await t.deps.db
      .select({
        uscc: employers.uscc,
        regionCode: feeEnterprises.regionCode,
        sizeClass: feeEnterprises.sizeClass,
        hasUnion: feeEnterprises.hasUnion,
        unionAccountNo: feeEnterprises.unionAccountNo,
        unionBankCode: feeEnterprises.unionBankCode,
        payingAccountNo: feeEnterprises.payingAccountNo,
      })
      .from(feeEnterprises)
      .innerJoin(employers, sql`${employers.id} = ${feeEnterprises.employerId}`);
    for (const r of rows) {
      expect(validateUscc(r.uscc), r.uscc).toEqual({ ok: true });
      expect(r.uscc.slice(2, 4)).toBe('32');
      expect(r.uscc.slice(2, 8)).toBe(r.regionCode);
      expect(r.payingAccountNo).toMatch(/^\d{10,30}$/);
      if (r.unionBankCode) expect(r.unionBankCode).toMatch(/^\d{12}$/);
    }
    const classes = new Map<string | null, number>();
    for (const r of rows) classes.set(r.sizeClass, (classes.get(r.sizeClass) ?? 0) + 1);
    expect([...classes.keys()].filter((c) => c !== null).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.hasUnion && r.unionAccountNo).length).toBeGreaterThan(150);
    expect(rows.some((r) => r.hasUnion && !r.unionAccountNo)).toBe(true);
    expect(rows.some((r) => !r.hasUnion)).toBe(true);
    expect(rows.some((r) => r.payingAccountNo!.startsWith('0'))).toBe(true);
  });

  it('collects 2% of each wage base, exact in fen, with the county tax office and a treasury date after the period', async () => {
    const [sums] = await t.deps.db
      .select({
        base: sql<string>`sum(wage_base_fen)::text`,
        paid: sql<string>`sum(paid_fen)::text`,
        inexact: sql<number>`count(*) filter (where paid_fen * 10000 <> wage_base_fen * rate_bp)::int`,
        otherRate: sql<number>`count(*) filter (where rate_bp <> 200)::int`,
        early: sql<number>`count(*) filter (where treasury_date <= period_to)::int`,
        offices: sql<number>`count(distinct tax_office_name)::int`,
      })
      .from(feeCollections);
    expect(sums!.inexact).toBe(0);
    expect(sums!.otherRate).toBe(0);
    expect(sums!.early).toBe(0);
    expect(BigInt(sums!.paid) * 50n).toBe(BigInt(sums!.base));
    expect(sums!.offices).toBeGreaterThanOrEqual(8);
    const xuanwu = await t.deps.db
      .selectDistinct({ office: feeCollections.taxOfficeName })
      .from(feeCollections)
      .where(sql`${feeCollections.regionCode} = '320102'`);
    expect(xuanwu).toEqual([{ office: '国家税务总局南京市玄武区税务局' }]);
  });

  it('shows the registry on js_union’s fee-refund page', async () => {
    const js = await loginAs(t.app, 'js_union');
    const res = await js.get('/api/fee-refunds/enterprises?pageSize=20');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ total: number }>().total).toBe(300);
  });

  it('loads in a few seconds', () => {
    expect(seconds).toBeLessThan(20);
  });

  it('has a year in motion: months computed, approved by two people, paid, two returned, one short credit', async () => {
    const js = await loginAs(t.app, 'js_union');
    const runs = (await js.get('/api/fee-refunds/runs?pageSize=50')).json<Page<FeeRun>>();
    expect(runs.items.map((r) => r.month).sort()).toEqual(
      ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2024-${m}`),
    );
    const batches = (await js.get('/api/fee-refunds/batches?pageSize=100')).json<Page<FeeBatch>>().items;
    expect(batches.every((b) => b.status === 'closed')).toBe(true);
    for (const b of batches) expect(b.submittedBy).not.toBe(b.approvedBy);
    const returned = (await js.get('/api/fee-refunds/lines?state=returned')).json<Page<FeeLine>>();
    expect(returned.items.map((l) => l.payments.at(-1)!.reasonCode).sort()).toEqual(['AC04', 'BE01']);
    const january = (
      await js.get('/api/fee-refunds/reconciliation?from=2025-01-01&to=2025-01-31&pageSize=100')
    ).json<FeeReconciliation>();
    expect(january.totals.groups.difference).toBe(1);
    expect(january.totals.differenceFen).toBe(-100);
    const balance = (await js.get('/api/fee-refunds/balance?regionCode=320000&year=2024')).json<FeeBalance>();
    expect(balance.differenceFen).toBe(0);
    expect(balance.refundedFen).toBeGreaterThan(0);
    expect(balance.pending.heldFen).toBeGreaterThan(0);
    const stats = (await js.get('/api/fee-refunds/stats?regionCode=320000&year=2024')).json<FeeStats>();
    expect(stats.total.rateByCount).toBeGreaterThan(0.98);
    expect(stats.total.rateByCount).toBeLessThan(1);
    expect(stats.total.rateByAmount).toBeGreaterThan(0.98);
    expect(cycleSeconds).toBeLessThan(30);
  });

  it('leaves December for its users: computing it takes the reconciled offices and lists the short one', async () => {
    const js = await loginAs(t.app, 'js_union');
    const res = await js.post('/api/fee-refunds/runs', { regionCode: '320000', month: '2025-01' });
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json<FeeRun>();
    expect(run.skipped.unreconciled).toBeGreaterThan(0);
    expect(run.collections).toBeGreaterThan(200);
    expect(run.batches.every((b) => b.lines > 0)).toBe(true);
  });
});
