import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskResidentId } from '../../server/core/identifiers/resident-id.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { disputeCases, disputeEvents } from '../../server/modules/disputes/tables.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { people } from '../../server/modules/people/tables.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { actOn, nextAddress, onlineApplication, workerTrackView } from '../support/disputes.js';
import {
  newAccount,
  newAdmin,
  newEmployer,
  newJudge,
  newMediator,
  newPerson,
  uniquePhone,
  uniqueResidentId,
  type LoggedIn,
  type Person,
  type Studio,
} from '../support/factories.js';

// An online application whose resident ID is a registered person's, typed with another name or
// phone, waits for a mediator to check the applicant's ID card and say who the applicant is.

let t: TestApp;
let mediator: LoggedIn & { studio: Studio };
let admin: LoggedIn;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  mediator = await newMediator(t);
  admin = await newAdmin(t);
});
afterAll(() => t.close());

interface Applied {
  id: string;
  caseNumber: string;
  applicantId: string;
  typed: { name: string; phone: string; residentId: string };
}

/** The worker applies from a phone, typing this name, phone and resident ID. */
async function applyOnline(typed: { name: string; phone: string; residentId: string }): Promise<Applied> {
  const body = onlineApplication(t, {
    workerName: typed.name,
    phone: typed.phone,
    mediationBodyId: mediator.studio.id,
  });
  body.worker = { ...body.worker, residentId: typed.residentId };
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/apply',
    payload: body,
    remoteAddress: nextAddress(),
  });
  expect(res.statusCode, res.body).toBe(200);
  const { caseNumber } = res.json<{ caseNumber: string }>();
  const [row] = await t.deps.db.select().from(disputeCases).where(eq(disputeCases.caseNumber, caseNumber));
  return { id: row!.id, caseNumber, applicantId: row!.workerPersonId, typed };
}

/** An application typing `person`'s resident ID, with the changes given. */
const impersonate = (person: Person, change: { name?: string; phone?: string } = {}) =>
  applyOnline({
    name: change.name ?? person.name,
    phone: change.phone ?? person.phone,
    residentId: person.residentId,
  });

