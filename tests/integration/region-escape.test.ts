import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';

// A regional administrator (Jiangsu) must not reach Zhongshan through an account's links,
// nor change the nationwide settings that drive every case's statutory clocks.

let t: TestApp;
let admin: Agent;
let jsAdmin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  const created = await admin.post('/api/accounts', {
    username: 'js_admin',
    password: 'Jiangsu2026',
    displayName: '江苏省 · 系统管理员',
    roles: ['system_admin'],
    regionCode: '320000',
  });
  expect(created.statusCode, created.body).toBe(200);
  jsAdmin = await loginAs(t.app, 'js_admin', 'Jiangsu2026');
});
afterAll(() => t.close());

const zs = {
  employerId: () => t.ids!.employerIds.get('anchor-employer')!,
  courtId: () => t.ids!.courtIds.get('粤2071')!,
  organizationId: () => t.ids!.orgIds.get('c442000')!,
  personId: () => t.ids!.personIds.get('442000-p1')!,
};
const jsEmployer = () => [...t.ids!.employerIds.entries()].find(([k]) => k.startsWith('320102-'))![1];
let n = 0;
const account = (extra: Record<string, unknown>) => ({
  username: `js_acc${++n}`,
  password: 'Jiangsu2026',
  displayName: `江苏测试账号 ${n}`,
  roles: ['employer_agent'],
  regionCode: '320000',
  ...extra,
});

describe('a regional administrator stays in its region', () => {
  it.each([
    ['employerId', 'employer_agent'],
    ['courtId', 'judge'],
    ['organizationId', 'union_staff'],
    ['personId', 'worker'],
  ] as const)('cannot create an account linked to another region’s %s', async (field, role) => {
    const body = account({ roles: [role], [field]: zs[field]() });
    const res = await jsAdmin.post('/api/accounts', body);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', field });
    expect(res.json().message).toContain('不在您的管辖区域内');
    // Nothing was created: the account cannot sign in.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: body.username, password: 'Jiangsu2026' },
      remoteAddress: '10.30.0.1',
    });
    expect(login.statusCode).toBe(401);
  });

  it('cannot add such a link to an existing account of its region', async () => {
    const created = await jsAdmin.post('/api/accounts', account({ roles: ['judge'], regionCode: '320100' }));
    expect(created.statusCode, created.body).toBe(200);
    const acc = created.json();
    const res = await jsAdmin.put(`/api/accounts/${acc.id}`, {
      displayName: acc.displayName,
      roles: ['judge'],
      regionCode: '320100',
      courtId: zs.courtId(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().field).toBe('courtId');
    expect((await jsAdmin.get(`/api/accounts/${acc.id}`)).json().courtId).toBeNull();
    // The account's own region cannot leave Jiangsu either.
    expect(
      (
        await jsAdmin.put(`/api/accounts/${acc.id}`, {
          displayName: acc.displayName,
          roles: ['judge'],
          regionCode: '442000',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('answers an unknown link with 400 naming the field, not 500', async () => {
    for (const field of ['employerId', 'courtId', 'organizationId', 'personId']) {
      const res = await jsAdmin.post('/api/accounts', account({ [field]: '00000000-0000-4000-8000-000000000000' }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', field });
    }
  });

  it('links a record of its own region, and keeps the account within that record’s region', async () => {
    const wider = await jsAdmin.post('/api/accounts', account({ employerId: jsEmployer(), regionCode: '320000' }));
    expect(wider.statusCode).toBe(400);
    expect(wider.json().field).toBe('regionCode');
    const ok = await jsAdmin.post('/api/accounts', account({ employerId: jsEmployer(), regionCode: '320102' }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().employerId).toBe(jsEmployer());
  });

  it('leaves the nationwide administrator free to link any region, consistently', async () => {
    const judge = await admin.post(
      '/api/accounts',
      account({ roles: ['judge'], regionCode: '442000', courtId: zs.courtId() }),
    );
    expect(judge.statusCode, judge.body).toBe(200);
    const mismatched = await admin.post(
      '/api/accounts',
      account({ roles: ['judge'], regionCode: '320000', courtId: zs.courtId() }),
    );
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json().field).toBe('regionCode');
  });
});

describe('nationwide settings', () => {
  it('refuses the calendar and the joint-mediation triggers to a regional administrator', async () => {
    const before = (await admin.get('/api/disputes/settings/joint-mediation')).json();
    const joint = await jsAdmin.put('/api/disputes/settings/joint-mediation', {
      minWorkers: 1,
      minClaimFen: 0,
      onMediatorRequest: true,
    });
    expect(joint.statusCode).toBe(403);
    expect(joint.json().message).toContain('全国系统管理员');
    expect(joint.json().messageEn).toContain('nationwide administrator');
    const calendar = await jsAdmin.put('/api/disputes/calendar-overrides', {
      date: '2026-10-09',
      kind: 'holiday',
      note: '越权放假',
    });
    expect(calendar.statusCode).toBe(403);
    expect((await admin.get('/api/disputes/settings/joint-mediation')).json()).toEqual(before);
    expect(
      (await admin.get('/api/disputes/calendar-overrides'))
        .json()
        .items.some((o: { date: string }) => o.date === '2026-10-09'),
    ).toBe(false);
  });

  it('lets the nationwide administrator change them', async () => {
    expect(
      (
        await admin.put('/api/disputes/settings/joint-mediation', {
          minWorkers: 12,
          minClaimFen: 0,
          onMediatorRequest: true,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await admin.put('/api/disputes/calendar-overrides', { date: '2026-10-09', kind: 'holiday', note: '台风停工' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await admin.get('/api/disputes/calendar-overrides'))
        .json()
        .items.some((o: { date: string }) => o.date === '2026-10-09'),
    ).toBe(true);
  });

  it('no longer shows the triggers to a visitor without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/disputes/settings/joint-mediation' })).statusCode).toBe(401);
  });
});
