import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Area, GridFigures, MyFigures, Organiser, OrganiserFigures } from '../../contracts/membership/grid.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import {
  GOLMUD,
  HAIXI,
  applyFromPhone,
  membershipStaff,
  newApplicant,
  newMember,
  newUnionOrganization,
  recordCover,
  type NewMember,
  type UnionOrganization,
} from '../support/membership.js';

// The grid's figures over a period: visits and workers met by the visit's China time, applications
// by when they arrived, joins by the membership's first day and, of those, the insured; the league
// table's order; the board of areas; the workbook; an organiser's own figures.

/** The fixed "now" of the file: 12:00 in China on 20 March 2026 (each code texted moves it a minute). */
const NOW = new Date('2026-03-20T04:00:00Z');
const TODAY = '2026-03-20';

let t: TestApp;
let staff: LoggedIn;
let organization: UnionOrganization;
/** A: two members and four visits around 1–10 March; B: two members and a pending application; C: one pending. */
let a: Organiser;
let b: Organiser;
let c: Organiser;
let idle: Organiser[];
let aAccount: LoggedIn;
let areaA: Area;
let areaB: Area;
let aMembers: NewMember[];

async function newOrganiser(over: Record<string, unknown> = {}): Promise<Organiser> {
  const res = await staff.post('/api/membership/grid/organisers', {
    name: `组织员${Math.random().toString(36).slice(2, 6)}`,
    organizationId: organization.id,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Organiser>();
}

async function newArea(body: Record<string, unknown>): Promise<Area> {
  const res = await staff.post('/api/membership/grid/areas', { organizationId: organization.id, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Area>();
}

async function visit(organiserId: string, visitedAt: string, workersMet: number, areaId?: string) {
  const res = await staff.post('/api/membership/grid/visits', {
    organiserId,
    areaId,
    visitedAt,
    place: '格尔木市昆仑路快递分拣中心',
    workersMet,
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function pendingApplication(organiser: Organiser) {
  const res = await applyFromPhone(t, organization.code, newApplicant(), { organiserCode: organiser.code });
  expect(res.statusCode, res.body).toBe(200);
}

async function figures(as: Agent, from: string, to: string): Promise<GridFigures> {
  const res = await as.get(`/api/membership/grid/figures?from=${from}&to=${to}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<GridFigures>();
}
const rowOf = (f: GridFigures, o: Organiser) => f.organisers.find((r) => r.organiserId === o.id)!;
const areaRow = (f: GridFigures, area: Area) => f.areas.find((r) => r.areaId === area.id)!;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = NOW;
  staff = await membershipStaff(t, HAIXI);
  organization = await newUnionOrganization(t, { regionCode: GOLMUD });
  aAccount = await newAccount(t, { role: 'union_organiser', regionCode: GOLMUD });
  a = await newOrganiser({ name: '甲组织员', accountId: aAccount.id });
  b = await newOrganiser({ name: '乙组织员' });
  c = await newOrganiser({ name: '丙组织员' });
  idle = [await newOrganiser({ name: '丁组织员' }), await newOrganiser({ name: '戊组织员' })];
  areaA = await newArea({ name: '格尔木城区', kind: 'regions', items: [GOLMUD], organiserId: a.id });
  areaB = await newArea({ name: '顺丰片区', kind: 'platforms', items: ['顺丰'], organiserId: b.id });
  // Around the period 1–10 March in China: the first and last instants in, the ones beside them out.
  await visit(a.id, '2026-02-28T15:59:59Z', 100, areaA.id);
  await visit(a.id, '2026-02-28T16:00:00Z', 10, areaA.id);
  await visit(a.id, '2026-03-10T15:59:59Z', 5, areaA.id);
  await visit(a.id, '2026-03-10T16:00:00Z', 1000, areaA.id);
  aMembers = [
    await newMember(t, { organization, organiserCode: a.code }),
    await newMember(t, { organization, organiserCode: a.code }),
  ];
  await newMember(t, { organization, organiserCode: b.code, applicant: { employer: '顺丰速运' } });
  await newMember(t, { organization, organiserCode: b.code, applicant: { employer: '顺丰速运' } });
  await pendingApplication(b);
  await pendingApplication(c);
  // Covered on the day they joined; the other's cover ended the day before.
  await recordCover(staff, aMembers[0]!.personId, '2026-03-01', '2027-02-28');
  await recordCover(staff, aMembers[1]!.personId, '2025-03-20', '2026-03-19');
});
afterAll(() => t.close());

describe('figures over a period', () => {
  it('counts the visits whose China time falls in the period, to the second', async () => {
    const f = await figures(staff, '2026-03-01', '2026-03-10');
    expect(rowOf(f, a)).toMatchObject({ visits: 2, workersMet: 15, applications: 0, joined: 0, joinRate: 0 });
    expect(areaRow(f, areaA)).toMatchObject({ visits: 2, workersMet: 15, organiserName: '甲组织员' });
    const day = await figures(staff, '2026-02-28', '2026-02-28');
    expect(rowOf(day, a)).toMatchObject({ visits: 1, workersMet: 100 });
    const next = await figures(staff, '2026-03-11', '2026-03-11');
    expect(rowOf(next, a)).toMatchObject({ visits: 1, workersMet: 1000 });
  });

  it('counts applications and joins on the day they happened, and the insured among those joined', async () => {
    const before = await figures(staff, '2026-03-01', '2026-03-19');
    expect(rowOf(before, a)).toMatchObject({ applications: 0, joined: 0, insured: 0, insuredRate: null });
    const today = await figures(staff, TODAY, TODAY);
    expect(rowOf(today, a)).toMatchObject({ applications: 2, joined: 2, insured: 1, insuredRate: 0.5 });
    expect(rowOf(today, b)).toMatchObject({ applications: 3, joined: 2, insured: 0 });
    expect(rowOf(today, c)).toMatchObject({ applications: 1, joined: 0 });
    // Credited to areas as the joins were: Golmud by region, 顺丰 by the employer written.
    expect(areaRow(today, areaA)).toMatchObject({ applications: 2, joined: 2, insured: 1 });
    expect(areaRow(today, areaB)).toMatchObject({ applications: 3, joined: 2 });
    const month = await figures(staff, '2026-03-01', '2026-03-31');
    expect(rowOf(month, a)).toMatchObject({ visits: 3, workersMet: 1015, joined: 2, joinRate: 0.002 });
    // A stay counts as insured with cover on some day of the stay, not of the period: the second
    // worker's cover fell in the month but ended the day before they joined.
    expect(month.totals).toMatchObject({ applications: 6, joined: 4, insured: 1, visits: 3, workersMet: 1015 });
  });

  it('counts a join as insured when the cover is recorded later, even after the period', async () => {
    const member = await newMember(t, { organization, organiserCode: c.code });
    const before = await figures(staff, TODAY, TODAY);
    expect(rowOf(before, c)).toMatchObject({ joined: 1, insured: 0, insuredRate: 0 });
    // Cover from next month, recorded now: the join of today is an insured one.
    await recordCover(staff, member.personId, '2026-04-01', '2027-03-31');
    const after = await figures(staff, TODAY, TODAY);
    expect(rowOf(after, c)).toMatchObject({ joined: 1, insured: 1, insuredRate: 1 });
  });

  it('defaults to this month up to today, and refuses a period the wrong way round', async () => {
    const res = await staff.get('/api/membership/grid/figures');
    expect(res.json()).toMatchObject({ from: '2026-03-01', to: TODAY, regionName: expect.stringContaining('海西') });
    const wrong = await staff.get('/api/membership/grid/figures?from=2026-03-10&to=2026-03-01');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: 'from', messageEn: expect.stringContaining('first day') });
  });
});

describe('the league table', () => {
  it('ranks by joined, then applications; equal figures share a rank', async () => {
    const f = await figures(staff, TODAY, TODAY);
    const ranks = f.organisers.map((r: OrganiserFigures) => [r.name, r.rank]);
    expect(ranks).toEqual([
      ['乙组织员', 1],
      ['甲组织员', 2],
      ['丙组织员', 3],
      [expect.any(String), 4],
      [expect.any(String), 4],
    ]);
    expect(
      f.organisers
        .slice(3)
        .map((r) => r.organiserId)
        .sort(),
    ).toEqual(idle.map((o) => o.id).sort());
  });

  it('is the region’s: staff of another region see none of it, and an organiser cannot read it', async () => {
    const zhongshan = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    const f = await figures(zhongshan, TODAY, TODAY);
    expect(f.organisers).toEqual([]);
    expect(f.areas).toEqual([]);
    expect((await aAccount.get('/api/membership/grid/figures')).statusCode).toBe(403);
  });
});

describe('the workbook', () => {
  it('opens with exceljs and holds the league table and the board', async () => {
    const res = await staff.get(`/api/membership/grid/figures.xlsx?from=2026-03-01&to=${TODAY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const league = book.getWorksheet('组织员排行 Organisers')!;
    const rows = league.getSheetValues().filter(Boolean) as unknown[][];
    const aRow = rows.find((r) => r.includes('甲组织员'))!;
    // rank, code, name, union, visits, workers met, applications, joined, insured, join rate, insured rate
    expect(aRow.slice(1)).toEqual([2, a.code, '甲组织员', organization.name, 3, 1015, 2, 2, 1, 0.002, 0.5]);
    expect(rows.some((r) => r.includes('合计 Total'))).toBe(true);
    const board = book.getWorksheet('网格 Areas')!;
    const boardRows = board.getSheetValues().filter(Boolean) as unknown[][];
    expect(boardRows.find((r) => r.includes('顺丰片区'))!.slice(1, 8)).toEqual([
      '顺丰片区',
      '平台/企业',
      '乙组织员',
      0,
      0,
      3,
      2,
    ]);
  });

  it('writes a name that would run as a formula as text', async () => {
    await newOrganiser({ name: '=HYPERLINK("x")' });
    const res = await staff.get('/api/membership/grid/figures.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values = book.getWorksheet('组织员排行 Organisers')!.getSheetValues().flat();
    expect(values).toContain('\'=HYPERLINK("x")');
  });
});

describe('an organiser’s own figures', () => {
  it('shows the signed-in organiser their figures and their areas’', async () => {
    const res = await aAccount.get(`/api/membership/grid/me/figures?from=2026-03-01&to=${TODAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json<MyFigures>();
    expect(mine.totals).toMatchObject({ visits: 3, workersMet: 1015, applications: 2, joined: 2, insured: 1 });
    expect(mine.areas.map((r) => r.areaId)).toEqual([areaA.id]);
  });
});
