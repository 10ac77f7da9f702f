import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/roles.js';
import { eq } from 'drizzle-orm';
import { employers } from '../../server/modules/employers/tables.js';
import { people } from '../../server/modules/people/tables.js';
import { JIANGSU_2020_2024 } from '../../server/modules/fee-refunds/rules/policy.js';
import { feeEnterprises } from '../../server/modules/fee-refunds/tables.js';
import { DEFAULT_JOINT_MEDIATION_CONFIG } from '../../server/modules/disputes/rules/joint-mediation.js';
import { agent, createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';
import { constructionIntake } from '../support/disputes.js';
import { enterpriseRow, feeImported, unionCells, usccOf } from '../support/fee-refunds.js';
import { postSuggestion, registeredWorker } from '../support/stations.js';

// One demo login per role; all of them sit in Zhongshan (442000) except the station
// manager and the donor (Hefei Baohe) and the national administrator.
const LOGIN: Record<Role, string> = {
  worker: 'worker',
  mediator: 'zs_mediator',
  judge: 'zs_judge',
  court_clerk: 'zs_clerk',
  union_staff: 'zs_union',
  employer_agent: 'employer',
  station_manager: 'hf_station',
  donor: 'donor',
  studio_manager: 'zs_manager', // created below: a studio manager alone, without the mediator role
  union_organiser: 'zs_organiser', // created below
  system_admin: 'admin',
};
const ALL = Object.keys(LOGIN) as Role[];

interface RouteGroup {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  url: (t: TestApp) => string;
  body?: (t: TestApp) => unknown;
  allowed: Role[];
}

let jiangsuEnterprise: { uscc: string; version: number };
const BAOHE_STATION = 'HF-AM-001';
let stationSerial = 0;
/** Start days of the covers the record group writes, one for each request. */
let coverSerial = 0;
/** Suggestions on the Baohe station's board, one for each request of the reply group. */
const boardSuggestions: string[] = [];
/** Alarm rules of the Baohe station at version 1, one for each request of the change group. */
const baoheRules: string[] = [];
const stationBody = (code: string, regionCode: string) => ({
  code,
  name: '访问矩阵驿站',
  address: '测试地址',
  lat: regionCode === '442000' ? 22.52 : 31.74,
  lng: regionCode === '442000' ? 113.39 : 117.3,
  regionCode,
  open24h: true,
});
const zsPerson = (t: TestApp) => t.ids!.personIds.get('442000-p1')!;

const GROUPS: RouteGroup[] = [
  { name: 'accounts list', method: 'GET', url: () => '/api/accounts', allowed: ['system_admin'] },
  { name: 'audit trail', method: 'GET', url: () => '/api/audit', allowed: ['system_admin'] },
  { name: 'messages list', method: 'GET', url: () => '/api/notifications/messages', allowed: ['system_admin'] },
  { name: 'job queues', method: 'GET', url: () => '/api/jobs/queues', allowed: ['system_admin'] },
  { name: 'jobs list', method: 'GET', url: () => '/api/jobs', allowed: ['system_admin'] },
  {
    name: 'organizations list',
    method: 'GET',
    url: () => '/api/organizations',
    allowed: ['mediator', 'judge', 'court_clerk', 'union_staff', 'station_manager', 'system_admin'],
  },
  {
    name: 'employers list',
    method: 'GET',
    url: () => '/api/employers',
    allowed: ['mediator', 'judge', 'court_clerk', 'union_staff', 'employer_agent', 'system_admin'],
  },
  {
    name: 'employer imports list',
    method: 'GET',
    url: () => '/api/imports?kind=employers',
    allowed: ['mediator', 'union_staff', 'system_admin'],
  },
  {
    name: 'fee-refund enterprise registry',
    method: 'GET',
    url: () => '/api/fee-refunds/enterprises',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'fee-refund runs',
    method: 'GET',
    url: () => '/api/fee-refunds/runs',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'fee-refund batches',
    method: 'GET',
    url: () => '/api/fee-refunds/batches',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'fee-refund lines',
    method: 'GET',
    url: () => '/api/fee-refunds/lines',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'fee-refund paying accounts',
    method: 'GET',
    url: () => '/api/fee-refunds/paying-accounts',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'fee-refund statistics refresh',
    method: 'POST',
    url: () => '/api/fee-refunds/stats/refresh',
    body: () => ({}),
    allowed: ['system_admin'],
  },
  {
    name: 'fee-refund county pooled accounts',
    method: 'GET',
    url: () => '/api/fee-refunds/pooled-accounts',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'fee-refund policy versions',
    method: 'GET',
    url: () => '/api/fee-refunds/policies',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'draft a fee-refund policy version',
    method: 'POST',
    url: () => '/api/fee-refunds/policies',
    body: () => {
      const { id: _id, ...jiangsu } = JIANGSU_2020_2024;
      return { ...jiangsu, regionCode: '442000', effectiveFrom: '2030-01-01', effectiveTo: null };
    },
    allowed: ['union_staff', 'system_admin'],
  },
  // A Jiangsu enterprise: zs_union is refused for its region, the province's checker would pass.
  {
    name: 'declare a fee-refund enterprise’s eligibility',
    method: 'PUT',
    url: () => `/api/fee-refunds/enterprises/${jiangsuEnterprise.uscc}/eligibility`,
    body: () => ({
      expectedVersion: jiangsuEnterprise.version,
      declaredSizeClass: 'small',
      exclusionFlags: [],
      reason: '访问矩阵测试',
    }),
    allowed: ['system_admin'],
  },
  {
    name: 'fee-refund import template',
    method: 'GET',
    url: () => '/api/fee-refunds/imports/template.xlsx?kind=enterprises',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'stations list',
    method: 'GET',
    url: () => '/api/stations',
    allowed: ['union_staff', 'station_manager', 'system_admin'],
  },
  {
    name: 'stations dashboard',
    method: 'GET',
    url: () => '/api/stations/dashboard',
    allowed: ['union_staff', 'station_manager', 'system_admin'],
  },
  // The donation form's donor picker of a Baohe station: those who keep Baohe's stations only.
  {
    name: 'a station’s donor picker',
    method: 'GET',
    url: () => `/api/stations/${BAOHE_STATION}/donors`,
    allowed: ['system_admin'],
  },
  // Zhongshan's coverage: its union staff and the national administrator; Baohe's manager may not.
  {
    name: 'stations coverage of a city',
    method: 'GET',
    url: () => '/api/stations/coverage?regionCode=442000',
    allowed: ['union_staff', 'system_admin'],
  },
  // A Baohe (Hefei) station: the Baohe station manager reads it, Zhongshan's union staff may not.
  {
    name: 'a station by code',
    method: 'GET',
    url: () => `/api/stations/${BAOHE_STATION}`,
    allowed: ['station_manager', 'system_admin'],
  },
  {
    name: 'a station’s visits',
    method: 'GET',
    url: () => `/api/stations/${BAOHE_STATION}/visits`,
    allowed: ['station_manager', 'system_admin'],
  },
  {
    name: 'a station’s live view and alarms',
    method: 'GET',
    url: () => `/api/stations/${BAOHE_STATION}/live`,
    allowed: ['station_manager', 'system_admin'],
  },
  {
    name: 'a station’s alarm history',
    method: 'GET',
    url: () => `/api/stations/${BAOHE_STATION}/alarms?state=cleared`,
    allowed: ['station_manager', 'system_admin'],
  },
  {
    name: 'a station’s message board',
    method: 'GET',
    url: () => `/api/stations/${BAOHE_STATION}/suggestions`,
    allowed: ['station_manager', 'system_admin'],
  },
  {
    // Each request replies to a suggestion of its own, at version 1.
    name: 'reply to a suggestion on the board',
    method: 'POST',
    url: () => `/api/stations/${BAOHE_STATION}/suggestions/${boardSuggestions.shift()}/reply`,
    body: () => ({ reply: '已收到，正在处理', expectedVersion: 1 }),
    allowed: ['station_manager', 'system_admin'],
  },
  {
    name: 'a station’s supplies',
    method: 'GET',
    url: () => `/api/stations/${BAOHE_STATION}/supplies`,
    allowed: ['station_manager', 'system_admin'],
  },
  {
    name: 'a donor’s own donations',
    method: 'GET',
    url: () => '/api/stations/my-donations',
    allowed: ['donor', 'system_admin'],
  },
  {
    name: 'alarm rules',
    method: 'GET',
    url: () => '/api/stations/alarm-rules',
    allowed: ['union_staff', 'station_manager', 'system_admin'],
  },
  {
    name: 'create an alarm rule for a Baohe station',
    method: 'POST',
    url: () => '/api/stations/alarm-rules',
    body: () => ({
      stationCode: BAOHE_STATION,
      metric: 'temperatureC',
      op: 'above',
      threshold: 35,
      durationSec: 600,
      severity: 'warning',
    }),
    allowed: ['system_admin'],
  },
  {
    name: 'alarm rules that apply to a Baohe station',
    method: 'GET',
    url: () => `/api/stations/${BAOHE_STATION}/alarm-rules`,
    allowed: ['station_manager', 'system_admin'],
  },
  {
    // Each request changes a rule of its own, at version 1.
    name: 'disable an alarm rule of a Baohe station',
    method: 'PUT',
    url: () => `/api/stations/alarm-rules/${baoheRules.shift()}`,
    body: () => ({ expectedVersion: 1, enabled: false }),
    allowed: ['system_admin'],
  },
  {
    name: 'create a station',
    method: 'POST',
    url: () => '/api/stations',
    body: () => stationBody(`ZS-AM-${++stationSerial}`, '442000'),
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'register a door terminal',
    method: 'POST',
    url: () => `/api/stations/${BAOHE_STATION}/devices`,
    body: () => ({ serial: `AMX${++stationSerial}TERM`, kind: 'door_adms' }),
    allowed: ['system_admin'],
  },
  {
    name: 'people list',
    method: 'GET',
    url: () => '/api/people',
    allowed: ['mediator', 'judge', 'court_clerk', 'union_staff', 'system_admin'],
  },
  {
    name: 'people search by number (POST)',
    method: 'POST',
    url: () => '/api/people/search',
    body: () => ({ q: '13800138000' }),
    allowed: ['mediator', 'judge', 'court_clerk', 'union_staff', 'system_admin'],
  },
  {
    name: 'person by id',
    method: 'GET',
    url: (t) => `/api/people/${zsPerson(t)}`,
    allowed: ['mediator', 'judge', 'court_clerk', 'union_staff', 'system_admin'],
  },
  {
    name: 'reveal resident ID',
    method: 'POST',
    url: (t) => `/api/people/${zsPerson(t)}/reveal-resident-id`,
    allowed: ['mediator', 'system_admin'],
  },
  {
    name: 'create organization',
    method: 'POST',
    url: () => '/api/organizations',
    body: () => ({ name: '中山市测试基层工会', kind: 'grassroots', regionCode: '442000' }),
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'create person',
    method: 'POST',
    url: () => '/api/people',
    body: () => ({ name: '测试人员', regionCode: '442000' }),
    allowed: ['mediator', 'union_staff', 'system_admin'],
  },
  {
    name: 'dispute cases list',
    method: 'GET',
    url: () => '/api/disputes',
    allowed: ['worker', 'mediator', 'judge', 'court_clerk', 'employer_agent', 'system_admin'],
  },
  {
    name: 'dispute case by id',
    method: 'GET',
    url: () => `/api/disputes/${disputeId}`,
    allowed: ['mediator', 'employer_agent', 'system_admin'],
  },
  {
    name: 'dispute documents',
    method: 'GET',
    url: () => `/api/disputes/${disputeId}/documents/mediation-application?format=pdf`,
    allowed: ['mediator', 'employer_agent', 'system_admin'],
  },
  // Reaching the case is not enough: the state machine also checks the role (only a mediator starts the consultation).
  {
    name: 'dispute actions',
    method: 'POST',
    url: () => `/api/disputes/${disputeId}/actions`,
    body: () => ({ action: 'start_consultation', payload: {}, version: 1 }),
    allowed: ['mediator'],
  },
  {
    name: 'dispute analysis',
    method: 'POST',
    url: () => `/api/disputes/${disputeId}/analysis`,
    body: () => ({}),
    allowed: ['mediator', 'system_admin'],
  },
  {
    name: 'dispute statistics',
    method: 'GET',
    url: () => '/api/disputes/stats',
    allowed: ['mediator', 'judge', 'court_clerk', 'union_staff', 'system_admin'],
  },
  {
    name: 'dispute intake at the counter',
    method: 'POST',
    url: () => '/api/disputes',
    body: (t) => constructionIntake(t, { sequence: 900 + intakes++, workerName: `窗口登记${intakes}` }),
    allowed: ['mediator'],
  },
  {
    name: 'studio mediators',
    method: 'GET',
    url: () => '/api/disputes/mediators',
    allowed: ['mediator', 'studio_manager', 'system_admin'],
  },
  // The mediator login is zs_mediator: another mediator's profile is the studio manager's to keep.
  {
    name: 'another mediator’s profile',
    method: 'PUT',
    url: (t) => `/api/disputes/mediators/${t.ids!.accountIds.get('zs_mediator2')}/profile`,
    body: () => ({ expertise: [], available: true, conflictEmployerIds: [] }),
    allowed: ['studio_manager', 'system_admin'],
  },
  {
    name: 'joint-mediation triggers',
    method: 'PUT',
    url: () => '/api/disputes/settings/joint-mediation',
    body: () => DEFAULT_JOINT_MEDIATION_CONFIG,
    allowed: ['system_admin'],
  },
  {
    name: 'working-day calendar',
    method: 'PUT',
    url: () => '/api/disputes/calendar-overrides',
    body: () => ({ date: '2030-01-02', kind: 'holiday' }),
    allowed: ['system_admin'],
  },
  // membership: grid
  // Organisers, areas, visits and figures are the region's staff's (membership:read, manage to
  // change); /me is the organiser's own page: zs_organiser has no organiser record, so /me answers
  // 200 with `organiser: null`, and /me/visits, /me/figures and /me/qr.svg answer 404 for it
  // (tested in membership-grid.test.ts), as they do for an administrator who is no organiser.
  ...(['organisers', 'areas', 'visits', 'figures', 'figures.xlsx', 'organiser-accounts'] as const).map(
    (path): RouteGroup => ({
      name: `membership grid: ${path}`,
      method: 'GET',
      url: () => `/api/membership/grid/${path}`,
      allowed: ['union_staff', 'system_admin'],
    }),
  ),
  {
    name: 'membership grid: add an organiser',
    method: 'POST',
    url: () => '/api/membership/grid/organisers',
    body: (t) => ({ name: '矩阵组织员', organizationId: t.ids!.orgIds.get('c442000') }),
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'membership grid: my organiser page',
    method: 'GET',
    url: () => '/api/membership/grid/me',
    allowed: ['union_organiser', 'system_admin'],
  },
  { name: 'regions', method: 'GET', url: () => '/api/regions', allowed: ALL },
  { name: 'courts', method: 'GET', url: () => '/api/courts', allowed: ALL },
  { name: 'dashboard', method: 'GET', url: () => '/api/dashboard', allowed: ALL },
  // membership: joining and the register (the queue's decisions are in membership-joining.test.ts)
  {
    name: 'membership approval queue',
    method: 'GET',
    url: () => '/api/membership/applications',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'membership register',
    method: 'GET',
    url: () => '/api/membership/members',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'organization approver picker',
    method: 'GET',
    url: () => '/api/organizations/approver-accounts',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'membership figures',
    method: 'GET',
    url: () => '/api/membership/reports',
    allowed: ['union_staff', 'system_admin'],
  },
  {
    name: 'membership card check',
    method: 'POST',
    url: () => '/api/membership/verify-card',
    body: () => ({ cardCode: 'YZM1-6328002026000001-0123456789abcdef0123' }),
    allowed: ['union_staff', 'system_admin'],
  },
  // membership: insurance and recommendations (each allowed call records a cover of its own start
  // day; nominations, reviews and outcomes by role are in membership-recommendations.test.ts)
  ...(
    [
      '/api/membership/insurance/coverage',
      '/api/membership/insurance/expiring',
      '/api/imports?kind=membership-insurance',
      '/api/membership/recommendations',
      '/api/membership/recommendations/counts',
    ] as const
  ).map((url): RouteGroup => ({
    name: `membership: ${url}`,
    method: 'GET',
    url: () => url,
    allowed: ['union_staff', 'system_admin'],
  })),
  {
    name: 'membership: record a cover',
    method: 'POST',
    url: () => '/api/membership/insurance',
    body: (t) => ({
      personId: zsPerson(t),
      scheme: 'commercial_accident',
      insurer: '访问矩阵保险公司',
      startsOn: `2030-01-${String(1 + (coverSerial++ % 28)).padStart(2, '0')}`,
      endsOn: '2030-12-31',
    }),
    allowed: ['union_staff', 'system_admin'],
  },
];

let t: TestApp;
let disputeId = '';
let intakes = 0;
const agents = new Map<Role, Agent>();
beforeAll(async () => {
  t = await createTestApp();
  const admin = await loginAs(t.app, 'admin');
  const manager = await admin.post('/api/accounts', {
    username: 'zs_manager',
    password: 'Yizhan2026',
    displayName: '工作室负责人',
    roles: ['studio_manager'],
    regionCode: '442000',
  });
  expect(manager.statusCode, manager.body).toBe(200);
  const organiser = await admin.post('/api/accounts', {
    username: 'zs_organiser',
    password: 'Yizhan2026',
    displayName: '工会组织员',
    roles: ['union_organiser'],
    regionCode: '442000',
  });
  expect(organiser.statusCode, organiser.body).toBe(200);
  for (const role of ALL) agents.set(role, await loginAs(t.app, LOGIN[role]));
  expect((await admin.post('/api/stations', stationBody(BAOHE_STATION, '340111'))).statusCode).toBe(200);
  for (let i = 0; i < ALL.length + 1; i++) {
    const rule = await admin.post('/api/stations/alarm-rules', {
      stationCode: BAOHE_STATION,
      metric: 'humidityPct',
      op: 'above',
      threshold: 90,
      durationSec: 600,
      severity: 'info',
    });
    expect(rule.statusCode, rule.body).toBe(200);
    baoheRules.push(rule.json().id);
  }
  for (let w = 0; w < 3; w++) {
    const { token } = await registeredWorker(t, BAOHE_STATION);
    for (let i = 0; i < 4; i++)
      boardSuggestions.push(
        (await postSuggestion(t, BAOHE_STATION, token, { body: `访问矩阵留言 ${w}-${i}` })).json().id,
      );
  }
  // A case whose liable party is the demo employer's company, registered by the studio.
  const [contractor] = await t.deps.db
    .select()
    .from(employers)
    .where(eq(employers.id, t.ids!.employerIds.get('anchor-employer')!));
  const intake = constructionIntake(t);
  intake.construction!.parties[1] = {
    ...intake.construction!.parties[1]!,
    name: contractor!.name,
    uscc: contractor!.uscc,
  };
  const res = await agents.get('mediator')!.post('/api/disputes', intake);
  disputeId = res.json().id;
  const suzhouFirm = enterpriseRow();
  Object.assign(suzhouFirm, unionCells(usccOf(suzhouFirm)));
  const imported = await feeImported(t, await loginAs(t.app, 'js_union'), 'enterprises', [suzhouFirm]);
  expect(imported, JSON.stringify(imported)).toMatchObject({ status: 'committed', rowsRejected: 0 });
  const [profile] = await t.deps.db
    .select({ uscc: employers.uscc, version: feeEnterprises.version })
    .from(feeEnterprises)
    .innerJoin(employers, eq(employers.id, feeEnterprises.employerId))
    .where(eq(employers.uscc, usccOf(suzhouFirm)));
  jiangsuEnterprise = { uscc: profile!.uscc, version: profile!.version };
});
afterAll(() => t.close());

describe.each(GROUPS)('$name', (group) => {
  it('answers 401 without a session', async () => {
    const res = await agent(t.app).request({
      method: group.method,
      url: group.url(t),
      payload: group.body?.(t) as never,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it.each(ALL)('role %s is let in only when allowed', async (role) => {
    const res = await agents
      .get(role)!
      .request({ method: group.method, url: group.url(t), payload: group.body?.(t) as never });
    if (group.allowed.includes(role)) expect(res.statusCode, res.body).toBe(200);
    else {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });
});

describe('region scope on reads by id', () => {
  const employerIn = (region: string) =>
    [...t.ids!.employerIds.entries()].find(([k]) => k.startsWith(`${region}-`))![1];

  it('a city union cannot read an employer of another province by id', async () => {
    const nanjing = employerIn('320102');
    expect((await agents.get('union_staff')!.get(`/api/employers/${nanjing}`)).statusCode).toBe(403);
    expect((await agents.get('system_admin')!.get(`/api/employers/${nanjing}`)).statusCode).toBe(200);
  });

  it('a province union reads its cities but not another province', async () => {
    const js = await loginAs(t.app, 'js_union');
    expect((await js.get(`/api/employers/${employerIn('320505')}`)).statusCode).toBe(200);
    expect((await js.get(`/api/employers/${employerIn('442000')}`)).statusCode).toBe(403);
    const list = await js.get('/api/employers?pageSize=200');
    expect(list.json().items.every((e: { regionCode: string }) => e.regionCode.startsWith('32'))).toBe(true);
  });

  it('the province’s fee-refund maker and checker may both import for Jiangsu', async () => {
    for (const username of ['js_union', 'js_checker']) {
      const a = await loginAs(t.app, username);
      expect((await a.get('/api/fee-refunds/imports/template.xlsx?kind=enterprises')).statusCode, username).toBe(200);
      expect((await a.get('/api/fee-refunds/enterprises')).statusCode, username).toBe(200);
    }
  });

  it('a county union sees only its county in lists and cannot read its city’s other people', async () => {
    const baohe = await loginAs(t.app, 'baohe_union');
    const people = (await baohe.get('/api/people?pageSize=200')).json();
    expect(people.total).toBeGreaterThan(0);
    expect(people.items.every((p: { regionCode: string }) => p.regionCode === '340111')).toBe(true);
    expect((await baohe.get(`/api/people/${zsPerson(t)}`)).statusCode).toBe(403);
  });

  it('a search by a full resident ID finds nobody outside the searcher’s region', async () => {
    const [zs] = await t.deps.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.id, zsPerson(t)));
    const residentId = (
      await (await loginAs(t.app, 'zs_mediator')).post(`/api/people/${zs!.id}/reveal-resident-id`)
    ).json().residentId as string;
    const baohe = await loginAs(t.app, 'baohe_union');
    const found = (await baohe.post('/api/people/search', { q: residentId })).json();
    expect(found.total).toBe(0);
    const zsUnion = await loginAs(t.app, 'zs_union');
    expect(
      (await zsUnion.post('/api/people/search', { q: residentId })).json().items.map((p: { id: string }) => p.id),
    ).toContain(zs!.id);
  });

  it('an employer agent sees only its own employer', async () => {
    const emp = agents.get('employer_agent')!;
    const list = (await emp.get('/api/employers')).json();
    expect(list.total).toBe(1);
    const own = list.items[0].id;
    expect((await emp.get(`/api/employers/${own}`)).statusCode).toBe(200);
    const other =
      employerIn('442000') === own ? [...t.ids!.employerIds.values()].find((id) => id !== own)! : employerIn('442000');
    expect((await emp.get(`/api/employers/${other}`)).statusCode).toBe(403);
  });

  it('a mediator cannot reveal the ID of a person outside the studio’s region', async () => {
    const hefeiPerson = t.ids!.personIds.get('340111-p0')!;
    expect((await agents.get('mediator')!.post(`/api/people/${hefeiPerson}/reveal-resident-id`)).statusCode).toBe(403);
  });

  it('a union cannot create records in another region', async () => {
    const res = await agents
      .get('union_staff')!
      .post('/api/organizations', { name: '越权创建的工会', kind: 'grassroots', regionCode: '320102' });
    expect(res.statusCode).toBe(403);
  });
});
