import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationAnswer, MemberRecord } from '../../contracts/membership/api.js';
import type { Organiser } from '../../contracts/membership/grid.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import type { LoggedIn } from '../support/factories.js';
import {
  GOLMUD,
  acceptTransfer,
  applyFromPhone,
  approveApplication,
  membershipStaff,
  newApplicant,
  newMember,
  newUnionOrganization,
  recordCover,
  type UnionOrganization,
} from '../support/membership.js';

// The grid's daily figures (membership_grid_days) are kept by the database as the rows they count
// are written (migration 0034). Whatever happens to visits, applications, stays and covers — by
// the API or by a statement of any size — the figures equal a recount of the rows, with China
// days read through the time-zone database rather than the triggers' fixed offset.

const NOW = new Date('2026-05-12T02:00:00Z');

let t: TestApp;
let staff: LoggedIn;
let first: UnionOrganization;
let second: UnionOrganization;
let organiser: Organiser;
let other: Organiser;

async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result: unknown = await t.deps.db.execute(query);
  return (result as { rows: T[] }).rows;
}

type DayRow = { id: string; day: string; v: number; w: number; a: number; j: number; i: number };

/** The figures as kept, without the days a change brought back to nothing. */
const kept = () =>
  rowsOf<DayRow>(sql`select credited_id::text as id, day::text as day, visits as v, workers_met as w,
      applications as a, joined as j, insured as i
    from membership_grid_days where (visits, workers_met, applications, joined, insured) <> (0, 0, 0, 0, 0)
    order by 1, 2`);

/** The same figures counted from the rows themselves. */
const recount = () =>
  rowsOf<DayRow>(sql`select c.id::text as id, d.day::text as day, sum(d.v)::int as v, sum(d.w)::int as w,
      sum(d.a)::int as a, sum(d.j)::int as j, sum(d.i)::int as i
    from (
      select organiser_id, area_id, (visited_at at time zone 'Asia/Shanghai')::date as day, 1 as v, workers_met as w,
        0 as a, 0 as j, 0 as i from membership_visits
      union all
      select organiser_id, area_id, (created_at at time zone 'Asia/Shanghai')::date, 0, 0, 1, 0, 0
        from membership_applications where kind = 'join'
      union all
      select organiser_id, area_id, joined_on, 0, 0, 0, 1,
        case when exists (select 1 from membership_insurance i where i.person_id = m.person_id
          and i.ends_on >= m.joined_on and (m.ended_on is null or i.starts_on <= m.ended_on)) then 1 else 0 end
        from memberships m where previous_id is null
    ) d cross join lateral (values (d.organiser_id), (d.area_id)) c(id)
    where c.id is not null
    group by 1, 2
    having (sum(d.v), sum(d.w), sum(d.a), sum(d.j), sum(d.i)) <> (0, 0, 0, 0, 0)
    order by 1, 2`);

async function expectInStep() {
  const [k, r] = [await kept(), await recount()];
  expect(k).toEqual(r);
  return k;
}

async function newOrganiser(organization: UnionOrganization): Promise<Organiser> {
  const res = await staff.post('/api/membership/grid/organisers', {
    name: `组织员${Math.random().toString(36).slice(2, 6)}`,
    organizationId: organization.id,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Organiser>();
}

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = NOW;
  staff = await membershipStaff(t);
  first = await newUnionOrganization(t, { regionCode: GOLMUD });
  second = await newUnionOrganization(t, { regionCode: GOLMUD });
  organiser = await newOrganiser(first);
  other = await newOrganiser(second);
});
afterAll(() => t.close());

