import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../contracts/disputes.js';
import { disputeCases } from '../../server/modules/disputes/tables.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { people } from '../../server/modules/people/tables.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newMediator, type Studio } from '../support/factories.js';
import { constructionIntake, nextAddress, onlineApplication } from '../support/disputes.js';

// What an anonymous applicant types is taken as a claim, never as a record to join or change.

let t: TestApp;
let mediator: Agent;
let studio: Studio;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  const first = await newMediator(t);
  mediator = first;
  studio = first.studio;
});
afterAll(() => t.close());

const apply = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/public/disputes/apply', payload: body, remoteAddress: nextAddress() });
const caseRow = async (caseNumber: string) =>
  (await t.deps.db.select().from(disputeCases).where(eq(disputeCases.caseNumber, caseNumber)))[0]!;

describe('an online application naming a registered person’s resident ID', () => {
  it('joins nobody, changes nobody, tells nothing of the other case, and holds it for the mediator', async () => {
    const registered = constructionIntake(t, { sequence: 41, workerName: '宋建军' });
    registered.worker = { ...registered.worker, phone: '13912340041' };
    const first = await mediator.post('/api/disputes', registered);
    expect(first.statusCode, first.body).toBe(200);
    const existing = await caseRow(first.json().caseNumber);

    const impostor = onlineApplication(t, {
      sequence: 41,
      workerName: '冒名者',
      phone: '13700009999',
      mediationBodyId: studio.id,
    });
    const res = await apply(impostor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(existing.caseNumber);
    const sms = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, '13700009999'));
    expect(sms.map((m) => m.body).join()).not.toContain(existing.caseNumber);

    const [person] = await t.deps.db.select().from(people).where(eq(people.id, existing.workerPersonId));
    expect(person).toMatchObject({ name: '宋建军', phone: '13912340041' });
    const created = await caseRow(res.json().caseNumber);
    expect(created.workerPersonId).not.toBe(existing.workerPersonId);
    const [applicant] = await t.deps.db.select().from(people).where(eq(people.id, created.workerPersonId));
    expect(applicant).toMatchObject({ name: '冒名者', phone: '13700009999', residentIdHash: null });

    // Another name and phone with that ID: the case is held until the mediator checks the ID card.
    const detail = (await mediator.get(`/api/disputes/${created.id}`)).json();
    expect(detail.facts.identityMatch).toEqual({
      status: 'held',
      matchesRegisteredPerson: true,
      registeredPersonId: existing.workerPersonId,
      differs: ['name', 'phone'],
    });
    expect(detail.record.intakeWarnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining(['identity_held', 'possible_duplicate']),
    );
  });

  it('at the counter the mediator, who sees the ID card, still joins the registered person', async () => {
    const again = constructionIntake(t, { sequence: 41, workerName: '宋建军' });
    again.employer = { name: '中山市另一家劳务有限公司' };
    delete again.construction;
    again.sector = 'manufacturing';
    const res = await mediator.post('/api/disputes', again);
    expect(res.statusCode, res.body).toBe(200);
    const [first] = await t.deps.db.select().from(disputeCases).where(eq(disputeCases.channel, 'counter'));
    expect((await caseRow(res.json().caseNumber)).workerPersonId).toBe(first!.workerPersonId);
  });
});

type Change = (b: IntakeInput) => void;
const ZW = '\u200b';

