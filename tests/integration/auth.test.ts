import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, createTestApp, loginAs, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign in and sessions', () => {
  it('sets an HttpOnly SameSite session cookie and returns the user with a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zs_mediator', password: 'Yizhan2026' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'yz_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.roles).toEqual(['mediator']);
    expect(body.regionCode).toBe('442000');
    expect(body.regionName).toBe('广东省中山市');
    expect(body.csrfToken).toMatch(/.{20,}/);
  });

  it('refuses a wrong password with a bilingual message and no hint whether the user exists', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zs_judge', password: 'nope12345' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope12345' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json()).toMatchObject({
      code: 'BAD_CREDENTIALS',
      message: '用户名或密码错误',
      messageEn: 'Wrong username or password',
    });
    expect(wrong.json().requestId).toBeTruthy();
  });

  it('pauses sign-in after repeated failures from one address, even for the right password, until the pause ends', async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zs_clerk', password: `wrong${i}xx` },
        remoteAddress: '10.0.0.1',
      });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zs_clerk', password: 'Yizhan2026' },
      remoteAddress: '10.0.0.1',
    });
    // The same answer as a wrong password (an unknown name is paused alike), saying for how long.
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toMatchObject({ code: 'BAD_CREDENTIALS', message: expect.stringContaining('暂停登录') });
    t.clock.now = new Date(Date.now() + 16 * 60_000);
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zs_clerk', password: 'Yizhan2026' },
      remoteAddress: '10.0.0.1',
    });
    t.clock.now = new Date();
    expect(later.statusCode).toBe(200);
  });

  it('rate-limits failed login attempts from one address across names', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `ghost${i}`, password: 'x1234567' },
        remoteAddress: '10.9.9.9',
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429]);
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const a = await loginAs(t.app, 'zs_union');
    const withoutToken = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Yizhan2026', newPassword: 'Changed2026' },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('CSRF');
  });

  it('changes the password, ends other sessions and keeps the current one', async () => {
    const first = await loginAs(t.app, 'baohe_union');
    const second = await loginAs(t.app, 'baohe_union');
    const weak = await first.post('/api/auth/password', { currentPassword: 'Yizhan2026', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('newPassword');
    const ok = await first.post('/api/auth/password', { currentPassword: 'Yizhan2026', newPassword: 'Baohe2026new' });
    expect(ok.statusCode).toBe(200);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    await loginAs(t.app, 'baohe_union', 'Baohe2026new');
  });

  it('logs out: the cookie no longer opens a session', async () => {
    const a = await loginAs(t.app, 'hf_station');
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('records logins in the audit trail', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await admin.get('/api/audit?action=auth.login&pageSize=50');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.some((e: { actorName: string }) => e.actorName === '黄丽华')).toBe(true);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await agent(t.app).get('/api/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});
