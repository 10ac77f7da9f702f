import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Station } from '../../contracts/stations/api.js';
import type { MyDonation, SupplyItem, SupplyList, SupplyMove } from '../../contracts/stations/supplies.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, uniquePhone, type LoggedIn } from '../support/factories.js';
import { BAOHE, newStation, stationInput, stationStaff } from '../support/stations.js';

// The stations' supplies and donations: items and their stock, donations by donor companies
// (seen on the donor's own page), consumption, adjustments, the low-stock text to the station's
// manager, and the thank-you to a donor.

let t: TestApp;
let staff: LoggedIn;
let manager: LoggedIn;
let managerPhone: string;
let donor: LoggedIn;
let station: Station;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await stationStaff(t);
  managerPhone = uniquePhone();
  manager = await newAccount(t, { role: 'station_manager', regionCode: BAOHE, phone: managerPhone });
  donor = await newAccount(t, { role: 'donor', regionCode: BAOHE, displayName: '合肥爱心饮品有限公司' });
  const created = await newStation(t, staff);
  const { code: _code, ...input } = stationInput({ code: created.code });
  const res = await staff.put(`/api/stations/${created.code}`, {
    ...input,
    managerAccountId: manager.id,
    expectedVersion: created.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  station = res.json<Station>();
  expect(station.managerAccountId).toBe(manager.id);
});
afterAll(() => t.close());

const suppliesPath = () => `/api/stations/${station.code}/supplies`;
let itemSerial = 0;

async function newItem(over: Record<string, unknown> = {}, as: Agent = staff): Promise<SupplyItem> {
  const res = await as.post(suppliesPath(), { name: `矿泉水${++itemSerial}`, unit: '瓶', lowAt: 10, ...over });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SupplyItem>();
}

const move = (item: { id: string }, body: Record<string, unknown>, as: Agent = staff) =>
  as.post(`${suppliesPath()}/${item.id}/moves`, body);

async function moved(item: SupplyItem, body: Record<string, unknown>, as: Agent = staff): Promise<SupplyItem> {
  const res = await move(item, { expectedVersion: item.version, ...body }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SupplyItem>();
}

const lowTexts = () =>
  t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, managerPhone), eq(outbox.template, 'stations.low_stock')));

async function myDonations(as: Agent): Promise<MyDonation[]> {
  const res = await as.get('/api/stations/my-donations?pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: MyDonation[] }>().items;
}

describe('items and their stock', () => {
  it('creates an item with a starting stock and lists it with the low flag and its last move', async () => {
    const item = await newItem({ name: '雨衣', unit: '件', lowAt: 5, stock: 3 });
    expect(item).toMatchObject({ name: '雨衣', unit: '件', stock: 3, lowAt: 5, low: true, version: 1 });
    expect(item.lastMove).toMatchObject({ kind: 'adjusted', quantity: 3 });
    const list = await manager.get(suppliesPath());
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<SupplyList>().items.find((i) => i.id === item.id)).toMatchObject({ stock: 3, low: true });
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audit?.action).toBe('station_supply.created');
  });

  it('refuses a repeated name with 409 naming the name', async () => {
    await newItem({ name: '方便面', unit: '箱' });
    const again = await staff.post(suppliesPath(), { name: '方便面', unit: '箱', lowAt: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('name');
  });

  it('refuses bad input naming the field', async () => {
    const unit = await staff.post(suppliesPath(), { name: '急救包', unit: '吨', lowAt: 1 });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().field).toBe('unit');
    const low = await staff.post(suppliesPath(), { name: '急救包', unit: '个', lowAt: -1 });
    expect(low.statusCode).toBe(400);
    expect(low.json().field).toBe('lowAt');
    const item = await newItem();
    const zero = await move(item, { kind: 'consumed', quantity: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().field).toBe('quantity');
    const noDonor = await move(item, { kind: 'donation', quantity: 5 });
    expect(noDonor.statusCode).toBe(400);
    expect(noDonor.json().field).toBe('donorName');
    const hidden = await move(item, { kind: 'donation', quantity: 5, donorName: '隐藏\u202e企业' });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().field).toBe('donorName');
    const notADonor = await move(item, { kind: 'donation', quantity: 5, donorAccountId: manager.id });
    expect(notADonor.statusCode).toBe(400);
    expect(notADonor.json().field).toBe('donorAccountId');
  });
});

