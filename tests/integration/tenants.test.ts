import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHistory } from '../../server/seed/disputes-history.js';
import { disputeCases } from '../../server/modules/disputes/tables.js';
import { employers } from '../../server/modules/employers/tables.js';
import { generateDemo } from '../../server/seed/demo-data.js';
import { historyRefs } from '../../server/seed/demo.js';
import { uscc } from '../../server/seed/people-gen.js';
import { createRng } from '../../server/seed/random.js';
import { agent, createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';
import { constructionIntake, nextAddress, onlineApplication } from '../support/disputes.js';

// Two cities' studios on one platform: each numbers its own cases and confirms with its own court.

let t: TestApp;
let zs: Agent;
let gz: Agent;
let admin: Agent;
let sequence = 500;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  // Imported history of this year: 粤中工调〔2025〕000001号 … 000040号.
  await writeHistory(t.deps, historyRefs(generateDemo(0.05), t.ids!), {
    count: 40,
    from: '2025-01-02',
    to: '2025-05-30',
    settledTotalFen: 0,
  });
  [zs, gz, admin] = await Promise.all([
    loginAs(t.app, 'zs_mediator'),
    loginAs(t.app, 'gz_mediator'),
    loginAs(t.app, 'admin'),
  ]);
});
afterAll(() => t.close());

/** A case at the counter of the mediator's studio; a new worker each time. */
async function register(mediator: Agent, change: (b: ReturnType<typeof constructionIntake>) => void = () => {}) {
  const n = sequence++;
  const body = constructionIntake(t, { sequence: n, workerName: '新职工' });
  body.worker = { ...body.worker, phone: `1391234${String(n).padStart(4, '0')}` };
  delete body.courtId;
  change(body);
  const res = await mediator.post('/api/disputes', body);
  expect(res.statusCode, res.body).toBe(200);
  const [row] = await t.deps.db.select().from(disputeCases).where(eq(disputeCases.id, res.json().id));
  return row!;
}

describe('each studio numbers its own cases', () => {
  it('a Guangzhou case is numbered 穗工调 from 1, apart from Zhongshan, and goes to its own court', async () => {
    const first = await register(gz);
    expect(first.caseNumber).toBe('穗工调〔2025〕000001号');
    expect(first.regionCode).toBe('440100');
    expect(first.mediationBodyId).toBe(t.ids!.studioIds.get('gz'));
    expect(first.courtId).toBe(t.ids!.courtIds.get('粤0106'));
    const zsCase = await register(zs);
    expect(zsCase.caseNumber.startsWith('粤中工调〔2025〕')).toBe(true);
    expect(zsCase.courtId).toBe(t.ids!.courtIds.get('粤2071'));
    expect((await register(gz)).caseNumber).toBe('穗工调〔2025〕000002号');
  });

  it('Zhongshan continues above the imported history without repeating a number', async () => {
    const [{ n }] = (await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(disputeCases)
      .where(like(disputeCases.caseNumber, '粤中工调〔2025〕%'))) as [{ n: number }];
    const next = await register(zs);
    expect(next.caseNumber).toBe(`粤中工调〔2025〕${String(n + 1).padStart(6, '0')}号`);
    expect(n).toBeGreaterThan(40);
  });

  it('continues above numbers from the former single sequence (100001 and up)', async () => {
    // An installation from before: one 2024 case numbered by the old platform-wide sequence.
    await writeHistory(t.deps, historyRefs(generateDemo(0.05), t.ids!), {
      count: 1,
      from: '2024-12-02',
      to: '2024-12-02',
      settledTotalFen: 0,
      seed: 'former',
    });
    await t.deps.db
      .update(disputeCases)
      .set({ caseNumber: '粤中工调〔2024〕100007号' })
      .where(eq(disputeCases.caseNumber, '粤中工调〔2024〕000001号'));
    expect((await register(zs, (b) => void (b.appliedOn = '2024-12-20'))).caseNumber).toBe('粤中工调〔2024〕100008号');
  });

  it('two registrations at once in one studio get different, consecutive numbers', async () => {
    const rows = await Promise.all([register(zs), register(zs), register(zs), register(zs)]);
    const numbers = rows.map((r) => Number(r.caseNumber.match(/〕(\d+)号/)![1])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(4);
    expect(numbers[3]! - numbers[0]!).toBe(3);
  });
});

const apply = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/public/disputes/apply', payload: body, remoteAddress: nextAddress() });

describe('an online application picks its studio', () => {
  it('lists the studios with their phones for the worker to choose', async () => {
    const res = await agent(t.app).get('/api/public/disputes/studios');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((s: { name: string; contactPhone: string }) => [s.name, s.contactPhone])).toEqual([
      ['广州市总工会劳动争议调解工作室', '020-83330001'],
      ['中山市总工会劳动争议诉调对接工作室', '0760-88880001'],
    ]);
  });

  it('goes to the studio chosen, or to the one serving the worker’s region; with two studios and neither, it asks', async () => {
    const chosen = await apply(onlineApplication(t, { studio: 'gz', phone: '13700660001' }));
    expect(chosen.json().caseNumber).toMatch(/^穗工调〔2025〕\d{6}号$/);
    const { mediationBodyId: _none, ...rest } = onlineApplication(t, { phone: '13700660002' });
    const byRegion = await apply({ ...rest, worker: { ...rest.worker, regionCode: '440106' } });
    expect(byRegion.json().caseNumber).toMatch(/^穗工调〔2025〕/);
    const neither = await apply(rest);
    expect(neither.statusCode).toBe(400);
    expect(neither.json()).toMatchObject({ field: 'mediationBodyId', message: '请选择受理申请的调解工作室' });
  });
});

describe('intake records people and employers through their own modules', () => {
  it('a new worker and a new employer each get their creation audit record; the employer’s industry is the case’s sector', async () => {
    const code = uscc(createRng('tenants-test'), '440106');
    const row = await register(gz, (b) => {
      delete b.construction;
      b.sector = 'catering';
      b.employer = {
        name: '广州市嘉禾餐饮管理有限公司',
        uscc: code,
        contactName: '陈经理',
        contactPhone: '13822220001',
      };
    });
    const [employer] = await t.deps.db.select().from(employers).where(eq(employers.uscc, code));
    expect(employer).toMatchObject({
      id: row.employerId,
      industryCode: 'catering',
      name: '广州市嘉禾餐饮管理有限公司',
      regionCode: '440100',
    });
    const personAudit = (await admin.get(`/api/audit?entityType=person&entityId=${row.workerPersonId}`)).json().items;
    expect(personAudit.map((a: { action: string }) => a.action)).toEqual(['person.created']);
    const employerAudit = (await admin.get(`/api/audit?entityType=employer&entityId=${row.employerId}`)).json().items;
    expect(employerAudit.map((a: { action: string }) => a.action)).toEqual(['employer.created']);
    expect(employerAudit[0].actorName).toBe('梁婉仪');
  });

  it('an online application never writes to the employer register', async () => {
    const code = uscc(createRng('tenants-test-online'), '442000');
    const body = onlineApplication(t, { phone: '13700660003' });
    delete body.construction;
    body.sector = 'retail';
    body.employer = { name: '中山市某某商贸有限公司', uscc: code };
    const res = await apply(body);
    expect(res.statusCode, res.body).toBe(200);
    expect(await t.deps.db.select().from(employers).where(eq(employers.uscc, code))).toHaveLength(0);
  });
});