const detailOf = async (caseId: string, as: LoggedIn = mediator) => {
  const res = await as.get(`/api/disputes/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const decide = async (caseId: string, body: object, as: LoggedIn = mediator) => {
  const { version } = await detailOf(caseId);
  return as.post(`/api/disputes/${caseId}/identity`, { version, ...body });
};

const auditOf = (action: string, entityId: string) =>
  t.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe('an online application is held when the resident ID is a registered person’s', () => {
  it('with another name: held, and the mediator sees both side by side, nothing typed in clear', async () => {
    const registered = await newPerson(t, { name: '宋建军' });
    const held = await impersonate(registered, { name: '冒名者' });
    const d = await detailOf(held.id);
    expect(d.facts.identityMatch).toMatchObject({
      status: 'held',
      matchesRegisteredPerson: true,
      registeredPersonId: registered.id,
      differs: ['name'],
    });
    expect(d.identityCheck).toEqual({
      differs: ['name'],
      applicant: {
        personId: held.applicantId,
        name: '冒名者',
        phone: registered.phone,
        residentIdMasked: maskResidentId(registered.residentId),
      },
      registered: {
        personId: registered.id,
        name: '宋建军',
        phone: registered.phone,
        phoneMasked: false,
        residentIdMasked: maskResidentId(registered.residentId),
        regionCode: registered.regionCode,
        regionName: expect.stringContaining('中山'),
        openCases: [],
      },
    });
    expect(d.record.intakeWarnings.map((w: { code: string }) => w.code)).toContain('identity_held');
    // The applicant is a record of their own, without the ID; the ID typed is nowhere in clear.
    const [applicant] = await t.deps.db.select().from(people).where(eq(people.id, held.applicantId));
    expect(applicant).toMatchObject({ name: '冒名者', residentIdHash: null, residentIdEnc: null });
    const [row] = await t.deps.db.select().from(disputeCases).where(eq(disputeCases.id, held.id));
    const events = await t.deps.db.select().from(disputeEvents).where(eq(disputeEvents.caseId, held.id));
    const audit = await t.deps.db.select().from(auditLog);
    for (const stored of [row, events, audit]) expect(JSON.stringify(stored)).not.toContain(registered.residentId);

    // The studio's lists mark it.
    const queue = (await mediator.get('/api/disputes?unassigned=true&pageSize=100')).json();
    expect(queue.items.find((c: { id: string }) => c.id === held.id)).toMatchObject({ identityHeld: true });
  });

  it('with another phone: held; a registered person outside the mediator’s region shows a masked phone', async () => {
    const registered = await newPerson(t, { regionCode: '440305' });
    const held = await impersonate(registered, { phone: uniquePhone() });
    const d = await detailOf(held.id);
    expect(d.facts.identityMatch).toMatchObject({ status: 'held', differs: ['phone'] });
    expect(d.identityCheck.differs).toEqual(['phone']);
    expect(d.identityCheck.registered).toMatchObject({
      name: registered.name,
      phone: `${registered.phone.slice(0, 3)}****${registered.phone.slice(-4)}`,
      phoneMasked: true,
      regionCode: '440305',
    });
  });

  it('lists the registered person’s open cases beside the comparison', async () => {
    const registered = await newPerson(t);
    const counter = onlineApplication(t, { workerName: registered.name, phone: registered.phone });
    const atCounter = await mediator.post('/api/disputes', {
      ...counter,
      channel: 'counter',
      oral: false,
      mediationBodyId: undefined,
      worker: { ...counter.worker, residentId: registered.residentId },
    });
    expect(atCounter.statusCode, atCounter.body).toBe(200);
    const held = await impersonate(registered, { name: '另一个人' });
    const { identityCheck } = await detailOf(held.id);
    expect(identityCheck.registered.openCases).toEqual([
      expect.objectContaining({ id: atCounter.json().id, caseNumber: atCounter.json().caseNumber, readable: true }),
    ]);
  });

  it('with name and phone as registered: only flagged unverified, as before, and worked on at once', async () => {
    const registered = await newPerson(t);
    const same = await impersonate(registered);
    const d = await detailOf(same.id);
    expect(d.facts.identityMatch).toEqual({
      status: 'unverified',
      matchesRegisteredPerson: true,
      registeredPersonId: registered.id,
    });
    expect(d.identityCheck).toBeNull();
    expect(d.availableActions).toContain('start_consultation');
    const queue = (await mediator.get('/api/disputes?unassigned=true&pageSize=100')).json();
    expect(queue.items.find((c: { id: string }) => c.id === same.id)).toMatchObject({ identityHeld: false });
    expect((await actOn(mediator, same.id, 'start_consultation')).statusCode).toBe(200);
  });
});

describe('while held', () => {
  it('refuses the state machine’s actions and sessions with 409, and offers only closing', async () => {
    const registered = await newPerson(t);
    const held = await impersonate(registered, { name: '冒名者乙' });
    const d = await detailOf(held.id);
    expect(d.availableActions).toEqual(['close_failed']);
    for (const [action, payload] of [
      ['start_consultation', {}],
      ['record_consent', { party: 'worker' }],
    ] as const) {
      const res = await actOn(mediator, held.id, action, payload);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ field: 'identity', message: expect.stringContaining('须先核验申请人身份') });
      expect(res.json().messageEn).toContain('identity must be verified first');
    }
    const session = await mediator.post(`/api/disputes/${held.id}/sessions`, {
      mode: 'phone',
      scheduledAt: '2025-06-12T02:00:00Z',
    });
    expect(session.statusCode, session.body).toBe(409);
    expect(session.json().field).toBe('identity');
    expect((await detailOf(held.id)).version).toBe(d.version);
  });

  it('may be withdrawn: the applicant is told, the other side hears nothing', async () => {
    const registered = await newPerson(t);
    const held = await impersonate(registered, { name: '冒名者丙', phone: uniquePhone() });
    const res = await actOn(mediator, held.id, 'close_failed', { reason: 'withdrawn' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stage).toBe('closed_failed');
    const sent = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.topic, `dispute_case:${held.id}`));
    const closing = sent.filter((m) => m.body.includes('本案已结束'));
    expect(closing.map((m) => m.recipient)).toEqual([held.typed.phone]);
  });
});

describe('the mediator decides: the same person', () => {
  it('moves the case to the registered person, with the phone of the application, and merges the records', async () => {
    const registered = await newPerson(t);
    const newPhone = uniquePhone();
    const held = await impersonate(registered, { phone: newPhone });
    const res = await decide(held.id, { decision: 'same_person', keepPhone: 'application', note: '已核验身份证原件' });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.workerPersonId).toBe(registered.id);
    expect(d.workerName).toBe(registered.name);
    expect(d.identityCheck).toBeNull();
    expect(d.facts.identityMatch).toMatchObject({
      status: 'verified_same',
      decision: {
        decision: 'same_person',
        keptPhone: 'application',
        by: expect.any(String),
        note: '已核验身份证原件',
        applicant: { personId: held.applicantId, name: registered.name, phone: newPhone },
      },
    });
    expect(d.facts.worker).toMatchObject({ name: registered.name, phone: newPhone });
    const worker = d.parties.find((p: { roles: string[] }) => p.roles.includes('worker'));
    expect(worker).toMatchObject({ personId: registered.id, name: registered.name, phone: newPhone });
    expect(d.events.at(-1)).toMatchObject({ action: 'identity_verified', payload: { decision: 'same_person' } });

    // The register: the person has the new phone; the applicant's record made at intake is gone.
    expect((await mediator.get(`/api/people/${registered.id}`)).json()).toMatchObject({ phone: newPhone });
    expect((await mediator.get(`/api/people/${held.applicantId}`)).statusCode).toBe(404);
    expect(await auditOf('dispute.identity_verified', held.id)).toHaveLength(1);
    const [phoneChange] = await auditOf('person.updated', registered.id);
    expect(phoneChange!.after).toMatchObject({ reason: 'online_applicant_verified' });
    const [merged] = await auditOf('person.merged', held.applicantId);
    expect(merged!.after).toEqual({ mergedInto: registered.id, removed: true });

    // The case is worked on again; deciding twice is refused.
    expect(d.availableActions).toContain('start_consultation');
    const again = await decide(held.id, { decision: 'same_person' });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('decision');
  });

  it('keeps the registered phone when told, and the registered name on the case', async () => {
    const registered = await newPerson(t);
    const held = await impersonate(registered, { name: '宋见军', phone: uniquePhone() });
    const res = await decide(held.id, { decision: 'same_person', keepPhone: 'registered' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ workerPersonId: registered.id, workerName: registered.name });
    expect(res.json().facts.worker).toMatchObject({ name: registered.name, phone: registered.phone });
    expect(res.json().facts.identityMatch.decision.applicant).toMatchObject({ name: '宋见军' });
    expect((await mediator.get(`/api/people/${registered.id}`)).json()).toMatchObject({ phone: registered.phone });
    expect(await auditOf('person.updated', registered.id)).toHaveLength(0);
  });

  it('keeps the applicant’s record when an account is linked to it', async () => {
    const registered = await newPerson(t);
    const held = await impersonate(registered, { name: '冒名者丁' });
    await newAccount(t, { role: 'worker', personId: held.applicantId });
    const res = await decide(held.id, { decision: 'same_person' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().workerPersonId).toBe(registered.id);
    expect((await admin.get(`/api/people/${held.applicantId}`)).statusCode).toBe(200);
    const [merged] = await auditOf('person.merged', held.applicantId);
    expect(merged!.after).toEqual({ mergedInto: registered.id, removed: false });
  });
});

describe('the mediator decides: a different person', () => {
  it('keeps the applicant’s record, with the applicant’s own ID attached, and leaves the registered person alone', async () => {
    const registered = await newPerson(t);
    const held = await impersonate(registered, { name: '宋建国', phone: uniquePhone() });
    const ownId = uniqueResidentId();
    const res = await decide(held.id, { decision: 'different_person', residentId: ownId });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.workerPersonId).toBe(held.applicantId);
    expect(d.facts.identityMatch).toMatchObject({
      status: 'verified_different',
      decision: { decision: 'different_person', residentIdMasked: maskResidentId(ownId) },
    });
    expect(d.facts.worker).toMatchObject({ name: '宋建国', residentIdMasked: maskResidentId(ownId) });
    const worker = d.parties.find((p: { roles: string[] }) => p.roles.includes('worker'));
    expect(worker).toMatchObject({ personId: held.applicantId, residentIdMasked: maskResidentId(ownId) });
    expect((await mediator.get(`/api/people/${held.applicantId}`)).json()).toMatchObject({
      residentIdMasked: maskResidentId(ownId),
    });
    expect((await mediator.get(`/api/people/${registered.id}`)).json()).toMatchObject({
      name: registered.name,
      phone: registered.phone,
      residentIdMasked: maskResidentId(registered.residentId),
    });
    expect(await auditOf('person.updated', held.applicantId)).toHaveLength(1);
    expect(JSON.stringify(await t.deps.db.select().from(auditLog))).not.toContain(ownId);
    expect(d.availableActions).toContain('start_consultation');
  });

  it('without an ID: the case no longer shows the registered person’s ID as the applicant’s', async () => {
    const registered = await newPerson(t);
    const held = await impersonate(registered, { name: '宋建民' });
    const res = await decide(held.id, { decision: 'different_person' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().facts.worker.residentIdMasked).toBeNull();
    expect(res.json().facts.identityMatch.decision.applicant.residentIdMasked).toBe(
      maskResidentId(registered.residentId),
    );
  });

  it('refuses an ID that is another person’s (409) or not a valid ID (400), naming the field', async () => {
    const registered = await newPerson(t);
    const someoneElse = await newPerson(t);
    const held = await impersonate(registered, { name: '宋建华' });
    const taken = await decide(held.id, { decision: 'different_person', residentId: someoneElse.residentId });
    expect(taken.statusCode, taken.body).toBe(409);
    expect(taken.json()).toMatchObject({ field: 'residentId', message: expect.stringContaining('另一人员') });
    const typedAgain = await decide(held.id, { decision: 'different_person', residentId: registered.residentId });
    expect(typedAgain.statusCode).toBe(409);
    const invalid = await decide(held.id, { decision: 'different_person', residentId: '110101199001011230' });
    expect(invalid.statusCode, invalid.body).toBe(400);
    expect(invalid.json().field).toBe('residentId');
    const d = await detailOf(held.id);
    expect(d.facts.identityMatch.status).toBe('held');
    expect((await mediator.get(`/api/people/${held.applicantId}`)).json().residentIdMasked).toBeNull();
  });
});

describe('who may decide, and what is refused', () => {
  let held: Applied;
  beforeAll(async () => {
    held = await impersonate(await newPerson(t), { name: '冒名者戊' });
  });

  it('refuses nobody signed in (401), other roles (403) and another region’s mediator (403)', async () => {
    const body = { decision: 'same_person', version: 1 };
    expect((await agent(t.app).post(`/api/disputes/${held.id}/identity`, body)).statusCode).toBe(401);
    for (const who of [await newJudge(t), await newAccount(t, { role: 'union_staff' })]) {
      expect((await decide(held.id, { decision: 'same_person' }, who)).statusCode).toBe(403);
    }
    const elsewhere = await newMediator(t, { regionCode: '440300' });
    expect((await decide(held.id, { decision: 'same_person' }, elsewhere)).statusCode).toBe(403);
    expect((await elsewhere.get(`/api/disputes/${held.id}`)).statusCode).toBe(403);
  });

  it('refuses a stale version (409), a case not held (409) and bad bodies (400), changing nothing', async () => {
    const { version } = await detailOf(held.id);
    const stale = await mediator.post(`/api/disputes/${held.id}/identity`, {
      decision: 'same_person',
      version: version + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('version');

    const registered = await newPerson(t);
    const notHeld = await impersonate(registered);
    const res = await decide(notHeld.id, { decision: 'same_person' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      field: 'decision',
      messageEn: expect.stringContaining('no applicant identity'),
    });

    const bad: [object, string][] = [
      [{ decision: 'maybe', version }, 'decision'],
      [{ decision: 'same_person' }, 'version'],
      [{ decision: 'same_person', keepPhone: 'both', version }, 'keepPhone'],
      [{ decision: 'same_person', residentId: registered.residentId, version }, 'residentId'],
      [{ decision: 'different_person', keepPhone: 'application', version }, 'keepPhone'],
      [{ decision: 'different_person', note: '核验\u202e', version }, 'note'],
    ];
    for (const [body, field] of bad) {
      const r = await mediator.post(`/api/disputes/${held.id}/identity`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().field).toBe(field);
    }
    const unknown = await mediator.post('/api/disputes/00000000-0000-4000-8000-000000000000/identity', {
      decision: 'same_person',
      version: 1,
    });
    expect(unknown.statusCode).toBe(404);
    expect((await detailOf(held.id)).version).toBe(version);
  });

  it('shows nothing of the check to the employer’s account', async () => {
    const registered = await newPerson(t);
    const employer = await newEmployer(t);
    const body = onlineApplication(t, {
      workerName: '冒名者己',
      phone: uniquePhone(),
      mediationBodyId: mediator.studio.id,
    });
    body.worker = { ...body.worker, residentId: registered.residentId };
    body.employer = { ...body.employer!, employerId: employer.id };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/disputes/apply',
      payload: body,
      remoteAddress: nextAddress(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.deps.db.select().from(disputeCases).where(eq(disputeCases.caseNumber, res.json().caseNumber));
    expect(row!.facts.identityMatch?.status).toBe('held');
    const agentOf = await newAccount(t, { role: 'employer_agent', employerId: employer.id });
    const seen = await agentOf.get(`/api/disputes/${row!.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().identityCheck).toBeNull();
    expect(seen.json().facts.identityMatch).toBeUndefined();
    expect(seen.body).not.toContain(registered.id);
    const list = (await agentOf.get('/api/disputes')).json();
    expect(list.items.find((c: { id: string }) => c.id === row!.id)).toMatchObject({ identityHeld: false });
  });

  it('shows the comparison to none but the studio: not on the worker’s tracking page', async () => {
    const registered = await newPerson(t, { name: '唐登记' });
    const applied = await impersonate(registered, { name: '唐申请', phone: uniquePhone() });
    const track = await workerTrackView(t, applied.caseNumber, applied.typed.phone);
    expect(track.statusCode, track.body).toBe(200);
    expect(track.body).not.toContain('唐登记');
    expect(track.body).not.toContain(registered.phone);
    expect(track.body).not.toContain('identity');
  });
});
