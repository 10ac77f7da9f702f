import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerViewSchema, workerViewSchema } from '../../contracts/disputes/public-views.js';
import { disputeCases } from '../../server/modules/disputes/tables.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newMediator } from '../support/factories.js';
import { actOn, constructionIntake, signByLink, termsHashOf } from '../support/disputes.js';

// The public views (employer link, worker tracking) carry exactly the fields of their contract
// schemas: a new field has to be added to contracts/disputes/public-views.ts on purpose.

const WORKER_PHONE = '13512340077';
const CONTRACTOR_PHONE = '13522223333';

const EMPLOYER_KEYS = [
  'caseNumber',
  'stage',
  'stageLabel',
  'workerName',
  'addressee',
  'claims',
  'claimTotalFen',
  'narrative',
  'liability',
  'answered',
  'agreement',
  'agreementVersion',
  'termsHash',
  'employerSigned',
  'canAnswer',
  'canSign',
  'linkState',
  'signPhoneMasked',
  'studio',
];
const WORKER_KEYS = [
  'caseNumber',
  'workerName',
  'phoneMasked',
  'stage',
  'steps',
  'clocks',
  'agreement',
  'agreementVersion',
  'termsHash',
  'signatures',
  'canSign',
  'payments',
  'closedReason',
  'referral',
  'nextSteps',
  'sessions',
  'warnings',
];
const sorted = (keys: string[]) => [...keys].sort();
const keysOf = (o: object) => Object.keys(o).sort();

let t: TestApp;
let mediator: Agent;
let caseId = '';
let caseNumber = '';
let token = '';
let caseToken = '';
let secrets: string[] = [];
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  mediator = await newMediator(t);
  const intake = constructionIntake(t, { sequence: 77, workerName: '罗永强' });
  intake.worker = { ...intake.worker, phone: WORKER_PHONE };
  intake.construction!.parties[1] = { ...intake.construction!.parties[1]!, contactPhone: CONTRACTOR_PHONE };
  const created = await mediator.post('/api/disputes', intake);
  expect(created.statusCode, created.body).toBe(200);
  caseId = created.json().id;
  caseNumber = created.json().caseNumber;
  const [row] = await t.deps.db.select().from(disputeCases).where(eq(disputeCases.id, caseId));
  // Internal ids and the worker's resident ID never reach a public page.
  secrets = [row!.workerPersonId, row!.employerId, row!.mediatorAccountId, caseId, intake.worker.residentId!].filter(
    (s): s is string => !!s,
  );
  await actOn(mediator, caseId, 'start_consultation');
  await actOn(mediator, caseId, 'contact_employer', { channel: 'sms', reached: true });
  const [sms] = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, CONTRACTOR_PHONE));
  token = sms!.body.match(/\/e\/([A-Za-z0-9_-]+)/)![1]!;
});
afterAll(() => t.close());

function assertEmployerView(view: Record<string, unknown>) {
  expect(keysOf(view)).toEqual(sorted(EMPLOYER_KEYS));
  expect(employerViewSchema.strict().safeParse(view).success).toBe(true);
  const text = JSON.stringify(view);
  expect(text).not.toContain(WORKER_PHONE);
  expect(text).not.toContain(WORKER_PHONE.slice(-4) + '"');
  for (const s of secrets) expect(text).not.toContain(s);
  for (const k of ['workerPersonId', 'employerId', 'mediatorAccountId', 'residentId', 'phone'])
    expect(text).not.toContain(`"${k}"`);
  if (view.liability) expect(keysOf(view.liability)).toEqual(['basis', 'explanation', 'explanationEn']);
  if (view.studio) expect(keysOf(view.studio)).toEqual(['contactPhone', 'name']);
  for (const c of view.claims as object[])
    expect(keysOf(c).every((k) => ['type', 'amountFen', 'description'].includes(k))).toBe(true);
}

function assertWorkerView(view: Record<string, unknown>) {
  expect(keysOf(view)).toEqual(sorted(WORKER_KEYS));
  expect(workerViewSchema.strict().safeParse(view).success).toBe(true);
  const text = JSON.stringify(view);
  expect(text).not.toContain(CONTRACTOR_PHONE);
  expect(text).not.toContain(WORKER_PHONE);
  for (const s of secrets) expect(text).not.toContain(s);
  for (const k of ['workerPersonId', 'employerId', 'mediatorAccountId', 'residentId', 'caseId', 'phone'])
    expect(text).not.toContain(`"${k}"`);
  for (const s of view.steps as object[])
    expect(keysOf(s)).toEqual(['code', 'current', 'description', 'descriptionEn', 'label', 'labelEn']);
  for (const c of view.clocks as object[])
    expect(keysOf(c)).toEqual(['basis', 'basisEn', 'code', 'daysLeft', 'dueOn', 'label', 'labelEn', 'status']);
  for (const p of view.payments as object[])
    expect(keysOf(p)).toEqual(['amountFen', 'dueOn', 'id', 'paidFen', 'paidOn', 'seq']);
  for (const s of view.sessions as object[])
    expect(keysOf(s)).toEqual(['date', 'location', 'meetingUrl', 'mode', 'scheduledAt', 'status', 'time']);
  for (const w of view.warnings as object[])
    expect(keysOf(w)).toEqual(['clock', 'daysLeft', 'dueOn', 'kind', 'text', 'textEn']);
}

