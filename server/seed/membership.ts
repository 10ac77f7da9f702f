import crypto from 'node:crypto';
import { and, eq, getTableName, inArray } from 'drizzle-orm';
import type { MemberOccupation } from '../../contracts/membership/codes.js';
import { MEMBERSHIP_NOTICE_VERSION } from '../../contracts/membership/codes.js';
import type { Deps } from '../core/deps.js';
import { sexOfResidentId } from '../core/identifiers/resident-id.js';
import { bulkInsert, type BulkColumn } from '../db/bulk.js';
import { accounts } from '../modules/accounts/tables.js';
import {
  membershipApplications,
  membershipAreas,
  membershipInsurance,
  membershipOrganisers,
  membershipRecommendations,
  memberships,
  membershipVisits,
} from '../modules/membership/tables.js';
import { applicationNumber, memberNumber } from '../modules/membership/rules/card.js';
import { organizations } from '../modules/organizations/tables.js';
import { people } from '../modules/people/tables.js';
import { DEMO_AS_OF } from './demo-data.js';
import { chineseName, mobile, residentId } from './people-gen.js';
import { createRng, type Rng } from './random.js';

// The membership demo (seed article 4, Haixi 海西州): seven union organizations built for
// new-employment-form workers, 324 members, 12,471 workers in work-injury insurance and 69 members
// recommended for party membership. The dashboard counts these rows; nothing states the figures.
// Written directly in one transaction like the other demo writers' bulk rows (no audit records).

export const HAIXI_FIGURES = { organizations: 7, members: 324, insured: 12_471, recommended: 69 } as const;

const HAIXI = '632800';
const COUNTIES = [
  ['632801', 40],
  ['632802', 25],
  ['632803', 10],
  ['632821', 8],
  ['632822', 10],
  ['632823', 7],
] as const;

/** The new-form unions besides the truck drivers' (demo-data.ts 'hx-drivers', given its code here). */
const UNIONS: {
  name: string;
  kind: 'joint' | 'industry';
  region: string;
  code: string;
  since: string;
  work: MemberOccupation[];
}[] = [
  {
    name: '海西州新就业形态劳动者联合工会',
    kind: 'joint',
    region: HAIXI,
    code: 'HX-NEF',
    since: '2023-03-15',
    work: ['rider', 'courier', 'ride_hailing_driver', 'domestic'],
  },
  {
    name: '海西州快递行业工会联合会',
    kind: 'industry',
    region: HAIXI,
    code: 'HX-COURIER',
    since: '2023-05-20',
    work: ['courier'],
  },
  {
    name: '海西州外卖配送行业工会联合会',
    kind: 'industry',
    region: HAIXI,
    code: 'HX-RIDERS',
    since: '2023-06-28',
    work: ['rider'],
  },
  {
    name: '格尔木市新就业形态劳动者联合工会',
    kind: 'joint',
    region: '632801',
    code: 'GEM-NEF',
    since: '2023-09-12',
    work: ['rider', 'courier', 'truck_driver'],
  },
  {
    name: '德令哈市新就业形态劳动者联合工会',
    kind: 'joint',
    region: '632802',
    code: 'DLH-NEF',
    since: '2024-04-18',
    work: ['rider', 'courier', 'ride_hailing_driver'],
  },
  {
    name: '茫崖市新就业形态劳动者联合工会',
    kind: 'joint',
    region: '632803',
    code: 'MY-NEF',
    since: '2024-08-09',
    work: ['truck_driver', 'courier'],
  },
];
const TRUCK_UNION = {
  name: '海西州货车司机工会联合会',
  code: 'HX-TRUCK',
  since: '2023-04-10',
  work: ['truck_driver'] as MemberOccupation[],
};
/** How the 324 members are spread over the seven unions (in UNIONS order, then the truck drivers'). */
const MEMBERS_PER_UNION = [78, 46, 52, 48, 34, 22, 44];

const EMPLOYERS: Record<MemberOccupation, string[]> = {
  rider: ['美团', '饿了么'],
  courier: ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '京东物流', '中国邮政'],
  truck_driver: ['满帮', '货拉拉', '青海盐湖物流有限公司'],
  ride_hailing_driver: ['滴滴出行', '高德打车'],
  domestic: ['格尔木家政服务中心'],
  other: ['个体'],
};

