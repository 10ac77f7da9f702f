import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../contracts/dates.js';
import type { Recommendation, RecommendationCounts } from '../../contracts/membership/recommendations.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import { GOLMUD, HAIXI, membershipStaff, newMember, newUnionOrganization } from '../support/membership.js';

// 推优入党: a member nominated once a year, reviewed by staff other than the nominator, the party
// organization's decision recorded after an endorsement; every step at the version read.

const API = '/api/membership/recommendations';
const REASONS = '连续两年服务之星，积极参与新就业形态劳动者权益维护志愿服务';

let t: TestApp;
let nominator: LoggedIn;
let reviewer: LoggedIn;
let zhongshan: LoggedIn;
let organization: Awaited<ReturnType<typeof newUnionOrganization>>;
let today: string;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  nominator = await membershipStaff(t, HAIXI);
  reviewer = await newAccount(t, { role: 'union_staff', regionCode: HAIXI });
  zhongshan = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
  organization = await newUnionOrganization(t, { regionCode: GOLMUD });
  today = todayInChina(t.deps.now());
});
afterAll(() => t.close());

async function nominated(by: Agent = nominator): Promise<Recommendation> {
  const member = await newMember(t, { organization });
  const res = await by.post(API, { membershipId: member.membershipId, reasons: REASONS });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Recommendation>();
}

const reviewOf = (r: Recommendation, decision: 'endorse' | 'decline', version = r.version) => ({
  decision,
  note: decision === 'endorse' ? '同意推荐，报送党组织' : '材料不足',
  version,
});

