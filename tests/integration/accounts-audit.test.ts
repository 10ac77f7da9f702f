import { eq, sql } from 'drizzle-orm';
import { auditLog } from '../../server/modules/audit/tables.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDayStart, shanghaiNextDayStart } from '../../web/src/app/format.js';
import { createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(() => t.close());

describe('accounts administration', () => {
  it('creates an account that can sign in with its role and region', async () => {
    const res = await admin.post('/api/accounts', {
      username: 'sz_union',
      password: 'Suzhou2026',
      displayName: '张伟',
      roles: ['union_staff'],
      regionCode: '320500',
      status: 'active',
    });
    expect(res.statusCode, res.body).toBe(200);
    const me = await loginAs(t.app, 'sz_union', 'Suzhou2026');
    const employers = (await me.get('/api/employers?pageSize=200')).json();
    expect(employers.items.every((e: { regionCode: string }) => e.regionCode.startsWith('3205'))).toBe(true);
  });

  it('disabling an account ends its sessions at once', async () => {
    const user = await loginAs(t.app, 'sz_union', 'Suzhou2026');
    const list = (await admin.get('/api/accounts?q=sz_union')).json();
    const acc = list.items[0];
    const res = await admin.put(`/api/accounts/${acc.id}`, {
      displayName: acc.displayName,
      roles: acc.roles,
      regionCode: acc.regionCode,
      status: 'disabled',
    });
    expect(res.statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sz_union', password: 'Suzhou2026' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('refuses weak passwords and duplicate usernames', async () => {
    const weak = await admin.post('/api/accounts', {
      username: 'weakling',
      password: 'abc',
      displayName: 'x',
      roles: ['worker'],
      regionCode: '442000',
      status: 'active',
    });
    expect(weak.json()).toMatchObject({ code: 'VALIDATION', field: 'password' });
    const dup = await admin.post('/api/accounts', {
      username: 'zs_union',
      password: 'Abcdef123',
      displayName: 'x',
      roles: ['worker'],
      regionCode: '442000',
      status: 'active',
    });
    expect(dup.statusCode).toBe(409);
  });
});

describe('audit trail', () => {
  it('is append-only in the database itself', async () => {
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      );
    expect(await refusal(t.deps.db.execute(sql`update audit_log set action = 'tampered'`))).toMatch(/append-only/);
    expect(await refusal(t.deps.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    const [count] = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, 'tampered'));
    expect(count!.n).toBe(0);
  });

  it('filters by action, entity and time and pages on the server', async () => {
    const all = (await admin.get('/api/audit?pageSize=5')).json();
    expect(all.items.length).toBeLessThanOrEqual(5);
    expect(all.total).toBeGreaterThan(5);
    const future = (
      await admin.get(`/api/audit?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`)
    ).json();
    expect(future.total).toBe(0);
    const created = (await admin.get('/api/audit?action=account.created')).json();
    expect(created.items.every((e: { action: string }) => e.action === 'account.created')).toBe(true);
    expect(created.items[0]).toHaveProperty('requestId');
    expect(JSON.stringify(created.items)).not.toMatch(/argon2/);
  });

  it('a period chosen on the audit page takes in its whole last day, to the microsecond, in China time', async () => {
    const entityId = 'audit-period-bounds';
    // The database keeps microseconds: the last entry falls after 23:59:59.999 of its day.
    await t.deps.db.execute(sql`
      insert into audit_log (at, action, entity_type, entity_id) values
        ('2020-04-30 23:59:59.999999+08', 'test.day_before', 'test', ${entityId}),
        ('2020-05-01 00:00:00+08', 'test.first_instant', 'test', ${entityId}),
        ('2020-05-03 23:59:59.9995+08', 'test.last_microseconds', 'test', ${entityId}),
        ('2020-05-04 00:00:00+08', 'test.day_after', 'test', ${entityId})`);
    // The bounds the audit page sends for 1–3 May 2020 (web/src/features/audit/filter.ts).
    const from = encodeURIComponent(shanghaiDayStart('2020-05-01'));
    const to = encodeURIComponent(shanghaiNextDayStart('2020-05-03'));
    const res = await admin.get(`/api/audit?entityId=${entityId}&from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((e: { action: string }) => e.action)).toEqual([
      'test.last_microseconds',
      'test.first_instant',
    ]);
  });
});

describe('organizations', () => {
  it('creates and updates an organization in the hierarchy, audited', async () => {
    const union = await loginAs(t.app, 'zs_union');
    const parent = (await union.get(`/api/organizations?q=${encodeURIComponent('中山市总工会')}`)).json().items[0];
    const created = await union.post('/api/organizations', {
      name: '中山市外卖骑手工会联合会',
      kind: 'joint',
      parentId: parent.id,
      regionCode: '442000',
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().parentName).toBe('中山市总工会');
    const updated = await union.put(`/api/organizations/${created.json().id}`, {
      name: '中山市新就业形态劳动者工会联合会',
      kind: 'joint',
      parentId: parent.id,
      regionCode: '442000',
    });
    expect(updated.json().name).toBe('中山市新就业形态劳动者工会联合会');
    const audit = (await admin.get(`/api/audit?entityId=${created.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'organization.updated',
      'organization.created',
    ]);
    expect(audit.items[0].before.name).toBe('中山市外卖骑手工会联合会');
  });

  it('serves the region tree lazily with the seed’s places', async () => {
    const provinces = (await admin.get('/api/regions')).json().items;
    expect(provinces.length).toBeGreaterThanOrEqual(31);
    const gd = (await admin.get('/api/regions?parent=440000')).json().items;
    expect(gd.find((r: { code: string }) => r.code === '442000').name).toBe('中山市');
    expect(gd.find((r: { code: string }) => r.code === '440100').childCount).toBeGreaterThan(5);
    expect(provinces.find((r: { code: string }) => r.code === '440000').childCount).toBeGreaterThan(15);
    for (const code of ['320000', '340111', '361100', '632800', '130000', '330521'])
      expect((await admin.get(`/api/regions/${code}`)).statusCode).toBe(200);
  });
});

describe('sign-in pauses in the accounts list', () => {
  it('shows an account paused by guessing from many addresses, and a password reset lifts the pause', async () => {
    const id = t.ids!.accountIds.get('zs_mediator6')!;
    for (let i = 0; i < 51; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zs_mediator6', password: `guess${i}pw` },
        remoteAddress: `10.40.${i >> 8}.${(i & 255) + 1}`,
      });
    }
    expect((await admin.get(`/api/accounts/${id}`)).json().locked).toBe(true);
    expect((await admin.post(`/api/accounts/${id}/password`, { password: 'Reset2026new' })).json().locked).toBe(false);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zs_mediator6', password: 'Reset2026new' },
      remoteAddress: '10.40.9.9',
    });
    expect(login.statusCode).toBe(200);
  });
});