describe('donations, consumption and adjustments', () => {
  it('a donation raises the stock, is audited and appears on the donor’s own page', async () => {
    const item = await newItem({ name: '绿豆汤', unit: '瓶', lowAt: 10 });
    const after = await moved(item, { kind: 'donation', quantity: 48, donorAccountId: donor.id, note: '夏季送清凉' });
    expect(after).toMatchObject({ stock: 48, low: false, version: 2, lastMove: { kind: 'donation', quantity: 48 } });
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audits.map((a) => a.action)).toContain('station_supply.donation');
    const mine = await myDonations(donor);
    expect(mine[0]).toMatchObject({
      stationName: station.name,
      itemName: '绿豆汤',
      unit: '瓶',
      quantity: 48,
      thankedAt: null,
    });
    const moves = await staff.get(`${suppliesPath()}/moves`);
    expect(moves.json<{ items: SupplyMove[] }>().items[0]).toMatchObject({
      itemName: '绿豆汤',
      kind: 'donation',
      donorName: '合肥爱心饮品有限公司',
      donorAccountId: donor.id,
    });
  });

  it('takes a donation from a company without an account by its name', async () => {
    const item = await newItem();
    await moved(item, { kind: 'donation', quantity: 12, donorName: '包河区某超市' });
    const moves = await staff.get(`${suppliesPath()}/moves?pageSize=1`);
    expect(moves.json<{ items: SupplyMove[] }>().items[0]).toMatchObject({
      donorName: '包河区某超市',
      donorAccountId: null,
      quantity: 12,
    });
  });

  it('consumption lowers the stock; more than the stock is 409 naming quantity', async () => {
    const item = await newItem({ stock: 20, lowAt: 0 });
    const after = await moved(item, { kind: 'consumed', quantity: 6 });
    expect(after).toMatchObject({ stock: 14, version: 2 });
    const tooMany = await move(item, { kind: 'consumed', quantity: 15, expectedVersion: 2 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().field).toBe('quantity');
    expect(tooMany.json().message).toMatch(/库存/);
    expect(tooMany.json().messageEn).toMatch(/stock/);
    const adjusted = await moved(after, { kind: 'adjusted', quantity: -4, note: '盘点少 4 瓶' });
    expect(adjusted.stock).toBe(10);
    const below = await move(adjusted, { kind: 'adjusted', quantity: -11, expectedVersion: adjusted.version });
    expect(below.statusCode).toBe(409);
    expect(below.json().field).toBe('quantity');
  });

  it('refuses a change at a stale version with 409', async () => {
    const item = await newItem({ stock: 10, lowAt: 0 });
    await moved(item, { kind: 'consumed', quantity: 1 });
    const stale = await move(item, { kind: 'consumed', quantity: 1, expectedVersion: item.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('expectedVersion');
  });

  it('texts the manager once when the stock falls below the mark, not again while it stays low', async () => {
    const before = (await lowTexts()).length;
    const item = await newItem({ name: '藿香正气水', unit: '个', stock: 12, lowAt: 10 });
    const still = await moved(item, { kind: 'consumed', quantity: 2 });
    expect(still.low).toBe(false);
    expect(await lowTexts()).toHaveLength(before);
    const low = await moved(still, { kind: 'consumed', quantity: 3 }, manager);
    expect(low).toMatchObject({ stock: 7, low: true });
    const texts = await lowTexts();
    expect(texts).toHaveLength(before + 1);
    expect(texts.at(-1)!.body).toContain('藿香正气水');
    expect(texts.at(-1)!.body).toContain(station.name);
    await moved(low, { kind: 'consumed', quantity: 1 }, manager);
    expect(await lowTexts()).toHaveLength(before + 1);
  });

  it('pages the moves on the server, newest first', async () => {
    const item = await newItem({ stock: 10, lowAt: 0 });
    const tick = () => (t.clock.now = new Date(t.clock.now.getTime() + 1000));
    tick();
    const one = await moved(item, { kind: 'consumed', quantity: 1 });
    tick();
    await moved(one, { kind: 'consumed', quantity: 2 });
    const first = await staff.get(`${suppliesPath()}/moves?page=1&pageSize=1`);
    const page = first.json<{ items: SupplyMove[]; total: number; pageSize: number }>();
    expect(page.pageSize).toBe(1);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items[0]).toMatchObject({ itemId: item.id, quantity: 2, kind: 'consumed' });
    const second = await staff.get(`${suppliesPath()}/moves?page=2&pageSize=1`);
    expect(second.json<{ items: SupplyMove[] }>().items[0]).toMatchObject({ itemId: item.id, quantity: 1 });
  });
});

describe('the thank-you', () => {
  it('is recorded once (then 409), and the donor sees it', async () => {
    const item = await newItem({ name: '毛巾', unit: '件' });
    await moved(item, { kind: 'donation', quantity: 30, donorAccountId: donor.id });
    const moves = await staff.get(`${suppliesPath()}/moves?pageSize=1`);
    const donation = moves.json<{ items: SupplyMove[] }>().items[0]!;
    const thank = await staff.post(`${suppliesPath()}/moves/${donation.id}/thank`, { note: '感谢贵公司的爱心捐赠' });
    expect(thank.statusCode, thank.body).toBe(200);
    expect(thank.json<SupplyMove>()).toMatchObject({ thankNote: '感谢贵公司的爱心捐赠' });
    expect(thank.json<SupplyMove>().thankedAt).toBeTruthy();
    const again = await staff.post(`${suppliesPath()}/moves/${donation.id}/thank`, { note: '再次感谢' });
    expect(again.statusCode).toBe(409);
    const mine = (await myDonations(donor)).find((d) => d.id === donation.id);
    expect(mine).toMatchObject({ itemName: '毛巾', quantity: 30, thankNote: '感谢贵公司的爱心捐赠' });
    expect(mine?.thankedAt).toBeTruthy();
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, donation.id));
    expect(audit?.action).toBe('station_supply.thanked');
  });

  it('refuses a short note naming it', async () => {
    const res = await staff.post(`${suppliesPath()}/moves/${crypto.randomUUID()}/thank`, { note: ' ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('note');
  });
});

describe('who may do what', () => {
  it('lets the station’s manager read and consume, but not donate, adjust, create or thank (403)', async () => {
    const item = await newItem({ stock: 10, lowAt: 0 });
    expect((await manager.get(suppliesPath())).statusCode).toBe(200);
    expect((await manager.get(`${suppliesPath()}/moves`)).statusCode).toBe(200);
    await moved(item, { kind: 'consumed', quantity: 1 }, manager);
    const donate = await move(item, { kind: 'donation', quantity: 5, donorName: '某公司' }, manager);
    expect(donate.statusCode).toBe(403);
    const adjust = await move(item, { kind: 'adjusted', quantity: 5 }, manager);
    expect(adjust.statusCode).toBe(403);
    const create = await manager.post(suppliesPath(), { name: '雨伞', unit: '件', lowAt: 1 });
    expect(create.statusCode).toBe(403);
  });

  it('refuses staff of another region (403) and nobody signed in (401)', async () => {
    const item = await newItem();
    const zhongshan = await stationStaff(t, '442000');
    expect((await zhongshan.get(suppliesPath())).statusCode).toBe(403);
    const donate = await move(item, { kind: 'donation', quantity: 5, donorName: '某公司' }, zhongshan);
    expect(donate.statusCode).toBe(403);
    const anonymous = agent(t.app);
    expect((await anonymous.get(suppliesPath())).statusCode).toBe(401);
    expect((await anonymous.get('/api/stations/my-donations')).statusCode).toBe(401);
    expect((await move(item, { kind: 'consumed', quantity: 1 }, anonymous)).statusCode).toBe(401);
  });

  it('shows a donor only the donor’s own donations, and staff no donor page', async () => {
    const other = await newAccount(t, { role: 'donor', regionCode: BAOHE, displayName: '另一家爱心企业' });
    const item = await newItem({ name: '防暑药品', unit: '箱' });
    await moved(item, { kind: 'donation', quantity: 3, donorAccountId: other.id });
    const theirs = await myDonations(other);
    expect(theirs.map((d) => d.itemName)).toEqual(['防暑药品']);
    expect((await myDonations(donor)).map((d) => d.itemName)).not.toContain('防暑药品');
    expect((await staff.get('/api/stations/my-donations')).statusCode).toBe(403);
    expect((await donor.get(suppliesPath())).statusCode).toBe(403);
  });
});

describe('the donation form’s donor picker', () => {
  const donors = (as: Agent, q = '') =>
    as.get(`/api/stations/${station.code}/donors${q ? `?q=${encodeURIComponent(q)}` : ''}`);

  it('offers the donor companies of the station’s city by name, and no one else', async () => {
    // A donor in another district of Hefei gives to Baohe's stations too; one in Nanjing does not.
    const shushan = await newAccount(t, { role: 'donor', regionCode: '340104', displayName: '蜀山爱心餐饮有限公司' });
    await newAccount(t, { role: 'donor', regionCode: '320102', displayName: '南京爱心饮品有限公司' });
    const all = await donors(staff);
    expect(all.statusCode, all.body).toBe(200);
    const names = all.json<{ items: { id: string; name: string }[] }>().items.map((d) => d.name);
    expect(names).toContain('合肥爱心饮品有限公司');
    expect(names).toContain('蜀山爱心餐饮有限公司');
    expect(names).not.toContain('南京爱心饮品有限公司');
    // The station manager holds another role: not a donor.
    expect(all.json<{ items: { id: string }[] }>().items.map((d) => d.id)).not.toContain(manager.id);

    const narrowed = await donors(staff, '餐饮');
    expect(narrowed.json()).toEqual({
      items: [{ id: shushan.id, name: '蜀山爱心餐饮有限公司', regionName: expect.any(String) }],
    });
    expect((await donors(staff, '没有这家')).json()).toEqual({ items: [] });
  });

  it('is for those who record donations: refuses the manager, another region, nobody and bad input', async () => {
    expect((await donors(manager)).statusCode).toBe(403);
    const nanjing = await newAccount(t, { role: 'union_staff', regionCode: '320100' });
    expect((await donors(nanjing)).statusCode).toBe(403);
    expect((await donors(agent(t.app))).statusCode).toBe(401);
    const long = await donors(staff, '很'.repeat(41));
    expect(long.statusCode).toBe(400);
    expect(long.json().field).toBe('q');
  });
});