async function counts(a: Agent): Promise<RecommendationCounts> {
  const res = await a.get(`${API}/counts`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RecommendationCounts>();
}

describe('membership recommendations', () => {
  it('nominates an active member once a year', async () => {
    const member = await newMember(t, { organization });
    const res = await nominator.post(API, { membershipId: member.membershipId, reasons: REASONS });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      membershipId: member.membershipId,
      memberNo: member.memberNo,
      name: member.name,
      organizationId: organization.id,
      year: Number(today.slice(0, 4)),
      status: 'nominated',
      nominatedBy: nominator.id,
      version: 1,
    });
    const again = await reviewer.post(API, { membershipId: member.membershipId, reasons: REASONS });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      field: 'membershipId',
      message: expect.stringContaining('每人每年只能推荐一次'),
      messageEn: expect.stringContaining('once a year'),
    });
    const short = await nominator.post(API, { membershipId: member.membershipId, reasons: '很好' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ field: 'reasons' });
  });

  it('does not nominate a member who has left', async () => {
    const member = await newMember(t, { organization });
    const row = await nominator.get(`/api/membership/members/${member.membershipId}`);
    const left = await nominator.post(`/api/membership/members/${member.membershipId}/leave`, {
      expectedVersion: row.json<{ version: number }>().version,
      reason: 'left_work',
      on: today,
    });
    expect(left.statusCode, left.body).toBe(200);
    const res = await nominator.post(API, { membershipId: member.membershipId, reasons: REASONS });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ field: 'membershipId' });
  });

  it('lets another staff member review, never the nominator', async () => {
    const r = await nominated();
    const own = await nominator.post(`${API}/${r.id}/review`, reviewOf(r, 'endorse'));
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ messageEn: expect.stringContaining('cannot review their own') });
    const res = await reviewer.post(`${API}/${r.id}/review`, reviewOf(r, 'endorse'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'endorsed',
      reviewNote: '同意推荐，报送党组织',
      reviewedByName: expect.any(String),
      version: 2,
    });
  });

  it('keeps the order of steps: an outcome only after an endorsement, nothing after a decline', async () => {
    const r = await nominated();
    const early = await nominator.post(`${API}/${r.id}/outcome`, { outcome: 'accepted', outcomeOn: today, version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ field: 'status', messageEn: expect.stringContaining('endorsed first') });

    const endorsed = (await reviewer.post(`${API}/${r.id}/review`, reviewOf(r, 'endorse'))).json<Recommendation>();
    const twice = await reviewer.post(`${API}/${r.id}/review`, reviewOf(endorsed, 'decline'));
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ field: 'status' });
    const future = await nominator.post(`${API}/${r.id}/outcome`, {
      outcome: 'accepted',
      outcomeOn: addDays(today, 1),
      version: endorsed.version,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ field: 'outcomeOn' });
    const done = await nominator.post(`${API}/${r.id}/outcome`, {
      outcome: 'accepted',
      outcomeOn: today,
      note: '已列为入党积极分子',
      version: endorsed.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'accepted', outcomeOn: today, version: 3 });

    const other = await nominated();
    const declined = (
      await reviewer.post(`${API}/${other.id}/review`, reviewOf(other, 'decline'))
    ).json<Recommendation>();
    expect(declined.status).toBe('declined');
    const after = await nominator.post(`${API}/${other.id}/outcome`, {
      outcome: 'accepted',
      outcomeOn: today,
      version: declined.version,
    });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ field: 'status' });
  });

  it('refuses a change made at a version that moved on: of two reviews at once, one wins', async () => {
    const r = await nominated();
    const other = await newAccount(t, { role: 'union_staff', regionCode: HAIXI });
    const [a, b] = await Promise.all([
      reviewer.post(`${API}/${r.id}/review`, reviewOf(r, 'endorse')),
      other.post(`${API}/${r.id}/review`, reviewOf(r, 'decline')),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json()).toMatchObject({ field: 'version' });
    const stale = await nominator.post(`${API}/${r.id}/outcome`, { outcome: 'accepted', outcomeOn: today, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ field: 'version' });
  });

  it('counts the year: nominated, endorsed, accepted; lists with filters', async () => {
    const before = await counts(nominator);
    const [x, y, z] = [await nominated(), await nominated(), await nominated()];
    const ex = (await reviewer.post(`${API}/${x.id}/review`, reviewOf(x, 'endorse'))).json<Recommendation>();
    await reviewer.post(`${API}/${y.id}/review`, reviewOf(y, 'endorse'));
    await reviewer.post(`${API}/${z.id}/review`, reviewOf(z, 'decline'));
    await nominator.post(`${API}/${x.id}/outcome`, { outcome: 'accepted', outcomeOn: today, version: ex.version });
    const after = await counts(nominator);
    expect(after).toMatchObject({
      year: Number(today.slice(0, 4)),
      nominated: before.nominated + 3,
      endorsed: before.endorsed + 2,
      accepted: before.accepted + 1,
      declined: before.declined + 1,
    });
    const list = await nominator.get(`${API}?status=declined&organizationId=${organization.id}&pageSize=200`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: Recommendation[] }>().items;
    expect(items.map((i) => i.id)).toContain(z.id);
    expect(items.every((i) => i.status === 'declined')).toBe(true);
    const lastYear = await nominator.get(`${API}?year=${Number(today.slice(0, 4)) - 1}`);
    expect(lastYear.json()).toMatchObject({ total: 0 });
  });

  it('keeps to the region and refuses roles without the permission', async () => {
    const member = await newMember(t, { organization });
    const outside = await zhongshan.post(API, { membershipId: member.membershipId, reasons: REASONS });
    expect(outside.statusCode).toBe(403);
    const r = await nominated();
    expect((await zhongshan.post(`${API}/${r.id}/review`, reviewOf(r, 'endorse'))).statusCode).toBe(403);
    expect((await zhongshan.get(`${API}/${r.id}`)).statusCode).toBe(403);
    expect((await zhongshan.get(API)).json()).toMatchObject({ total: 0 });
    expect(await counts(zhongshan)).toMatchObject({ nominated: 0 });
    expect((await zhongshan.get(`${API}/counts?regionCode=${HAIXI}`)).statusCode).toBe(403);
    for (const role of ['union_organiser', 'mediator'] as const) {
      const a = await newAccount(t, { role, regionCode: HAIXI });
      expect((await a.get(API)).statusCode).toBe(403);
      expect((await a.post(API, { membershipId: member.membershipId, reasons: REASONS })).statusCode).toBe(403);
      expect((await a.post(`${API}/${r.id}/review`, reviewOf(r, 'endorse'))).statusCode).toBe(403);
    }
  });
});
