import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../contracts/dates.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import {
  newAccount,
  newAdmin,
  newPerson,
  uniquePhone,
  uniqueResidentId,
  type LoggedIn,
  type Person,
} from '../support/factories.js';
import { committed, csvFile, uploaded, uploadFile, xlsxFile } from '../support/imports.js';
import { GOLMUD, membershipStaff, newMember, newUnionOrganization } from '../support/membership.js';

// The members' work-injury cover: a cover recorded by hand, the bulk file through the import
// pipeline (bad rows named, the same file again adds nothing, new workers registered), the
// coverage of members on a day and the cover about to end, each within the staff's region.

const HEADERS = ['姓名', '身份证号', '手机号', '险种', '保险公司', '保单号', '起保日期', '终保日期'];
const KIND = { kind: 'membership-insurance' };
const INSURER = '中国人寿财产保险股份有限公司中山市中心支公司';

let t: TestApp;
let staff: LoggedIn;
let haixi: LoggedIn;
let today: string;
const day = (n: number) => addDays(today, n);

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
  haixi = await newAccount(t, { role: 'union_staff', regionCode: '632800' });
  today = todayInChina(t.deps.now());
});
afterAll(() => t.close());

function cover(p: { residentId?: string; personId?: string }, startsOn: string, endsOn: string, more = {}) {
  return { ...p, scheme: 'work_injury', insurer: INSURER, policyNo: 'GS2026-001', startsOn, endsOn, ...more };
}

async function findPerson(a: Agent, residentId: string) {
  const res = await a.post('/api/people/search', { q: residentId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string; name: string; regionCode: string; phone: string | null }[] }>().items[0];
}

function row(p: Pick<Person, 'name' | 'residentId' | 'phone'>, scheme: string, startsOn: string, endsOn: string) {
  return [p.name, p.residentId, p.phone, scheme, INSURER, `P${p.phone}`, startsOn, endsOn];
}

/** A resident ID whose check character is wrong. */
const badCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

