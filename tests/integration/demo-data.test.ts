import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../server/seed/demo.js';
import { createTestApp, DEMO_PASSWORD, loginAs, type TestApp } from '../support/app.js';
import { actOn, constructionIntake } from '../support/disputes.js';

// The one file whose subject is the demo data set: it loads, the logins printed at start work,
// and the demo phone shows what was "sent". Every other integration file builds its own state
// with tests/support/factories.ts, so a change of the demo breaks only this file (and
// disputes-stats, which checks the demo's historic figures).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: 0.05 });
});
afterAll(() => t.close());

describe('the demo data set', () => {
  it('loads its organizations, courts, studios, employers, people and accounts', () => {
    const ids = t.ids!;
    for (const rows of [ids.orgIds, ids.courtIds, ids.studioIds, ids.employerIds, ids.personIds, ids.accountIds])
      expect(rows.size).toBeGreaterThan(0);
    expect(ids.studioId).toBe(ids.studioIds.get('zs'));
  });

  it('every login printed at start signs in with the demo password', async () => {
    expect(DEMO_LOGINS.password).toBe(DEMO_PASSWORD);
    expect(DEMO_LOGINS.accounts.length).toBeGreaterThan(0);
    for (const { username } of DEMO_LOGINS.accounts) {
      const me = await (await loginAs(t.app, username)).get('/api/auth/me');
      expect(me.statusCode, username).toBe(200);
    }
  });

  it('the demo mediator registers a case for the demo court, and the demo phone shows the employer link', async () => {
    t.clock.now = new Date('2025-06-09T02:00:00Z');
    const mediator = await loginAs(t.app, 'zs_mediator');
    const created = await mediator.post('/api/disputes', constructionIntake(t, { sequence: 901 }));
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().caseNumber).toMatch(/^粤中工调〔2025〕\d{6}号$/);
    await actOn(mediator, created.json().id, 'start_consultation');
    expect(
      (await actOn(mediator, created.json().id, 'contact_employer', { channel: 'sms', reached: true })).statusCode,
    ).toBe(200);
    const phone = await t.app.inject({ method: 'GET', url: '/api/public/demo-phone?to=13800002222' });
    expect(phone.statusCode).toBe(200);
    expect(
      phone
        .json()
        .items.map((m: { body: string }) => m.body)
        .join(),
    ).toMatch(/\/e\/[A-Za-z0-9_-]{16,}/);
  });
});