const ORGANISERS = [
  { name: '韩永福', account: 'hx_organiser', union: 0 },
  { name: '马晓梅', union: 3 },
  { name: '李国庆', union: 4 },
  { name: '祁海龙', union: 5 },
  { name: '张玉兰', union: 1 },
  { name: '冶成福', union: 6 },
];
const AREAS: { name: string; kind: 'regions' | 'platforms'; items: string[]; organiser: number; region: string }[] = [
  { name: '格尔木城区', kind: 'regions', items: ['632801'], organiser: 1, region: '632801' },
  { name: '德令哈市', kind: 'regions', items: ['632802'], organiser: 2, region: '632802' },
  { name: '茫崖与大柴旦', kind: 'regions', items: ['632803', '632857'], organiser: 3, region: '632803' },
  { name: '乌兰、都兰、天峻三县', kind: 'regions', items: ['632821', '632822', '632823'], organiser: 0, region: HAIXI },
  { name: '外卖平台站点', kind: 'platforms', items: ['美团', '饿了么'], organiser: 0, region: HAIXI },
  {
    name: '快递网点',
    kind: 'platforms',
    items: ['顺丰', '中通', '圆通', '韵达', '京东', '邮政'],
    organiser: 4,
    region: HAIXI,
  },
  { name: '货运物流园区', kind: 'platforms', items: ['满帮', '货拉拉', '物流'], organiser: 5, region: '632801' },
];

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

interface Person {
  id: string;
  name: string;
  phone: string;
  residentId: string;
  regionCode: string;
}

function newPerson(rng: Rng, usedIds: Set<string>): Person {
  for (;;) {
    const n = chineseName(rng);
    const regionCode = rng.weighted(COUNTIES);
    const id = residentId(
      rng,
      rng.chance(0.7) ? regionCode : rng.pick(['630102', '632123', '620102', '510107', '412721']),
      {
        asOf: DEMO_AS_OF,
        minAge: 20,
        maxAge: 55,
        sex: n.sex,
      },
    );
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    return { id: crypto.randomUUID(), name: n.name, phone: mobile(rng), residentId: id, regionCode };
  }
}