describe('membership insurance: one cover by hand', () => {
  it('records a cover by resident ID (in the body), masked in the answer; the same again is a conflict', async () => {
    const p = await newPerson(t);
    const res = await staff.post('/api/membership/insurance', cover({ residentId: p.residentId }, day(-5), day(360)));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      personId: p.id,
      name: p.name,
      residentIdMasked: `${p.residentId.slice(0, 4)}**********${p.residentId.slice(-4)}`,
      phoneMasked: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`,
      regionCode: '442000',
      source: 'manual',
      importId: null,
    });
    expect(res.body).not.toContain(p.residentId);
    const again = await staff.post('/api/membership/insurance', cover({ personId: p.id }, day(-5), day(30)));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      field: 'startsOn',
      message: expect.stringContaining('已存在'),
      messageEn: expect.stringContaining('already has this scheme'),
    });
    // Another start, or another scheme, is another cover.
    const next = await staff.post('/api/membership/insurance', cover({ personId: p.id }, day(361), day(725)));
    expect(next.statusCode, next.body).toBe(200);
    const accident = cover({ personId: p.id }, day(-5), day(30), { scheme: 'commercial_accident' });
    expect((await staff.post('/api/membership/insurance', accident)).statusCode).toBe(200);
  });

  it('refuses an end before the start, a date that does not exist, a bad ID and an unknown person, naming the field', async () => {
    const p = await newPerson(t);
    const cases: [Record<string, unknown>, string][] = [
      [cover({ personId: p.id }, day(10), day(9)), 'endsOn'],
      [cover({ personId: p.id }, '2026-02-30', '2026-12-31'), 'startsOn'],
      [cover({ residentId: badCheck(p.residentId) }, day(0), day(9)), 'residentId'],
      [cover({ residentId: uniqueResidentId() }, day(0), day(9)), 'residentId'],
      [{ ...cover({}, day(0), day(9)) }, 'residentId'],
    ];
    for (const [body, field] of cases) {
      const res = await staff.post('/api/membership/insurance', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ field, message: expect.any(String) });
      expect(res.json<{ messageEn: string }>().messageEn).toMatch(/[a-z]/);
    }
  });

  it('refuses staff of another region and accounts without the permission', async () => {
    const p = await newPerson(t, { regionCode: '442000' });
    const refused = await haixi.post('/api/membership/insurance', cover({ personId: p.id }, day(0), day(9)));
    expect(refused.statusCode).toBe(403);
    const outside = await staff.post(
      '/api/membership/insurance',
      cover({ personId: p.id }, day(0), day(9), { regionCode: '632800' }),
    );
    expect(outside.statusCode).toBe(403);
    for (const role of ['mediator', 'union_organiser', 'worker'] as const) {
      const a = await newAccount(t, { role, regionCode: '442000' });
      expect((await a.post('/api/membership/insurance', cover({ personId: p.id }, day(0), day(9)))).statusCode).toBe(
        403,
      );
      expect((await a.get('/api/membership/insurance/coverage')).statusCode).toBe(403);
      expect((await a.get('/api/membership/insurance/expiring')).statusCode).toBe(403);
    }
  });
});

describe('membership insurance: the bulk file', () => {
  it('names bad rows by row and column in both languages while the good rows commit; a new worker is registered', async () => {
    const known = await newPerson(t);
    const fresh = { name: '马海军', residentId: uniqueResidentId({ regionCode: '632801' }), phone: uniquePhone() };
    const wrong = await newPerson(t);
    const data = [
      HEADERS,
      row(known, '工伤保险', day(-30), day(335)),
      row(fresh, '职业伤害保障', day(-1), day(364)),
      row({ ...wrong, residentId: badCheck(wrong.residentId) }, '工伤保险', day(0), day(30)),
      row({ ...wrong, residentId: uniqueResidentId() }, '工伤保险', day(30), day(29)),
      row({ ...wrong, residentId: uniqueResidentId() }, '养老保险', day(0), day(30)),
    ];
    const found = await uploaded(t, staff, '参保名单.csv', csvFile(data), KIND);
    expect(found).toMatchObject({ status: 'validated', totalRows: 5, rejectedRows: 3 });
    expect(found.rejected).toEqual([
      {
        row: 4,
        field: 'residentId',
        zh: expect.stringMatching(/^「身份证号」.*校验位/),
        en: expect.stringMatching(/^"Resident ID".*check character/),
      },
      {
        row: 5,
        field: 'endsOn',
        zh: `「终保日期」${day(29)} 早于起保日期 ${day(30)}`,
        en: `"End date": ${day(29)} is before the start date, ${day(30)}`,
      },
      {
        row: 6,
        field: 'scheme',
        zh: expect.stringMatching(/^「险种」“养老保险”不是可选的险种/),
        en: expect.stringMatching(/^"Scheme": "养老保险" is not a known scheme/),
      },
    ]);
    // Nothing is written before the commit.
    expect(await findPerson(staff, fresh.residentId)).toBeUndefined();
    const done = await committed(t, staff, found.id as string);
    expect(done).toMatchObject({ status: 'committed', inserted: 2, updated: 0, unchanged: 0 });

    const person = await findPerson(staff, fresh.residentId);
    expect(person).toMatchObject({ name: '马海军', regionCode: '442000', phone: fresh.phone });
    const admin = await newAdmin(t);
    const audit = await admin.get(`/api/audit?entityType=person&entityId=${person!.id}`);
    expect(audit.json<{ items: { action: string }[] }>().items.map((i) => i.action)).toEqual(['person.created']);
    const list = await staff.get('/api/membership/insurance/expiring?days=366&pageSize=200');
    const mine = list.json<{ items: { personId: string; source: string; importId: string }[] }>().items;
    expect(mine.filter((i) => i.importId === found.id).map((i) => i.personId)).toEqual(
      expect.arrayContaining([known.id, person!.id]),
    );

    // The staged rows keep neither the number nor a key made of it.
    const result: unknown = await t.deps.db.execute(
      sql`select natural_key, data::text as data from import_rows where import_id = ${String(found.id)}`,
    );
    const staged = result as { rows: { natural_key: string | null; data: string | null }[] };
    for (const r of staged.rows) {
      expect(r.data ?? '').not.toContain(known.residentId);
      expect(r.data ?? '').not.toContain(fresh.residentId);
      expect(r.natural_key ?? '').not.toContain(fresh.residentId);
    }

    // The same file again is the same import; the same rows in another file add nothing.
    const again = await uploadFile(staff, '参保名单.csv', csvFile(data), KIND);
    expect(again.json()).toMatchObject({ id: found.id, status: 'committed' });
    const asXlsx = await uploaded(t, staff, '参保名单.xlsx', await xlsxFile(data), KIND);
    expect(asXlsx).toMatchObject({ status: 'validated', totalRows: 5, rejectedRows: 3 });
    expect(await committed(t, staff, asXlsx.id as string)).toMatchObject({ inserted: 0, unchanged: 2 });
  });

  it('refuses a worker registered outside the region who is not a member here, and a name that differs', async () => {
    const elsewhere = await newPerson(t, { regionCode: '632800' });
    const known = await newPerson(t);
    const data = [
      HEADERS,
      row(elsewhere, '工伤保险', day(0), day(30)),
      row({ ...known, name: '别的名字' }, '工伤保险', day(1), day(30)),
      row(known, '工伤保险', day(0), day(30)),
      row(known, '工伤保险', day(0), day(60)),
    ];
    const found = await uploaded(t, staff, '范围.csv', csvFile(data), KIND);
    expect(found.rejected).toEqual([
      expect.objectContaining({ row: 2, field: 'residentId', en: expect.stringContaining('outside your region') }),
      expect.objectContaining({ row: 3, field: 'name', zh: expect.stringContaining('不一致') }),
      // The same person, scheme and start again: the later row names the first.
      expect.objectContaining({ row: 5, field: 'residentId', zh: expect.stringContaining('与第 4 行重复') }),
    ]);
  });

  it('asks a country-wide importer for each row’s region', async () => {
    const admin = await newAdmin(t);
    const p = await newPerson(t);
    const bare = await uploaded(t, admin, 'national.csv', csvFile([HEADERS, row(p, '工伤保险', day(0), day(30))]), {
      kind: 'membership-insurance',
    });
    expect(bare.rejected).toEqual([expect.objectContaining({ row: 2, field: 'regionCode' })]);
    const withRegion = await uploaded(
      t,
      admin,
      'national-2.csv',
      csvFile([
        [...HEADERS, '所属区划代码'],
        [...row(p, '工伤保险', day(0), day(30)), '442000'],
      ]),
      KIND,
    );
    expect(withRegion).toMatchObject({ status: 'validated', rejectedRows: 0 });
  });

  it('rolls back: the covers go, and the workers it registered that nothing else names', async () => {
    // One new worker with two covers: registered once.
    const fresh = { name: '韩冬梅', residentId: uniqueResidentId(), phone: uniquePhone() };
    const found = await uploaded(
      t,
      staff,
      '撤销.csv',
      csvFile([HEADERS, row(fresh, '意外险', day(-200), day(3)), row(fresh, '工伤保险', day(-200), day(4))]),
      KIND,
    );
    expect(await committed(t, staff, found.id as string)).toMatchObject({ inserted: 2 });
    const person = await findPerson(staff, fresh.residentId);
    expect(person).toBeDefined();
    const list0 = await staff.get('/api/membership/insurance/expiring?pageSize=200');
    const mine = list0
      .json<{ items: { importId: string; personId: string }[] }>()
      .items.filter((i) => i.importId === found.id);
    expect(mine.map((i) => i.personId)).toEqual([person!.id, person!.id]);
    const rollback = await staff.post(`/api/imports/${found.id as string}/rollback`);
    expect(rollback.statusCode, rollback.body).toBe(200);
    expect(await findPerson(staff, fresh.residentId)).toBeUndefined();
    const list = await staff.get('/api/membership/insurance/expiring?pageSize=200');
    expect(list.json<{ items: { importId: string }[] }>().items.some((i) => i.importId === found.id)).toBe(false);
  });

  it('is refused to accounts without the permission', async () => {
    const mediator = await newAccount(t, { role: 'mediator', regionCode: '442000' });
    const res = await uploadFile(mediator, 'x.csv', csvFile([HEADERS]), KIND);
    expect(res.statusCode).toBe(403);
  });
});

describe('membership insurance: coverage and cover about to end', () => {
  it('counts members covered on the day: a cover that ended the day before does not count', async () => {
    // Members join in Haixi, whose staff approve them (tests/support/membership.ts).
    const organization = await newUnionOrganization(t, { regionCode: GOLMUD });
    const haixiStaff = await membershipStaff(t);
    // Four members; the fourth has no cover.
    const [ended, starts, endsToday] = [
      await newMember(t, { organization }),
      await newMember(t, { organization }),
      await newMember(t, { organization }),
      await newMember(t, { organization }),
    ];
    const record = async (personId: string, from: string, to: string) => {
      const res = await haixiStaff.post('/api/membership/insurance', cover({ personId }, from, to));
      expect(res.statusCode, res.body).toBe(200);
    };
    await record(ended.personId, day(-100), day(-1));
    await record(starts.personId, day(0), day(365));
    await record(endsToday.personId, day(-10), day(0));
    // A covered worker who is not a member is not counted.
    await record((await newPerson(t, { regionCode: GOLMUD })).id, day(-10), day(10));

    const on = async (d: string) => {
      const res = await haixiStaff.get(`/api/membership/insurance/coverage?day=${d}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{
        byOrganization: { organizationId: string; members: number; covered: number; rate: number }[];
        byRegion: { regionCode: string; members: number }[];
      }>();
      expect(body.byRegion.map((r) => r.regionCode)).toContain(GOLMUD);
      return body.byOrganization.find((o) => o.organizationId === organization.id);
    };
    expect(await on(today)).toMatchObject({ members: 4, covered: 2, rate: 0.5 });
    expect(await on(day(-1))).toMatchObject({ members: 4, covered: 2 });
    expect(await on(day(1))).toMatchObject({ members: 4, covered: 1, rate: 0.25 });
    // Staff of another region see none of it, and may not ask for it.
    const theirs = await staff.get(`/api/membership/insurance/coverage`);
    expect(theirs.json<{ byOrganization: { organizationId: string }[] }>().byOrganization).toEqual([]);
    expect((await staff.get(`/api/membership/insurance/coverage?regionCode=${GOLMUD}`)).statusCode).toBe(403);
    expect(
      (await staff.post('/api/membership/insurance', cover({ personId: ended.personId }, day(0), day(9)))).statusCode,
    ).toBe(403);
  });

  it('lists cover ending within N days (30 unless asked), not renewed, paged, numbers masked', async () => {
    const [soon, later, renewed, past] = [
      await newPerson(t),
      await newPerson(t),
      await newPerson(t),
      await newPerson(t),
    ];
    const record = async (personId: string, from: string, to: string) =>
      expect((await staff.post('/api/membership/insurance', cover({ personId }, from, to))).statusCode).toBe(200);
    await record(soon.id, day(-355), day(10));
    await record(later.id, day(-325), day(40));
    await record(renewed.id, day(-360), day(5));
    await record(renewed.id, day(6), day(370));
    await record(past.id, day(-365), day(-1));

    type Item = { personId: string; daysLeft: number; residentIdMasked: string; phoneMasked: string; name: string };
    const list = async (a: Agent, query: string) => {
      const res = await a.get(`/api/membership/insurance/expiring?pageSize=200${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Item[]; total: number }>();
    };
    const ids = (items: Item[]) => items.map((i) => i.personId);
    const first = await list(staff, '');
    expect(ids(first.items)).toContain(soon.id);
    expect(ids(first.items)).not.toContain(later.id);
    expect(ids(first.items)).not.toContain(renewed.id);
    expect(ids(first.items)).not.toContain(past.id);
    const item = first.items.find((i) => i.personId === soon.id)!;
    expect(item).toMatchObject({
      daysLeft: 10,
      name: soon.name,
      residentIdMasked: `${soon.residentId.slice(0, 4)}**********${soon.residentId.slice(-4)}`,
      phoneMasked: `${soon.phone.slice(0, 3)}****${soon.phone.slice(-4)}`,
    });
    expect(JSON.stringify(first)).not.toContain(soon.residentId);
    expect(ids((await list(staff, '&days=45')).items)).toContain(later.id);
    // Paged on the server, soonest first.
    const page = await staff.get('/api/membership/insurance/expiring?pageSize=1&page=1');
    expect(page.json()).toMatchObject({ total: first.total, page: 1, pageSize: 1, items: [expect.any(Object)] });
    expect(first.items.map((i) => i.daysLeft)).toEqual([...first.items.map((i) => i.daysLeft)].sort((a, b) => a - b));
    // Another region's staff see none of these.
    expect(ids((await list(haixi, '&days=366')).items)).not.toContain(soon.id);
    expect((await haixi.get('/api/membership/insurance/expiring?regionCode=442000')).statusCode).toBe(403);
  });
});
