import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationRow } from '../../contracts/membership/api.js';
import type { MembershipReport } from '../../contracts/membership/reports.js';
import { HAIXI_FIGURES, writeMembershipDemo } from '../../server/seed/membership.js';
import { createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';
import { applyFromPhone, approveApplication, newApplicant } from '../support/membership.js';

// The membership demo as Haixi's union staff meet it (hx_union): the seed's figures — 7 unions
// built, 324 members, 12,471 workers insured, 69 recommended — counted from the rows, which move
// when a worker joins.

let t: TestApp;
let staff: Agent;
let seconds: number;
beforeAll(async () => {
  t = await createTestApp({ demoScale: 0.01 });
  const started = performance.now();
  await writeMembershipDemo(t.deps);
  seconds = (performance.now() - started) / 1000;
  staff = await loginAs(t.app, 'hx_union');
});
afterAll(() => t.close());

const report = async (query = '') => {
  const res = await staff.get(`/api/membership/reports?regionCode=632800${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MembershipReport>();
};

describe('the Haixi membership demo', () => {
  it('shows the seed’s figures, counted from the rows, in a few seconds of seeding', async () => {
    const r = await report();
    expect(r.totals).toMatchObject(HAIXI_FIGURES);
    expect(HAIXI_FIGURES).toEqual({ organizations: 7, members: 324, insured: 12_471, recommended: 69 });
    expect(r.byArea.map((a) => a.regionCode)).toContain('632801');
    expect(r.byArea.reduce((n, a) => n + a.members, 0)).toBe(324);
    expect(r.monthly).toHaveLength(12);
    expect(seconds).toBeLessThan(20);
  });

  it('has applications waiting in Haixi’s queue, and the figures move when one is approved', async () => {
    const queue = (await staff.get('/api/membership/applications?status=pending')).json<{ items: ApplicationRow[] }>();
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((i) => i.regionCode.startsWith('6328'))).toBe(true);
    const applied = await applyFromPhone(t, 'HX-RIDERS', newApplicant());
    expect(applied.statusCode, applied.body).toBe(200);
    await approveApplication(t, applied.json<{ applicationNo: string }>().applicationNo, staff);
    expect((await report()).totals.members).toBe(325);
  });

  it('shows an organiser’s login and the unions’ joining codes', async () => {
    const organiser = await loginAs(t.app, 'hx_organiser');
    expect((await organiser.get('/api/membership/applications')).statusCode).toBe(403);
    for (const code of ['HX-NEF', 'HX-COURIER', 'HX-RIDERS', 'HX-TRUCK', 'GEM-NEF', 'DLH-NEF', 'MY-NEF']) {
      const res = await staff.get(`/api/public/membership/organizations/${code}`);
      expect(res.statusCode, code).toBe(200);
    }
  });
});