export async function writeMembershipDemo(deps: Deps): Promise<void> {
  const { db, cipher } = deps;
  const rng = createRng('yizhan-membership');
  const [federation] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.regionCode, HAIXI), eq(organizations.kind, 'city')));
  const [trucks] = await db
    .select({ id: organizations.id, regionCode: organizations.regionCode })
    .from(organizations)
    .where(eq(organizations.name, TRUCK_UNION.name));
  if (!federation || !trucks) return;
  const logins = await db
    .select({ id: accounts.id, username: accounts.username })
    .from(accounts)
    .where(inArray(accounts.username, ['hx_union', 'hx_organiser']));
  const accountOf = new Map(logins.map((a) => [a.username, a.id]));
  const usedIds = new Set<string>();

  await db.transaction(async (tx) => {
    await tx
      .update(organizations)
      .set({ code: TRUCK_UNION.code, chairName: '祁生贵', createdAt: new Date(`${TRUCK_UNION.since}T02:00:00Z`) })
      .where(eq(organizations.id, trucks.id));
    const unionRows = [] as { id: string; regionCode: string; name: string; work: MemberOccupation[]; since: string }[];
    for (const u of UNIONS) {
      const [row] = await tx
        .insert(organizations)
        .values({
          name: u.name,
          kind: u.kind,
          regionCode: u.region,
          parentId: federation.id,
          code: u.code,
          chairName: chineseName(rng).name,
          createdAt: new Date(`${u.since}T02:00:00Z`),
        })
        .returning({ id: organizations.id });
      unionRows.push({ id: row!.id, regionCode: u.region, name: u.name, work: u.work, since: u.since });
    }
    unionRows.push({
      id: trucks.id,
      regionCode: trucks.regionCode ?? HAIXI,
      name: TRUCK_UNION.name,
      work: TRUCK_UNION.work,
      since: TRUCK_UNION.since,
    });

    const organiserIds = ORGANISERS.map(() => crypto.randomUUID());
    await tx.insert(membershipOrganisers).values(
      ORGANISERS.map((o, i) => ({
        id: organiserIds[i]!,
        code: `HXO${String(i + 1).padStart(3, '0')}`,
        name: o.name,
        phone: mobile(rng),
        organizationId: unionRows[o.union]!.id,
        regionCode: unionRows[o.union]!.regionCode,
        accountId: o.account ? (accountOf.get(o.account) ?? null) : null,
      })),
    );
    const areaIds = AREAS.map(() => crypto.randomUUID());
    await tx.insert(membershipAreas).values(
      AREAS.map((a, i) => ({
        id: areaIds[i]!,
        name: a.name,
        kind: a.kind,
        items: a.items,
        organizationId: unionRows[ORGANISERS[a.organiser]!.union]!.id,
        regionCode: a.region,
        organiserId: organiserIds[a.organiser]!,
      })),
    );
    const areaOfOrganiser = (o: number) => areaIds[AREAS.findIndex((a) => a.organiser === o)] ?? null;

    // Outreach visits over two years: the organisers meet riders at their stations and sites.
    const visits = Array.from({ length: 140 }, () => {
      const o = rng.int(0, ORGANISERS.length - 1);
      const area = AREAS.findIndex((a) => a.organiser === o);
      const at = dayMs('2024-01-08') + rng.int(0, 715) * DAY + rng.int(1, 10) * 3_600_000;
      const site = rng.pick(Object.values(EMPLOYERS).flat());
      return {
        id: crypto.randomUUID(),
        organiserId: organiserIds[o]!,
        areaId: area >= 0 ? areaIds[area]! : null,
        regionCode: area >= 0 ? AREAS[area]!.region : HAIXI,
        visitedAt: new Date(at),
        place: `${site}${rng.pick(['站点', '网点', '园区', '服务点'])}`,
        workersMet: rng.int(6, 60),
        sites: [site],
      };
    });
    await tx.insert(membershipVisits).values(visits);

    // The members, each approved from an application; about two in three brought by an organiser.
    const members: (Person & { membershipId: string; unionIndex: number; joinedOn: string })[] = [];
    const personRows: Person[] = [];
    const applications: (typeof membershipApplications.$inferInsert)[] = [];
    const membershipRows: (typeof memberships.$inferInsert)[] = [];
    const serials = new Map<string, number>();
    const nextSerial = (key: string) => {
      const n = (serials.get(key) ?? 0) + 1;
      serials.set(key, n);
      return n;
    };
    MEMBERS_PER_UNION.forEach((count, u) => {
      const union = unionRows[u]!;
      const organiser = ORGANISERS.findIndex((o) => o.union === u);
      for (let i = 0; i < count; i++) {
        const person = newPerson(rng, usedIds);
        personRows.push(person);
        const joinedMs =
          Math.max(dayMs(union.since) + 7 * DAY, dayMs('2023-04-01')) +
          rng.int(0, Math.floor((dayMs('2025-12-20') - dayMs(union.since)) / DAY) - 10) * DAY;
        const joinedOn = isoDay(joinedMs);
        const appliedAt = new Date(joinedMs - rng.int(1, 5) * DAY + rng.int(1, 12) * 3_600_000);
        const occupation = rng.pick(union.work);
        const employer = rng.pick(EMPLOYERS[occupation]);
        const credited = organiser >= 0 && rng.chance(0.7);
        const year = Number(joinedOn.slice(0, 4));
        const memberNo = memberNumber(union.regionCode, year, nextSerial(`${union.regionCode}:${year}`));
        const applicationId = crypto.randomUUID();
        const membershipId = crypto.randomUUID();
        const day = isoDay(appliedAt.getTime() + 8 * 3_600_000);
        applications.push({
          id: applicationId,
          applicationNo: applicationNumber(day, nextSerial(`app:${day}`)),
          kind: 'join',
          organizationId: union.id,
          regionCode: union.regionCode,
          organiserId: credited ? organiserIds[organiser]! : null,
          areaId: credited ? areaOfOrganiser(organiser) : null,
          personId: person.id,
          residentIdHash: cipher.searchHash(person.residentId),
          name: person.name,
          phone: person.phone,
          occupation,
          employer,
          noticeVersion: MEMBERSHIP_NOTICE_VERSION,
          status: 'approved',
          decidedBy: accountOf.get('hx_union') ?? null,
          decidedAt: new Date(joinedMs + 2 * 3_600_000),
          membershipId,
          createdAt: appliedAt,
          updatedAt: new Date(joinedMs + 2 * 3_600_000),
          version: 2,
        });
        membershipRows.push({
          id: membershipId,
          memberNo,
          personId: person.id,
          organizationId: union.id,
          regionCode: union.regionCode,
          joinedOn,
          applicationId,
          organiserId: credited ? organiserIds[organiser]! : null,
          areaId: credited ? areaOfOrganiser(organiser) : null,
          occupation,
          employer,
          ethnicity: rng.weighted([
            ['01', 55],
            ['03', 25],
            ['04', 10],
            ['02', 5],
            ['30', 5],
          ] as const),
          education: rng.weighted([
            ['junior_secondary', 40],
            ['senior_secondary', 30],
            ['vocational', 20],
            ['junior_college', 10],
          ] as const),
          politicalStatus: rng.weighted([
            ['masses', 80],
            ['cyl_member', 12],
            ['cpc_member', 8],
          ] as const),
          post: occupation === 'truck_driver' ? '驾驶员' : occupation === 'rider' ? '配送员' : '业务员',
          createdAt: appliedAt,
          updatedAt: appliedAt,
        });
        members.push({ ...person, membershipId, unionIndex: u, joinedOn });
      }
    });
    // Applications still waiting in the queue, and a few turned down with a reason.
    for (let i = 0; i < 12; i++) {
      const person = newPerson(rng, usedIds);
      personRows.push(person);
      const u = rng.int(0, unionRows.length - 1);
      const union = unionRows[u]!;
      const occupation = rng.pick(union.work);
      const at = new Date(dayMs('2025-12-18') + rng.int(0, 12) * DAY + rng.int(1, 12) * 3_600_000);
      const day = isoDay(at.getTime() + 8 * 3_600_000);
      const rejected = i >= 9;
      applications.push({
        applicationNo: applicationNumber(day, nextSerial(`app:${day}`)),
        kind: 'join',
        organizationId: union.id,
        regionCode: union.regionCode,
        personId: person.id,
        residentIdHash: cipher.searchHash(person.residentId),
        name: person.name,
        phone: person.phone,
        occupation,
        employer: rng.pick(EMPLOYERS[occupation]),
        noticeVersion: MEMBERSHIP_NOTICE_VERSION,
        status: rejected ? 'rejected' : 'pending',
        decisionReason: rejected ? '经核实，申请人已不在本行业从业' : null,
        decidedAt: rejected ? new Date(at.getTime() + DAY) : null,
        createdAt: at,
        updatedAt: at,
        version: rejected ? 2 : 1,
      });
    }
    // Workers in work-injury insurance: most members, and the riders and drivers the program
    // enrolled without (yet) joining, to 12,471 people.
    const insuredMembers = members.filter(() => rng.chance(0.92));
    const others = Array.from({ length: HAIXI_FIGURES.insured - insuredMembers.length }, () => newPerson(rng, usedIds));
    personRows.push(...others);
    const cover = [...insuredMembers, ...others].map((p) => {
      const start = dayMs('2023-07-01') + rng.int(0, 880) * DAY;
      return {
        id: crypto.randomUUID(),
        personId: p.id,
        regionCode: p.regionCode,
        scheme: rng.chance(0.8) ? 'work_injury' : 'occupational_injury',
        insurer: rng.pick([
          '中国人民财产保险股份有限公司海西州分公司',
          '中国人寿财产保险股份有限公司青海省分公司',
          '海西州社会保险事业服务中心',
        ]),
        policyNo: `HX${String(rng.int(10_000_000, 99_999_999))}`,
        startsOn: isoDay(start),
        endsOn: isoDay(start + 365 * DAY - DAY),
      };
    });
    await writePeople(tx, cipher, personRows);
    await tx.insert(memberships).values(membershipRows);
    for (let i = 0; i < applications.length; i += 500)
      await tx.insert(membershipApplications).values(applications.slice(i, i + 500));
    await bulkInsert(tx, getTableName(membershipInsurance), insuranceColumns, cover);

    // 69 members recommended to the party organization over two years, most taken up.
    const recommended = rng
      .shuffle(members.filter((m) => m.joinedOn < '2025-10-01'))
      .slice(0, HAIXI_FIGURES.recommended);
    const outcomes = [
      ...Array<string>(40).fill('accepted'),
      ...Array<string>(15).fill('endorsed'),
      ...Array<string>(8).fill('nominated'),
      ...Array<string>(4).fill('not_accepted'),
      ...Array<string>(2).fill('declined'),
    ];
    await tx.insert(membershipRecommendations).values(
      recommended.map((m, i) => {
        const status = outcomes[i]! as 'accepted' | 'endorsed' | 'nominated' | 'not_accepted' | 'declined';
        const year = i < 30 ? 2024 : 2025;
        const nominatedAt = new Date(`${year}-0${rng.int(3, 9)}-1${rng.int(0, 9)}T02:00:00Z`);
        const reviewed = status !== 'nominated';
        return {
          membershipId: m.membershipId,
          personId: m.id,
          organizationId: unionRows[m.unionIndex]!.id,
          regionCode: unionRows[m.unionIndex]!.regionCode,
          year,
          reasons: rng.pick([
            '爱岗敬业，多次获评优秀骑手，积极参加志愿服务',
            '在暴雪天气坚持保障民生物资配送，群众评价好',
            '带动身边货车司机入会，热心工会工作',
            '遵纪守法，乐于助人，参与防汛救灾志愿服务',
          ]),
          status,
          nominatedBy: accountOf.get('hx_union') ?? null,
          nominatedAt,
          reviewedBy: reviewed ? (accountOf.get('hx_union') ?? null) : null,
          reviewedAt: reviewed ? new Date(nominatedAt.getTime() + 20 * DAY) : null,
          outcomeOn:
            status === 'accepted' || status === 'not_accepted' ? isoDay(nominatedAt.getTime() + 60 * DAY) : null,
          version: reviewed ? (status === 'endorsed' || status === 'declined' ? 2 : 3) : 1,
        };
      }),
    );
  });
}

