import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import {
  homeStudio,
  newAccount,
  newAdmin,
  newEmployer,
  newJudge,
  newMediator,
  type LoggedIn,
} from '../support/factories.js';

// Who keeps a mediator's profile: the mediator their own (declaring conflicts, never lifting
// one), the studio manager (disputes:manage) or an administrator of the mediator's region.

let t: TestApp;
let admin: Agent;
const agents: Record<string, LoggedIn> = {};
const employerIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  const studio = await homeStudio(t);
  agents.admin = admin = await newAdmin(t);
  agents.zs_mediator = await newMediator(t, { studio });
  agents.zs_mediator2 = await newMediator(t, { studio });
  agents.zs_judge = await newJudge(t);
  agents.zs_head = await newAccount(t, {
    roles: ['mediator', 'studio_manager'],
    regionCode: studio.regionCode,
    organizationId: studio.organizationId,
  });
  agents.js_mediator = await newAccount(t, { role: 'mediator', regionCode: '320000' });
  agents.js_head = await newAccount(t, { role: 'studio_manager', regionCode: '320000' });
  agents.js_admin = await newAccount(t, { role: 'system_admin', regionCode: '320000' });
  for (let n = 0; n < 2; n++) employerIds.push((await newEmployer(t)).id);
});
afterAll(() => t.close());

const id = (who: string) => agents[who]!.id;
const employer = (n: number) => employerIds[n]!;
const profile = (over: Partial<{ expertise: string[]; available: boolean; conflictEmployerIds: string[] }> = {}) => ({
  expertise: ['construction'],
  available: true,
  conflictEmployerIds: [],
  ...over,
});
const put = (who: string, accountId: string, body = profile()) =>
  agents[who]!.put(`/api/disputes/mediators/${accountId}/profile`, body);
const stored = async (accountId: string) =>
  (await admin.get('/api/disputes/mediators')).json().items.find((m: { id: string }) => m.id === accountId);

describe('mediator profiles', () => {
  it('a mediator keeps their own profile and declares a conflict', async () => {
    const res = await put(
      'zs_mediator',
      id('zs_mediator'),
      profile({ expertise: ['wage_arrears'], available: false, conflictEmployerIds: [employer(0)] }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored(id('zs_mediator'))).toMatchObject({
      expertise: ['wage_arrears'],
      available: false,
      conflictEmployerIds: [employer(0)],
    });
  });

  it('a mediator cannot lift their own declared conflict', async () => {
    const res = await put('zs_mediator', id('zs_mediator'), profile({ conflictEmployerIds: [] }));
    expect(res.statusCode).toBe(403);
    expect(res.json().field).toBe('conflictEmployerIds');
    expect((await stored(id('zs_mediator'))).conflictEmployerIds).toEqual([employer(0)]);
  });

  it('a mediator cannot edit another mediator’s profile, in the studio or elsewhere', async () => {
    const same = await put('zs_mediator2', id('zs_mediator'), profile({ conflictEmployerIds: [] }));
    expect(same.statusCode).toBe(403);
    expect(same.json().message).toContain('只能修改自己的资料');
    expect((await put('js_mediator', id('zs_mediator'))).statusCode).toBe(403);
    expect((await stored(id('zs_mediator'))).conflictEmployerIds).toEqual([employer(0)]);
  });

  it('an unknown or non-mediator account answers 404 naming it', async () => {
    for (const target of ['00000000-0000-4000-8000-000000000000', id('zs_judge')]) {
      const res = await put('zs_head', target);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND', field: 'accountId' });
    }
  });

  it('a declared conflict must name an existing employer', async () => {
    const res = await put(
      'zs_mediator2',
      id('zs_mediator2'),
      profile({ conflictEmployerIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('conflictEmployerIds');
  });

  it('the studio manager of the region edits the profile and lifts the conflict, audited', async () => {
    const res = await put('zs_head', id('zs_mediator'), profile({ available: true, conflictEmployerIds: [] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored(id('zs_mediator'))).toMatchObject({ available: true, conflictEmployerIds: [] });
    const audit = (await admin.get(`/api/audit?action=mediator.profile_updated&entityId=${id('zs_mediator')}`)).json()
      .items;
    expect(audit[0].before.conflictEmployerIds).toEqual([employer(0)]);
    expect(audit[0].after.conflictEmployerIds).toEqual([]);
  });

  it('nobody lifts their own conflict, not even a studio manager', async () => {
    expect((await put('zs_head', id('zs_head'), profile({ conflictEmployerIds: [employer(1)] }))).statusCode).toBe(200);
    expect((await put('zs_head', id('zs_head'), profile())).statusCode).toBe(403);
    expect((await put('admin', id('zs_head'), profile())).statusCode).toBe(200);
  });

  it('a manager or administrator of another region is refused', async () => {
    for (const who of ['js_head', 'js_admin']) {
      const res = await put(who, id('zs_mediator'));
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('管辖区域');
    }
    expect((await put('js_head', id('js_mediator'))).statusCode).toBe(200);
  });

  it('judges keep out of the profiles altogether', async () => {
    expect((await put('zs_judge', id('zs_mediator'))).statusCode).toBe(403);
    expect((await agents.zs_judge!.get('/api/disputes/mediators')).statusCode).toBe(403);
  });
});