const workerCode = async (): Promise<string> => {
  const msgs = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, WORKER_PHONE));
  return msgs
    .map((m) => m.body.match(/验证码 (\d{6})/)?.[1])
    .filter(Boolean)
    .at(-1)!;
};

describe('the employer’s link view', () => {
  it('GET and the answer carry exactly the contract’s fields, and nothing of the worker’s', async () => {
    const view = await agent(t.app).get(`/api/public/disputes/employer/${token}`);
    expect(view.statusCode, view.body).toBe(200);
    assertEmployerView(view.json());
    expect(view.json().liability).not.toBeNull();
    expect(view.json().canAnswer).toBe(true);
    const answered = await agent(t.app).post(`/api/public/disputes/employer/${token}/answer`, { answer: 'accept' });
    expect(answered.statusCode, answered.body).toBe(200);
    assertEmployerView(answered.json());
    expect(answered.json().answered).toBe('accept');
  });

  it('the sign response too, with the agreement', async () => {
    await actOn(mediator, caseId, 'record_consent', { party: 'worker' });
    expect((await actOn(mediator, caseId, 'start_mediation', { mode: 'in_person' })).statusCode).toBe(200);
    const terms = {
      installments: [
        { dueOn: '2025-07-01', amountFen: 4_000_000 },
        { dueOn: '2025-08-01', amountFen: 4_000_000 },
      ],
      claimTypes: ['wage_arrears'],
      summary: '分两期支付',
    };
    const set = await actOn(mediator, caseId, 'set_agreement_terms', { terms });
    expect(set.statusCode, set.body).toBe(200);
    const termsHash = await termsHashOf(mediator, caseId);
    const signed = await signByLink(t, token, termsHash, { phone: CONTRACTOR_PHONE });
    expect(signed.statusCode, signed.body).toBe(200);
    assertEmployerView(signed.json());
    expect(signed.json().employerSigned).toBe(true);
    expect(keysOf(signed.json().agreement)).toEqual(['claimTypes', 'installments', 'summary']);
  });
});

describe('the worker’s tracking view', () => {
  it('GET and the sign response carry exactly the contract’s fields, and nothing of the employer’s', async () => {
    const session = await mediator.post(`/api/disputes/${caseId}/sessions`, {
      mode: 'video',
      scheduledAt: '2025-06-10T06:30:00Z',
      meetingUrl: 'https://meeting.example.cn/j/123',
    });
    expect(session.statusCode, session.body).toBe(200);
    const anon = agent(t.app);
    await anon.post('/api/public/disputes/track/request-code', { caseNumber, phone: WORKER_PHONE });
    caseToken = (await anon.post('/api/public/disputes/track/verify', { caseNumber, code: await workerCode() })).json()
      .caseToken;
    const headers = { 'x-case-token': caseToken };
    const view = await anon.request({ method: 'GET', url: '/api/public/disputes/track', headers });
    expect(view.statusCode, view.body).toBe(200);
    assertWorkerView(view.json());
    expect(view.json().canSign).toBe(true);
    expect(view.json().sessions).toHaveLength(1);

    t.clock.now = new Date(t.clock.now.getTime() + 2 * 60_000);
    expect(
      (await anon.request({ method: 'POST', url: '/api/public/disputes/track/sign-code', headers, payload: {} }))
        .statusCode,
    ).toBe(200);
    const signed = await anon.request({
      method: 'POST',
      url: '/api/public/disputes/track/sign',
      headers,
      payload: { code: await workerCode(), termsHash: view.json().termsHash },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    assertWorkerView(signed.json());
    expect(signed.json().signatures.worker).toBe(true);
  });

  it('with the payments once the agreement is in force', async () => {
    const termsHash = await termsHashOf(mediator, caseId);
    const sealed = await actOn(mediator, caseId, 'sign_agreement', {
      signer: 'mediator',
      termsHash,
      sealApplied: true,
    });
    expect(sealed.statusCode, sealed.body).toBe(200);
    const view = await agent(t.app).request({
      method: 'GET',
      url: '/api/public/disputes/track',
      headers: { 'x-case-token': caseToken },
    });
    expect(view.statusCode, view.body).toBe(200);
    assertWorkerView(view.json());
    expect(view.json().payments).toHaveLength(2);
  });
});