describe('the grid’s daily figures', () => {
  it('follow visits, applications, approvals, a rejection and covers made through the API', async () => {
    const area = await staff.post('/api/membership/grid/areas', {
      organizationId: first.id,
      name: '格尔木城区',
      kind: 'regions',
      items: [GOLMUD],
      organiserId: organiser.id,
    });
    expect(area.statusCode, area.body).toBe(200);
    // 23:30 China on 11 May: the visit's day is the 11th, though UTC says the 11th 15:30.
    const visit = await staff.post('/api/membership/grid/visits', {
      organiserId: organiser.id,
      visitedAt: '2026-05-11T15:30:00Z',
      place: '格尔木市昆仑路快递分拣中心',
      workersMet: 40,
    });
    expect(visit.statusCode, visit.body).toBe(200);
    const joined = await newMember(t, { organization: first, organiserCode: organiser.code });
    await newMember(t, { organization: first, organiserCode: organiser.code });
    const refused = await applyFromPhone(t, first.code, newApplicant(), { organiserCode: organiser.code });
    const row = (
      await staff.get(`/api/membership/applications?q=${refused.json<ApplicationAnswer>().applicationNo}`)
    ).json<{ items: { id: string; version: number }[] }>().items[0]!;
    const rejected = await staff.post(`/api/membership/applications/${row.id}/reject`, {
      expectedVersion: row.version,
      reason: '资料不全',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    await recordCover(staff, joined.personId, '2026-05-12', '2027-05-11');
    const days = await expectInStep();
    const mine = days.filter((d) => d.id === organiser.id);
    expect(mine).toEqual([
      { id: organiser.id, day: '2026-05-11', v: 1, w: 40, a: 0, j: 0, i: 0 },
      { id: organiser.id, day: '2026-05-12', v: 0, w: 0, a: 3, j: 2, i: 1 },
    ]);
  });

  it('follow a transfer (not a new join), and a leave before the cover began', async () => {
    const member = await newMember(t, { organization: first, organiserCode: organiser.code });
    // The transfer to the second union, credited to its organiser: a stay continued, not a join.
    const offered = await applyFromPhone(t, second.code, member, { organiserCode: other.code });
    const offer = offered.json<ApplicationAnswer>();
    const accepted = await acceptTransfer(agent(t.app), second.code, member, offer.session.token, other.code);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const moved = await approveApplication(t, accepted.json<ApplicationAnswer>().applicationNo!);
    expect((await expectInStep()).some((d) => d.id === other.id && d.j > 0)).toBe(false);

    // Leaves today; a cover from tomorrow is then not of that stay.
    const record = (await staff.get(`/api/membership/members/${moved.membershipId}`)).json<MemberRecord>();
    const left = await staff.post(`/api/membership/members/${moved.membershipId}/leave`, {
      expectedVersion: record.version,
      reason: 'left_work',
      on: '2026-05-12',
    });
    expect(left.statusCode, left.body).toBe(200);
    await recordCover(staff, member.personId, '2026-05-13', '2027-05-12');
    await expectInStep();
    const stay = await rowsOf<{ insured: boolean }>(
      sql`select insured from memberships where id = ${moved.membershipId}`,
    );
    expect(stay[0]!.insured).toBe(false);
  });

  it('follow statements of any size that move, change or delete the counted rows', async () => {
    // What no screen does today but a repair or a future screen might: the figures still hold.
    await t.deps.db.execute(sql`update membership_visits set workers_met = workers_met + 5,
      visited_at = visited_at + interval '1 hour'`);
    await expectInStep();
    await t.deps.db.execute(sql`update memberships set organiser_id = ${other.id} where organiser_id = ${organiser.id}
      and previous_id is null and status = 'active'`);
    await expectInStep();
    await t.deps.db.execute(sql`update memberships set joined_on = joined_on - 40`);
    await expectInStep();
    await t.deps.db.execute(sql`delete from membership_insurance`);
    const after = await expectInStep();
    expect(after.every((d) => d.i === 0)).toBe(true);
    await t.deps.db.execute(sql`delete from membership_visits`);
    expect((await expectInStep()).every((d) => d.v === 0)).toBe(true);
  });
});