describe('bad input is refused naming the field', () => {
  const online: [string, string, Change][] = [
    ['a back-dated application date', 'appliedOn', (b) => void (b.appliedOn = '1900-01-01')],
    ['an impossible hire date', 'employment.hireDate', (b) => void (b.employment.hireDate = '2025-02-30')],
    ['a hire date before 1950', 'employment.hireDate', (b) => void (b.employment.hireDate = '1949-12-31')],
    [
      'a hire date in the future',
      'employment.hireDate',
      (b) => Object.assign(b.employment, { hireDate: '2025-07-01', endDate: null }),
    ],
    ['an end date before the hire date', 'employment.endDate', (b) => void (b.employment.endDate = '2024-01-31')],
    ['an end date in the future', 'employment.endDate', (b) => void (b.employment.endDate = '2025-12-31')],
    ['an impossible end date', 'employment.endDate', (b) => void (b.employment.endDate = '2025-04-31')],
    ['an impossible harm date', 'employment.harmKnownOn', (b) => void (b.employment.harmKnownOn = '2025-13-01')],
    ['a sector the statistics do not know', 'sector', (b) => void ((b as { sector: string }).sector = '其他什么行业')],
    ['a claim above ¥100,000,000', 'claims.0.amountFen', (b) => void (b.claims[0]!.amountFen = 10_000_000_001)],
    [
      'claims together above ¥100,000,000',
      'claims',
      (b) =>
        void (b.claims = [
          { type: 'wage_arrears', amountFen: 6_000_000_000 },
          { type: 'overtime_pay', amountFen: 6_000_000_000 },
        ]),
    ],
    [
      'more than 20 claims',
      'claims',
      (b) => void (b.claims = Array.from({ length: 21 }, () => ({ type: 'wage_arrears' as const, amountFen: 100 }))),
    ],
    ['a right-to-left override in the name', 'worker.name', (b) => void (b.worker.name = '宋\u202e军建')],
    ['a zero-width space in the employer', 'employer.name', (b) => void (b.employer!.name = `包工头${ZW}李某`)],
    [
      'a hidden character in the contact name',
      'employer.contactName',
      (b) => void (b.employer!.contactName = '李\u2066某'),
    ],
    [
      'a hidden character in the narrative',
      'narrative',
      (b) => void (b.narrative = `包工头拖欠工资后失联。${'\ufeff'}`),
    ],
    ['a hidden character in a claim', 'claims.0.description', (b) => void (b.claims[0]!.description = `劳务费\u200d`)],
    [
      'a hidden character in a party of the chain',
      'construction.parties.0.name',
      (b) => void (b.construction!.parties[0]!.name = `翠亨${ZW}置业`),
    ],
    ['an unknown court', 'courtId', (b) => void (b.courtId = crypto.randomUUID())],
    ['an unknown studio', 'mediationBodyId', (b) => void (b.mediationBodyId = crypto.randomUUID())],
    [
      'a region no studio serves',
      'worker.regionCode',
      (b) => Object.assign(b, { mediationBodyId: undefined, worker: { ...b.worker, regionCode: '110101' } }),
    ],
    ['a region that does not exist', 'worker.regionCode', (b) => void (b.worker.regionCode = '999999')],
  ];
  let phones = 0;
  it.each(online)('online: %s → 400 naming %s', async (_what, field, change) => {
    // A refused application still counts against its phone's daily allowance: one phone each.
    const body = onlineApplication(t, {
      sequence: 60,
      phone: `1370055${String(phones++).padStart(4, '0')}`,
      mediationBodyId: studio.id,
    });
    change(body);
    const res = await apply(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
    expect(res.json().message).toBeTruthy();
    expect(res.json().messageEn).toBeTruthy();
  });

  const counter: [string, string, Change][] = [
    ['an application date in the future', 'appliedOn', (b) => void (b.appliedOn = '2025-06-10')],
    [
      'an application date before the hire date',
      'appliedOn',
      (b) => Object.assign(b, { appliedOn: '2024-06-30', employment: { ...b.employment, hireDate: '2024-07-01' } }),
    ],
    ['an application date more than a year back', 'appliedOn', (b) => void (b.appliedOn = '2024-06-08')],
    ['an impossible application date', 'appliedOn', (b) => void (b.appliedOn = '2025-02-29')],
    ['an unknown court', 'courtId', (b) => void (b.courtId = crypto.randomUUID())],
  ];
  it.each(counter)('counter: %s → 400 naming %s', async (_what, field, change) => {
    const body = constructionIntake(t, { sequence: 61 });
    change(body);
    const res = await mediator.post('/api/disputes', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
  });

  it('a counter application up to a year back is accepted, and numbered in its own year', async () => {
    const body = constructionIntake(t, { sequence: 62, workerName: '晚登记', appliedOn: '2024-12-20' });
    body.worker = { ...body.worker, phone: '13912340062' };
    const res = await mediator.post('/api/disputes', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().caseNumber).toMatch(/^粤中工调〔2024〕\d{6}号$/);
  });
});