const insuranceColumns: BulkColumn<{
  id: string;
  personId: string;
  regionCode: string;
  scheme: string;
  insurer: string;
  policyNo: string;
  startsOn: string;
  endsOn: string;
}>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'person_id', type: 'uuid', value: (r) => r.personId },
  { name: 'region_code', type: 'text', value: (r) => r.regionCode },
  { name: 'scheme', type: 'text', value: (r) => r.scheme },
  { name: 'insurer', type: 'text', value: (r) => r.insurer },
  { name: 'policy_no', type: 'text', value: (r) => r.policyNo },
  { name: 'starts_on', type: 'date', value: (r) => r.startsOn },
  { name: 'ends_on', type: 'date', value: (r) => r.endsOn },
  { name: 'source', type: 'text', value: () => 'import' },
];

async function writePeople(
  tx: Parameters<Parameters<Deps['db']['transaction']>[0]>[0],
  cipher: Deps['cipher'],
  rows: Person[],
) {
  await bulkInsert(
    tx,
    getTableName(people),
    [
      { name: 'id', type: 'uuid', value: (p: Person) => p.id },
      { name: 'name', type: 'text', value: (p: Person) => p.name },
      { name: 'phone', type: 'text', value: (p: Person) => p.phone },
      { name: 'resident_id_enc', type: 'text', value: (p: Person) => cipher.encrypt(p.residentId) },
      { name: 'resident_id_hash', type: 'text', value: (p: Person) => cipher.searchHash(p.residentId) },
      { name: 'resident_id_head', type: 'text', value: (p: Person) => p.residentId.slice(0, 4) },
      { name: 'resident_id_tail', type: 'text', value: (p: Person) => p.residentId.slice(-4) },
      { name: 'sex', type: 'text', value: (p: Person) => sexOfResidentId(p.residentId) },
      {
        name: 'birth_date',
        type: 'date',
        value: (p: Person) =>
          `${p.residentId.slice(6, 10)}-${p.residentId.slice(10, 12)}-${p.residentId.slice(12, 14)}`,
      },
      { name: 'region_code', type: 'text', value: (p: Person) => p.regionCode },
    ],
    rows,
  );
}
