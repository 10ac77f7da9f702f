import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberRecord } from '../../contracts/membership/api.js';
import type { MembershipReport } from '../../contracts/membership/reports.js';
import { addDays, todayInChina } from '../../contracts/dates.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import {
  HAIXI,
  membershipStaff,
  newMember,
  newUnionOrganization,
  type UnionOrganization,
} from '../support/membership.js';

// The dashboard's figures for a region, counted from the rows as of a day: unions built, members
// on the register (joined by then, not yet left), and by area one level down.

let t: TestApp;
let staff: LoggedIn;
let golmud: UnionOrganization;
let delingha: UnionOrganization;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  // 10:00 in China: the minutes the phones' codes move the clock on never cross midnight.
  t.clock.now = new Date(`${todayInChina(new Date())}T02:00:00Z`);
  staff = await membershipStaff(t, HAIXI);
  golmud = await newUnionOrganization(t, { regionCode: '632801' });
  delingha = await newUnionOrganization(t, { regionCode: '632802', kind: 'industry' });
  await newUnionOrganization(t, { regionCode: '632802', kind: 'grassroots' });
});
afterAll(() => t.close());

const report = async (query = '', by: LoggedIn = staff) => {
  const res = await by.get(`/api/membership/reports?regionCode=${HAIXI}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MembershipReport>();
};

describe('the membership figures', () => {
  it('counts joint and industry unions, and members by county as of a day', async () => {
    await newMember(t, { organization: golmud });
    await newMember(t, { organization: golmud });
    const leaving = await newMember(t, { organization: delingha });
    const today = todayInChina(t.clock.now);
    let r = await report();
    expect(r.totals).toMatchObject({ organizations: 2, members: 3, insured: 0, recommended: 0 });
    expect(r.byArea.map((a) => [a.regionCode, a.organizations, a.members])).toEqual([
      ['632801', 1, 2],
      ['632802', 1, 1],
    ]);
    expect(r.monthly.at(-1)).toMatchObject({ month: today.slice(0, 7), joined: 3 });
    // As of yesterday nobody had joined yet.
    const yesterday = await report(`&asOf=${addDays(today, -1)}`);
    expect(yesterday.totals.members).toBe(0);
    // A member who leaves today is not on the register today.
    const record = (await staff.get(`/api/membership/members/${leaving.membershipId}`)).json<MemberRecord>();
    await staff.post(`/api/membership/members/${leaving.membershipId}/leave`, {
      expectedVersion: record.version,
      reason: 'own_request',
      on: today,
    });
    r = await report();
    expect(r.totals.members).toBe(2);
    expect(r.monthly.at(-1)).toMatchObject({ joined: 3, left: 1 });
  });

  it('groups a province by its cities and the whole country by province', async () => {
    const qinghai = await newAccount(t, { role: 'union_staff', regionCode: '630000' });
    const province = (await qinghai.get('/api/membership/reports')).json<MembershipReport>();
    expect(province.byArea.map((a) => a.regionCode)).toEqual(['632800']);
    expect(province.totals.organizations).toBe(2);
    const admin = await newAccount(t, { role: 'system_admin', regionCode: null });
    const country = await admin.get('/api/membership/reports');
    expect(country.statusCode, country.body).toBe(200);
    expect(country.json<MembershipReport>().byArea.map((a) => a.regionCode)).toEqual(['630000']);
  });

  it('refuses a day in the future, another region’s figures and the wrong roles', async () => {
    const future = await staff.get(`/api/membership/reports?asOf=${addDays(todayInChina(t.clock.now), 1)}`);
    expect(future.statusCode).toBe(400);
    expect(future.json().field).toBe('asOf');
    const zhongshan = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    expect((await zhongshan.get(`/api/membership/reports?regionCode=${HAIXI}`)).statusCode).toBe(403);
    expect((await zhongshan.get('/api/membership/reports')).json<MembershipReport>().totals.members).toBe(0);
    for (const role of ['worker', 'union_organiser', 'mediator'] as const) {
      const a = await newAccount(t, { role, regionCode: HAIXI });
      expect((await a.get('/api/membership/reports')).statusCode, role).toBe(403);
    }
  });
});
