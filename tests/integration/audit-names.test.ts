import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { newAdmin, newMediator, type LoggedIn } from '../support/factories.js';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  admin = await newAdmin(t);
});
afterAll(() => t.close());

interface Row {
  action: string;
  actorName: string | null;
  actorAccountId: string | null;
  regionCode: string | null;
  regionName: string | null;
}

describe('the audit log names who and where', () => {
  it('a row gives the region by its full name beside its code, and the actor by the display name', async () => {
    const mediator = await newMediator(t, { displayName: '何晓彤' });
    const person = await mediator.post('/api/people', { name: '审计区划测试', regionCode: '442000' });
    expect(person.statusCode, person.body).toBe(200);

    const res = await admin.get(`/api/audit?action=person.created&actor=${encodeURIComponent('何晓彤')}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json<{ items: Row[] }>().items;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorName: '何晓彤',
      actorAccountId: mediator.id,
      regionCode: '442000',
      regionName: expect.stringContaining('中山市'),
    });
  });
});
