import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Area, Organiser, OrganiserSelf, Visit } from '../../contracts/membership/grid.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { areaForJoin } from '../../server/modules/membership/grid/attribution.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import { multipartBody } from '../support/imports.js';

// The grid (分片包干) of membership: organisers with their joining codes and areas, kept by the
// region's staff through one versioned write each; an organiser's outreach visits with photos;
// which area a join is credited to. The figures, league table and workbook: membership-grid-figures.test.ts.

/** Haixi prefecture (Qinghai) and two of its county-level cities. */
const HAIXI = '632800';
const GOLMUD = '632801';
const DELINGHA = '632802';
/** The fixed "now" of the file: 12:00 in China on 20 March 2026. */
const NOW = new Date('2026-03-20T04:00:00Z');

let t: TestApp;
let staff: LoggedIn;
let zhongshanStaff: LoggedIn;
let organization: { id: string; code: string };
let serial = 0;

/** A union organization of Haixi with a joining code, made by the region's staff. */
async function newOrganization(regionCode = HAIXI): Promise<{ id: string; code: string }> {
  const code = `HX-GRID-${++serial}`;
  const res = await staff.post('/api/organizations', {
    name: `海西测试工会${serial}`,
    kind: 'joint',
    regionCode,
    code,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { id: res.json<{ id: string }>().id, code };
}

async function newOrganiser(over: Record<string, unknown> = {}, as: Agent = staff): Promise<Organiser> {
  const res = await as.post('/api/membership/grid/organisers', {
    name: `组织员${++serial}`,
    organizationId: organization.id,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Organiser>();
}

async function newArea(over: Record<string, unknown> = {}): Promise<Area> {
  const res = await staff.post('/api/membership/grid/areas', {
    name: `网格${++serial}`,
    kind: 'regions',
    items: [DELINGHA],
    organizationId: organization.id,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Area>();
}

/** An organiser with their own account (role union_organiser), signed in. */
async function organiserWithAccount(over: Record<string, unknown> = {}) {
  const account = await newAccount(t, { role: 'union_organiser', regionCode: HAIXI });
  const organiser = await newOrganiser({ accountId: account.id, ...over });
  return { account, organiser };
}

const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const visitBody = (over: Record<string, unknown> = {}) => ({
  visitedAt: hoursAgo(2),
  place: '德令哈市柴达木路美团站点',
  workersMet: 12,
  sites: ['美团外卖', '顺丰速运'],
  notes: '发放入会宣传单',
  ...over,
});

async function logVisit(as: Agent, over: Record<string, unknown> = {}): Promise<Visit> {
  const res = await as.post('/api/membership/grid/visits', visitBody(over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Visit>();
}

/** A 1×1 PNG: the smallest real image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const upload = (as: Agent, visitId: string, filename: string, content: Buffer) =>
  as.request({
    method: 'POST',
    url: `/api/membership/grid/visits/${visitId}/photos`,
    ...multipartBody({}, filename, content),
  });

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = NOW;
  staff = await newAccount(t, { role: 'union_staff', regionCode: HAIXI });
  zhongshanStaff = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
  organization = await newOrganization();
});
afterAll(() => t.close());

describe('organisers', () => {
  it('creates an organiser with a unique joining code and link, and audits it', async () => {
    const a = await newOrganiser({ name: '马海英', phone: '13897000001', regionCode: DELINGHA });
    const b = await newOrganiser();
    expect(a.code).toMatch(/^O[A-Z2-7]{7}$/);
    expect(b.code).not.toBe(a.code);
    expect(a).toMatchObject({ name: '马海英', regionCode: DELINGHA, active: true, version: 1 });
    expect(a.joinUrl).toMatch(new RegExp(`/join/${organization.code}\\?o=${a.code}$`));
    expect(b.regionCode).toBe(HAIXI);
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, a.id));
    expect(audit?.action).toBe('membership_organiser.created');
    const list = await staff.get('/api/membership/grid/organisers?q=马海英');
    expect(list.json().items.map((o: Organiser) => o.id)).toEqual([a.id]);
  });

  it('changes an organiser at the version read, and refuses a stale version with 409 naming version', async () => {
    const o = await newOrganiser();
    const url = `/api/membership/grid/organisers/${o.id}`;
    const changed = await staff.put(url, { name: '新名字', organizationId: organization.id, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: '新名字', version: 2, code: o.code });
    const stale = await staff.put(url, { name: '旧版本', organizationId: organization.id, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(stale.json().messageEn).toMatch(/changed meanwhile/);
    expect((await staff.get(url)).json().name).toBe('新名字');
  });

  it('links one account to one organiser only, and only an organiser account', async () => {
    const { account } = await organiserWithAccount();
    const again = await staff.post('/api/membership/grid/organisers', {
      name: '重复关联',
      organizationId: organization.id,
      accountId: account.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('accountId');
    const notOrganiser = await staff.post('/api/membership/grid/organisers', {
      name: '工作人员',
      organizationId: organization.id,
      accountId: staff.id,
    });
    expect(notOrganiser.statusCode).toBe(400);
    expect(notOrganiser.json().field).toBe('accountId');
  });

  it('offers the region’s organiser accounts to link, found by name', async () => {
    const mine = await newAccount(t, { role: 'union_organiser', regionCode: DELINGHA, displayName: '德令哈组织员甲' });
    await newAccount(t, { role: 'union_organiser', regionCode: '442000', displayName: '中山组织员乙' });
    const found = await staff.get(`/api/membership/grid/organiser-accounts?q=${encodeURIComponent('组织员')}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((a: { id: string }) => a.id)).toEqual([mine.id]);
    const organiserAccount = await newAccount(t, { role: 'union_organiser', regionCode: HAIXI });
    expect((await organiserAccount.get('/api/membership/grid/organiser-accounts')).statusCode).toBe(403);
  });

  it('refuses a region outside the organization’s, naming the field', async () => {
    const res = await staff.post('/api/membership/grid/organisers', {
      name: '外地组织员',
      organizationId: (await newOrganization(DELINGHA)).id,
      regionCode: GOLMUD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'regionCode', message: expect.stringContaining('工会组织') });
  });

  it('deletes an organiser with nothing on record, and keeps one who has visits', async () => {
    const spare = await newOrganiser();
    const del = await staff.request({ method: 'DELETE', url: `/api/membership/grid/organisers/${spare.id}?version=1` });
    expect(del.statusCode, del.body).toBe(200);
    expect((await staff.get(`/api/membership/grid/organisers/${spare.id}`)).statusCode).toBe(404);
    const busy = await newOrganiser();
    await logVisit(staff, { organiserId: busy.id });
    const kept = await staff.request({ method: 'DELETE', url: `/api/membership/grid/organisers/${busy.id}?version=1` });
    expect(kept.statusCode).toBe(409);
    expect(kept.json().field).toBe('active');
  });

  it('prints the organiser’s joining QR as SVG', async () => {
    const o = await newOrganiser();
    const res = await staff.get(`/api/membership/grid/organisers/${o.id}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(res.body).toContain('<svg');
    expect(res.body).toContain(o.code);
  });
});

describe('region scope', () => {
  it('another region’s staff cannot read, change or add the region’s organisers and areas', async () => {
    const o = await newOrganiser();
    const area = await newArea();
    expect((await zhongshanStaff.get(`/api/membership/grid/organisers/${o.id}`)).statusCode).toBe(403);
    expect((await zhongshanStaff.get(`/api/membership/grid/areas/${area.id}`)).statusCode).toBe(403);
    const put = await zhongshanStaff.put(`/api/membership/grid/organisers/${o.id}`, {
      name: '越权',
      organizationId: organization.id,
      version: o.version,
    });
    expect(put.statusCode).toBe(403);
    const post = await zhongshanStaff.post('/api/membership/grid/organisers', {
      name: '越权',
      organizationId: organization.id,
    });
    expect(post.statusCode).toBe(403);
    const list = await zhongshanStaff.get('/api/membership/grid/organisers');
    expect(list.json().total).toBe(0);
    expect((await zhongshanStaff.get('/api/membership/grid/areas')).json().total).toBe(0);
  });

  it('a county’s staff see the county’s organisers, not the rest of the prefecture', async () => {
    const delinghaStaff = await newAccount(t, { role: 'union_staff', regionCode: DELINGHA });
    const inside = await newOrganiser({ regionCode: DELINGHA });
    const outside = await newOrganiser({ regionCode: GOLMUD });
    const ids = (await delinghaStaff.get('/api/membership/grid/organisers?pageSize=200'))
      .json()
      .items.map((o: Organiser) => o.id);
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
  });

  it('an organiser (membership:organise only) cannot keep organisers or areas', async () => {
    const { account } = await organiserWithAccount();
    expect((await account.get('/api/membership/grid/organisers')).statusCode).toBe(403);
    const res = await account.post('/api/membership/grid/areas', {
      name: '自建网格',
      kind: 'streets',
      items: ['长江路'],
      organizationId: organization.id,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('areas', () => {
  it('creates an area of regions with its organiser; a change at a stale version is 409', async () => {
    const o = await newOrganiser();
    const area = await newArea({ name: '德令哈城区', items: [DELINGHA, DELINGHA], organiserId: o.id });
    expect(area).toMatchObject({ name: '德令哈城区', kind: 'regions', items: [DELINGHA], organiserName: o.name });
    const url = `/api/membership/grid/areas/${area.id}`;
    const body = { name: '德令哈全域', kind: 'regions', items: [DELINGHA], organizationId: organization.id };
    expect((await staff.put(url, { ...body, version: 1 })).statusCode).toBe(200);
    const stale = await staff.put(url, { ...body, name: '旧的名字', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('version');
    expect((await staff.get(url)).json()).toMatchObject({ name: '德令哈全域', version: 2, organiserId: null });
  });

  it('refuses region items that are not codes of the area’s region, naming the item', async () => {
    const bad = await staff.post('/api/membership/grid/areas', {
      name: '错误网格',
      kind: 'regions',
      items: [DELINGHA, '442000'],
      organizationId: organization.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'items.1', messageEn: expect.stringContaining('outside') });
    const text = await staff.post('/api/membership/grid/areas', {
      name: '错误网格',
      kind: 'regions',
      items: ['德令哈'],
      organizationId: organization.id,
    });
    expect(text.json().field).toBe('items.0');
  });
});

describe('outreach visits', () => {
  it('an organiser logs a visit with a photo, sees it in their list and downloads the photo', async () => {
    const { account, organiser } = await organiserWithAccount({ regionCode: DELINGHA });
    const area = await newArea({ organiserId: organiser.id });
    const me = (await account.get('/api/membership/grid/me')).json<OrganiserSelf>();
    expect(me.organiser).toMatchObject({ id: organiser.id, code: organiser.code, areas: [{ id: area.id }] });
    const visit = await logVisit(account, { areaId: area.id, lat: 37.37, lng: 97.36 });
    expect(visit).toMatchObject({ organiserId: organiser.id, areaId: area.id, regionCode: DELINGHA, workersMet: 12 });
    const added = await upload(account, visit.id, 'IMG_0001.png', PNG);
    expect(added.statusCode, added.body).toBe(200);
    const photo = added.json<Visit>().photos[0]!;
    expect(photo).toMatchObject({ mime: 'image/png', bytes: PNG.length });
    const qr = await account.get('/api/membership/grid/me/qr.svg');
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toContain(organiser.code);
    const mine = await account.get('/api/membership/grid/me/visits');
    expect(mine.json()).toMatchObject({ total: 1, items: [{ id: visit.id, photos: [{ id: photo.id }] }] });
    const file = await account.get(`/api/membership/grid/visits/${visit.id}/photos/${photo.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    // The region's staff see it too.
    expect((await staff.get(`/api/membership/grid/visits/${visit.id}/photos/${photo.id}`)).statusCode).toBe(200);
    const listed = await staff.get(`/api/membership/grid/visits?organiserId=${organiser.id}`);
    expect(listed.json().items.map((v: Visit) => v.id)).toEqual([visit.id]);
  });

  it('takes a photo off a visit for its organiser or the region’s staff, and for no one else', async () => {
    const first = await organiserWithAccount();
    const second = await organiserWithAccount();
    const visit = await logVisit(first.account);
    const [a, b] = [
      (await upload(first.account, visit.id, 'a.png', PNG)).json<Visit>().photos[0]!,
      (await upload(first.account, visit.id, 'b.png', PNG)).json<Visit>().photos[1]!,
    ];
    const remove = (who: LoggedIn, photoId: string) =>
      who.request({ method: 'DELETE', url: `/api/membership/grid/visits/${visit.id}/photos/${photoId}` });
    const path = `/api/membership/grid/visits/${visit.id}/photos/${a.id}`;
    expect((await agent(t.app).request({ method: 'DELETE', url: path })).statusCode).toBe(401);
    // Signed in but without the page's CSRF token (a forged request from another site).
    const forged = await first.account.request({ method: 'DELETE', url: path, headers: { 'x-csrf-token': 'forged' } });
    expect(forged.statusCode).toBe(403);
    expect((await remove(second.account, a.id)).statusCode).toBe(404);
    expect((await remove(zhongshanStaff, a.id)).statusCode).toBe(403);
    const gone = await remove(first.account, a.id);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json<Visit>().photos.map((p) => p.id)).toEqual([b.id]);
    expect((await first.account.get(`/api/membership/grid/visits/${visit.id}/photos/${a.id}`)).statusCode).toBe(404);
    expect((await remove(first.account, a.id)).statusCode).toBe(404);
    expect((await remove(staff, b.id)).json<Visit>().photos).toEqual([]);
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, visit.id));
    const removed = audits.filter((r) => r.action === 'membership_visit.photo_removed');
    expect(removed.map((r) => (r.before as { photoId: string }).photoId).sort()).toEqual([a.id, b.id].sort());
    expect(JSON.stringify(removed)).not.toContain(PNG.toString('base64').slice(0, 24));
  });

  it('refuses a renamed non-image, a photo over 5 MB and a seventh photo', async () => {
    const { account } = await organiserWithAccount();
    const visit = await logVisit(account);
    const renamed = await upload(account, visit.id, 'photo.jpg', Buffer.from('MZ\x90\x00 not a picture at all'));
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json()).toMatchObject({ field: 'file', messageEn: expect.stringContaining('photos') });
    const huge = await upload(account, visit.id, 'big.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    for (let i = 0; i < 6; i++) expect((await upload(account, visit.id, `p${i}.png`, PNG)).statusCode).toBe(200);
    const seventh = await upload(account, visit.id, 'p7.png', PNG);
    expect(seventh.statusCode).toBe(409);
    expect(seventh.json().field).toBe('file');
  });

  it('refuses a visit in the future or older than 90 days with a bilingual error on visitedAt', async () => {
    const { account } = await organiserWithAccount();
    const future = await account.post('/api/membership/grid/visits', visitBody({ visitedAt: hoursAgo(-1) }));
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({
      code: 'VALIDATION',
      field: 'visitedAt',
      message: '走访时间不能晚于现在',
      messageEn: 'The visit cannot be in the future',
    });
    const old = await account.post('/api/membership/grid/visits', visitBody({ visitedAt: hoursAgo(91 * 24) }));
    expect(old.statusCode).toBe(400);
    expect(old.json()).toMatchObject({ field: 'visitedAt', messageEn: expect.stringContaining('90 days') });
    // A phone whose clock runs a minute ahead is not refused.
    expect(
      (await account.post('/api/membership/grid/visits', visitBody({ visitedAt: hoursAgo(-1 / 60) }))).statusCode,
    ).toBe(200);
  });

  it('refuses an area that is not the organiser’s, and a visit for another organiser', async () => {
    const { account } = await organiserWithAccount();
    const other = await newOrganiser();
    const area = await newArea({ organiserId: other.id });
    const res = await account.post('/api/membership/grid/visits', visitBody({ areaId: area.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('areaId');
    const forOther = await account.post('/api/membership/grid/visits', visitBody({ organiserId: other.id }));
    expect(forOther.statusCode).toBe(403);
  });

  it('an organiser cannot see another organiser’s visits or photos', async () => {
    const first = await organiserWithAccount();
    const second = await organiserWithAccount();
    const visit = await logVisit(first.account);
    const photo = (await upload(first.account, visit.id, 'a.png', PNG)).json<Visit>().photos[0]!;
    expect((await second.account.get(`/api/membership/grid/visits/${visit.id}`)).statusCode).toBe(404);
    expect((await second.account.get(`/api/membership/grid/visits/${visit.id}/photos/${photo.id}`)).statusCode).toBe(
      404,
    );
    expect((await upload(second.account, visit.id, 'b.png', PNG)).statusCode).toBe(404);
    expect((await second.account.get('/api/membership/grid/me/visits')).json().total).toBe(0);
    expect((await second.account.get('/api/membership/grid/visits')).statusCode).toBe(403);
    expect((await zhongshanStaff.get(`/api/membership/grid/visits/${visit.id}`)).statusCode).toBe(403);
  });

  it('staff log a visit for an organiser of their region; an account without an organiser has no "me"', async () => {
    const o = await newOrganiser();
    const visit = await logVisit(staff, { organiserId: o.id });
    expect(visit.organiserId).toBe(o.id);
    const outside = await zhongshanStaff.post('/api/membership/grid/visits', visitBody({ organiserId: o.id }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().field).toBe('organiserId');
    const loner = await newAccount(t, { role: 'union_organiser', regionCode: HAIXI });
    expect((await loner.get('/api/membership/grid/me')).json()).toEqual({ organiser: null });
    expect((await loner.get('/api/membership/grid/me/visits')).statusCode).toBe(404);
    expect((await loner.get('/api/membership/grid/me/figures')).statusCode).toBe(404);
    const res = await loner.post('/api/membership/grid/visits', visitBody());
    expect(res.statusCode).toBe(404);
    expect(res.json().messageEn).toMatch(/not registered as an organiser/);
  });
});

describe('areaForJoin', () => {
  const join = (over: Partial<Parameters<typeof areaForJoin>[1]>) =>
    areaForJoin(t.deps.db, { organiserId: null, visitId: null, regionCode: DELINGHA, employer: null, ...over });

  it('credits the visit’s area first', async () => {
    const { account, organiser } = await organiserWithAccount();
    const visitArea = await newArea({ kind: 'streets', items: ['长江路'], organiserId: organiser.id });
    const regionArea = await newArea({ items: [DELINGHA], organiserId: organiser.id });
    const visit = await logVisit(account, { areaId: visitArea.id });
    expect(await join({ organiserId: organiser.id, visitId: visit.id })).toBe(visitArea.id);
    // A visit without an area: the organiser's areas decide, the visit's organiser when no code came.
    const plain = await logVisit(account);
    expect(await join({ visitId: plain.id })).toBe(regionArea.id);
  });

  it('takes the first of the organiser’s areas that covers the join, by region or platform', async () => {
    const o = await newOrganiser();
    const streets = await newArea({ kind: 'streets', items: ['德令哈'], organiserId: o.id });
    const golmud = await newArea({ items: [GOLMUD], organiserId: o.id });
    const meituan = await newArea({ kind: 'platforms', items: ['美团'], organiserId: o.id });
    const prefecture = await newArea({ items: [HAIXI], organiserId: o.id });
    expect(await join({ organiserId: o.id, regionCode: GOLMUD })).toBe(golmud.id);
    expect(await join({ organiserId: o.id, employer: '美团外卖德令哈站' })).toBe(meituan.id);
    expect(await join({ organiserId: o.id })).toBe(prefecture.id);
    // Streets are never matched by themselves, even by a name in the employer's text.
    expect(await join({ organiserId: o.id, regionCode: '630100', employer: '德令哈物流' })).toBeNull();
    expect(streets.id).toBeTruthy();
  });

  it('falls back to the organiser’s only area, else nothing', async () => {
    const only = await newOrganiser();
    const area = await newArea({ kind: 'streets', items: ['昆仑路'], organiserId: only.id });
    expect(await join({ organiserId: only.id, regionCode: '630100' })).toBe(area.id);
    const none = await newOrganiser();
    expect(await join({ organiserId: none.id })).toBeNull();
    expect(await join({})).toBeNull();
  });
});
