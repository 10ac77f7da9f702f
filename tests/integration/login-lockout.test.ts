import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/modules/audit/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { FACTORY_PASSWORD, newAccount, newCourt } from '../support/factories.js';

// Sign-in limits (see server/modules/auth/login-limits.ts): 5 failures per account and address,
// 20 per address across names, 50 per account across addresses; every refusal answers alike.

let t: TestApp;
const PASSWORD = FACTORY_PASSWORD;
const accountIds = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  const court = await newCourt(t);
  // One account per scenario, so no test's failures count against another's.
  for (const [username, role] of [
    ['zs_mediator2', 'mediator'],
    ['zs_mediator3', 'mediator'],
    ['zs_mediator4', 'mediator'],
    ['zs_mediator5', 'mediator'],
    ['zs_judge2', 'judge'],
    ['zs_judge3', 'judge'],
    ['zs_clerk', 'court_clerk'],
  ] as const)
    accountIds.set(
      username,
      (await newAccount(t, { username, role, courtId: role === 'mediator' ? undefined : court.id })).id,
    );
  accountIds.set(
    'js_union',
    (await newAccount(t, { username: 'js_union', role: 'union_staff', regionCode: '320000' })).id,
  );
});
afterAll(() => t.close());
afterEach(() => {
  t.clock.now = new Date();
});

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
const accountId = (username: string) => accountIds.get(username)!;
const auditCount = async (action: string, entityId: string) => {
  const [row] = await t.deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return row!.n;
};
/** What a caller sees of an answer, without the request id. */
const seen = (res: Awaited<ReturnType<typeof login>>) => {
  const { requestId, ...body } = res.json();
  expect(requestId).toBeTruthy();
  return { status: res.statusCode, body };
};

describe('sign-in lockout', () => {
  it('sixty concurrent wrong passwords check at most five against the password, then lock', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login('zs_mediator2', `wrong${i}pw`, '10.20.0.1')),
    );
    // The plain wrong-password answer means the password was checked; every other answer is a pause.
    const checked = answers.filter((r) => r.json().message === '用户名或密码错误');
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(answers.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    expect(await auditCount('auth.login_failed', accountId('zs_mediator2'))).toBe(checked.length);
    expect(await auditCount('auth.locked', accountId('zs_mediator2'))).toBe(1);
    // Even the right password is refused from that address now, but not from elsewhere.
    expect((await login('zs_mediator2', PASSWORD, '10.20.0.1')).statusCode).not.toBe(200);
    expect((await login('zs_mediator2', PASSWORD, '10.20.0.2')).statusCode).toBe(200);
  });

  it('answers an unknown name exactly like an existing one, through the lock', async () => {
    for (let i = 0; i < 7; i++) {
      const known = seen(await login('zs_judge2', `wrong${i}pw`, '10.20.1.1'));
      const unknown = seen(await login('no_such_user', `wrong${i}pw`, '10.20.1.2'));
      expect(unknown).toEqual(known);
      expect(known.status).toBe(401);
      expect(known.body.code).toBe('BAD_CREDENTIALS');
    }
    // The lock answer says for how long sign-in is paused, in both languages.
    const locked = seen(await login('zs_judge2', PASSWORD, '10.20.1.1'));
    expect(locked).toEqual(seen(await login('no_such_user', PASSWORD, '10.20.1.2')));
    expect(locked.body.message).toMatch(/15 分钟/);
    expect(locked.body.messageEn).toMatch(/15 minute/);
  });

  it('a lock from one address does not keep the real user out from another', async () => {
    for (let i = 0; i < 6; i++) await login('zs_clerk', `wrong${i}pw`, '10.20.2.1');
    expect((await login('zs_clerk', PASSWORD, '10.20.2.1')).statusCode).toBe(401);
    expect((await login('zs_clerk', PASSWORD, '10.20.2.2')).statusCode).toBe(200);
    // The lock ends by itself.
    t.clock.now = new Date(Date.now() + 16 * 60_000);
    expect((await login('zs_clerk', PASSWORD, '10.20.2.1')).statusCode).toBe(200);
  });

  it('a successful sign-in clears the failures counted for that account and address', async () => {
    for (let i = 0; i < 4; i++) await login('zs_mediator3', `wrong${i}pw`, '10.20.3.1');
    expect((await login('zs_mediator3', PASSWORD, '10.20.3.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('zs_mediator3', `again${i}pw`, '10.20.3.1')).statusCode).toBe(401);
    expect((await login('zs_mediator3', PASSWORD, '10.20.3.1')).statusCode).toBe(200);
  });

  it('guessing from many addresses locks the account for everyone after 50 failures', async () => {
    for (let i = 0; i < 49; i++)
      expect((await login('zs_mediator4', `guess${i}pw`, `10.21.0.${i + 1}`)).statusCode).toBe(401);
    // Below the limit the real user still signs in (and that success does not count).
    expect((await login('zs_mediator4', PASSWORD, '10.21.1.1')).statusCode).toBe(200);
    await login('zs_mediator4', 'guess49pw', '10.21.0.50');
    expect(await auditCount('auth.locked', accountId('zs_mediator4'))).toBe(1);
    const refused = await login('zs_mediator4', PASSWORD, '10.21.1.2');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toMatch(/暂停登录/);
    t.clock.now = new Date(Date.now() + 61 * 60_000);
    expect((await login('zs_mediator4', PASSWORD, '10.21.1.3')).statusCode).toBe(200);
  });

  it('limits one address trying many names, without counting its successful sign-ins', async () => {
    for (let i = 0; i < 19; i++) expect((await login(`ghost${i}`, 'x1234567', '10.22.0.1')).statusCode).toBe(401);
    for (const name of ['zs_mediator5', 'zs_judge3', 'js_union'])
      expect((await login(name, PASSWORD, '10.22.0.1')).statusCode).toBe(200);
    expect((await login('ghost19', 'x1234567', '10.22.0.1')).statusCode).toBe(401);
    const flooded = await login('ghost20', 'x1234567', '10.22.0.1');
    expect(flooded.statusCode).toBe(429);
    expect(flooded.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await login('zs_mediator5', PASSWORD, '10.22.0.1')).statusCode).toBe(429);
    // Another address is not affected.
    expect((await login('zs_mediator5', PASSWORD, '10.22.0.2')).statusCode).toBe(200);
  });
});
