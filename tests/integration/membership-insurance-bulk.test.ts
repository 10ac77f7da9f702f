import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../contracts/dates.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { importChanges } from '../../server/modules/imports/tables.js';
import { membershipInsuranceStaging } from '../../server/modules/membership/insurance/tables.js';
import { membershipInsurance, memberships } from '../../server/modules/membership/tables.js';
import { people } from '../../server/modules/people/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { newPerson, uniquePhone, uniqueResidentId, type LoggedIn } from '../support/factories.js';
import { committed, csvFile, uploaded } from '../support/imports.js';
import { GOLMUD, HAIXI, membershipStaff, newMember, newUnionOrganization } from '../support/membership.js';

// The insurance import's fast lane (typed staging by COPY, the people and covers moved by
// INSERT … SELECT a chunk at a time, rollback by import) through the HTTP API: who is registered
// and named by which row, with which audit record; covers counted new or duplicate; a repeated
// row rejected; rollback taking back what the import added but not a worker who joined since;
// the staging emptied; an import committed by the former lane rolled back as before.

const HEADERS = ['姓名', '身份证号', '手机号', '险种', '保险公司', '保单号', '起保日期', '终保日期'];
const KIND = { kind: 'membership-insurance' };
const INSURER = '中国平安财产保险股份有限公司海西中心支公司';

let t: TestApp;
let staff: LoggedIn;
let today: string;
const day = (n: number) => addDays(today, n);

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await membershipStaff(t, HAIXI);
  today = todayInChina(t.deps.now());
});
afterAll(() => t.close());

interface Worker {
  name: string;
  residentId: string;
  phone: string;
}

const newWorker = (name = '马骑手'): Worker => ({
  name,
  residentId: uniqueResidentId({ regionCode: GOLMUD }),
  phone: uniquePhone(),
});

function row(w: Worker, scheme: string, startsOn: string, endsOn: string, policyNo = `P${w.phone}`) {
  return [w.name, w.residentId, w.phone, scheme, INSURER, policyNo, startsOn, endsOn];
}

const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

async function personOf(residentId: string) {
  const res = await staff.post('/api/people/search', { q: residentId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string; name: string; phone: string | null; regionCode: string }[] }>().items[0];
}

const coversOf = (importId: string) =>
  t.deps.db
    .select({ personId: membershipInsurance.personId, scheme: membershipInsurance.scheme })
    .from(membershipInsurance)
    .where(eq(membershipInsurance.importId, importId))
    .orderBy(asc(membershipInsurance.id));

const registeredBy = async (importId: string) =>
  (await t.deps.db.select({ id: people.id }).from(people).where(eq(people.registeredByImport, importId))).map(
    (p) => p.id,
  );

const stagedCount = async (importId: string) =>
  (
    await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(membershipInsuranceStaging)
      .where(eq(membershipInsuranceStaging.importId, importId))
  )[0]!.n;

const auditOf = (personId: string) =>
  t.deps.db
    .select({ action: auditLog.action, after: auditLog.after, actor: auditLog.actorAccountId })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, personId)))
    .orderBy(asc(auditLog.id));

describe('the insurance import’s fast lane', () => {
  it('registers the new workers (with their audit records), finds the registered ones, skips a bad row, and empties the staging', async () => {
    const known = await newPerson(t, { regionCode: GOLMUD });
    const [a, b] = [newWorker('马海军'), newWorker('韩冬梅')];
    const bad = newWorker('李四');
    const data = [
      HEADERS,
      row(a, '工伤保险', day(-10), day(355)),
      // A registered worker keeps their own phone; the row's cover is theirs.
      row({ ...known, phone: uniquePhone() }, '职业伤害保障', day(-1), day(364)),
      row(
        { ...bad, residentId: bad.residentId.slice(0, 17) + (bad.residentId[17] === '0' ? '1' : '0') },
        '工伤保险',
        day(0),
        day(9),
      ),
      row(b, '意外险', day(0), day(30)),
    ];
    const found = await uploaded(t, staff, '海西参保.csv', csvFile(data), KIND);
    expect(found).toMatchObject({ status: 'validated', totalRows: 4, rejectedRows: 1 });
    expect(found.rejected).toEqual([expect.objectContaining({ row: 4, field: 'residentId' })]);
    const id = found.id as string;

    // Checked rows wait in the typed staging, sealed: no column holds a resident ID in clear.
    expect(await stagedCount(id)).toBe(3);
    const staged = await t.deps.db
      .select()
      .from(membershipInsuranceStaging)
      .where(eq(membershipInsuranceStaging.importId, id));
    for (const w of [a, b, known]) expect(JSON.stringify(staged)).not.toContain(w.residentId);
    expect(staged.map((s) => s.residentIdHead + s.residentIdTail)).toContain(
      a.residentId.slice(0, 4) + a.residentId.slice(-4),
    );
    expect(await personOf(a.residentId)).toBeUndefined();

    expect(await committed(t, staff, id)).toMatchObject({ status: 'committed', inserted: 3, updated: 0, unchanged: 0 });
    expect(await stagedCount(id)).toBe(0);

    const [pa, pb, pk] = [await personOf(a.residentId), await personOf(b.residentId), await personOf(known.residentId)];
    expect(pa).toMatchObject({ name: '马海军', phone: a.phone, regionCode: HAIXI });
    expect(pb).toMatchObject({ name: '韩冬梅', phone: b.phone, regionCode: HAIXI });
    expect(pk).toMatchObject({ id: known.id, name: known.name, phone: known.phone, regionCode: GOLMUD });
    expect(await personOf(bad.residentId)).toBeUndefined();
    expect((await registeredBy(id)).sort()).toEqual([pa!.id, pb!.id].sort());
    expect((await coversOf(id)).map((c) => c.personId).sort()).toEqual([pa!.id, pk!.id, pb!.id].sort());

    // Each new person has the record every new person gets, numbers masked, by the committer.
    const records = await auditOf(pa!.id);
    expect(records).toEqual([
      {
        action: 'person.created',
        actor: staff.id,
        after: {
          id: pa!.id,
          name: '马海军',
          phone: `${a.phone.slice(0, 3)}****${a.phone.slice(-4)}`,
          regionCode: HAIXI,
          sex: Number(a.residentId[16]) % 2 === 1 ? 'male' : 'female',
          birthDate: `${a.residentId.slice(6, 10)}-${a.residentId.slice(10, 12)}-${a.residentId.slice(12, 14)}`,
          residentId: masked(a.residentId),
        },
      },
    ]);
    expect((await auditOf(pb!.id)).map((r) => r.action)).toEqual(['person.created']);
    expect((await auditOf(known.id)).map((r) => r.action)).toEqual(['person.created']);

    // The same rows in another file add nothing: every cover is a duplicate, nobody is registered.
    const again = await uploaded(t, staff, '海西参保-2.csv', csvFile(data, 'utf-8-bom'), KIND);
    expect(again).toMatchObject({ status: 'validated', totalRows: 4, rejectedRows: 1 });
    expect(await committed(t, staff, again.id as string)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await coversOf(again.id as string)).toEqual([]);
    expect(await registeredBy(again.id as string)).toEqual([]);
    expect((await auditOf(pa!.id)).map((r) => r.action)).toEqual(['person.created']);
    expect(await stagedCount(again.id as string)).toBe(0);
  });

  it('registers a worker on two rows once, named by the first, and rejects a repeated cover naming the first row', async () => {
    const w = newWorker('王五');
    const data = [
      HEADERS,
      row(w, '工伤保险', day(0), day(364)),
      // The same worker under another name and phone, another cover: one person, as row 2 says.
      row({ ...w, name: '王老五', phone: uniquePhone() }, '意外险', day(0), day(364)),
      // The same person, scheme and start as row 2 again.
      row(w, '工伤保险', day(0), day(200), 'GS-AGAIN'),
    ];
    const found = await uploaded(t, staff, '同一人.csv', csvFile(data), KIND);
    expect(found).toMatchObject({ status: 'validated', totalRows: 3, rejectedRows: 1 });
    expect(found.rejected).toEqual([
      {
        row: 4,
        field: 'residentId',
        zh: expect.stringContaining('与第 2 行重复'),
        en: expect.stringContaining('Duplicate of row 2'),
      },
    ]);
    // The rejected rows' workbook shows the repeated row with its ID masked.
    const xlsx = await staff.get(`/api/imports/${found.id as string}/rejected.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = (book.worksheets[0]!.getRow(2).values as unknown[]).map(String);
    expect(cells).toEqual(expect.arrayContaining(['4', masked(w.residentId), 'GS-AGAIN']));
    expect(cells).not.toContain(w.residentId);

    expect(await committed(t, staff, found.id as string)).toMatchObject({ inserted: 2, unchanged: 0 });
    const person = await personOf(w.residentId);
    expect(person).toMatchObject({ name: '王五', phone: w.phone });
    expect(await registeredBy(found.id as string)).toEqual([person!.id]);
    expect((await coversOf(found.id as string)).map((c) => [c.personId, c.scheme])).toEqual([
      [person!.id, 'work_injury'],
      [person!.id, 'commercial_accident'],
    ]);
    expect((await auditOf(person!.id)).map((r) => r.action)).toEqual(['person.created']);
  });

  it('rolls back: the covers and the people it registered go, a worker who joined since stays (and is no longer insured)', async () => {
    const organization = await newUnionOrganization(t, { regionCode: GOLMUD });
    const [leaves, joins] = [newWorker('赵六'), newWorker('钱七')];
    const known = await newPerson(t, { regionCode: GOLMUD });
    const found = await uploaded(
      t,
      staff,
      '撤销.csv',
      csvFile([
        HEADERS,
        row(leaves, '工伤保险', day(-30), day(335)),
        row(joins, '工伤保险', day(-30), day(335)),
        row(known, '工伤保险', day(-30), day(335)),
      ]),
      KIND,
    );
    const id = found.id as string;
    expect(await committed(t, staff, id)).toMatchObject({ inserted: 3 });
    const [pl, pj] = [await personOf(leaves.residentId), await personOf(joins.residentId)];

    // The second worker joins the union as the person the import registered; the cover counts.
    const member = await newMember(t, { organization, applicant: joins });
    expect(member.personId).toBe(pj!.id);
    const insured = async () =>
      (
        await t.deps.db
          .select({ insured: memberships.insured })
          .from(memberships)
          .where(eq(memberships.id, member.membershipId))
      )[0]!.insured;
    expect(await insured()).toBe(true);

    const res = await staff.post(`/api/imports/${id}/rollback`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rolled_back' });
    expect(await coversOf(id)).toEqual([]);
    expect(await personOf(leaves.residentId)).toBeUndefined();
    expect(await personOf(joins.residentId)).toMatchObject({ id: pj!.id });
    expect(await personOf(known.residentId)).toMatchObject({ id: known.id });
    expect(await insured()).toBe(false);
    expect((await auditOf(pl!.id)).map((r) => r.action)).toEqual(['person.created', 'person.deleted']);
    expect((await auditOf(pj!.id)).map((r) => r.action)).not.toContain('person.deleted');
  });

  it('rolls back an import committed by the former lane, whose changes list the people it created', async () => {
    const w = newWorker('孙八');
    const found = await uploaded(t, staff, '旧导入.csv', csvFile([HEADERS, row(w, '工伤保险', day(0), day(30))]), KIND);
    const id = found.id as string;
    expect(await committed(t, staff, id)).toMatchObject({ inserted: 1 });
    const person = await personOf(w.residentId);
    // As the former lane left it: no mark on the person, the change listed instead.
    await t.deps.db.update(people).set({ registeredByImport: null }).where(eq(people.id, person!.id));
    await t.deps.db
      .insert(importChanges)
      .values({ importId: id, seq: 0, changes: [{ entityId: person!.id, before: null }] });

    const res = await staff.post(`/api/imports/${id}/rollback`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await personOf(w.residentId)).toBeUndefined();
    expect(await coversOf(id)).toEqual([]);
  });
});
