import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseParty } from '../../contracts/disputes/parties.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { employers } from '../../server/modules/employers/tables.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { people } from '../../server/modules/people/tables.js';
import { disputeEvents } from '../../server/modules/disputes/tables.js';
import { pdfText, squash } from '../../server/modules/disputes/documents/test-support.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { actOn, constructionIntake, termsHashOf } from '../support/disputes.js';
import { newCase, newJudge, newMediator, uniqueUscc } from '../support/factories.js';

// The mediator corrects what was registered: a party's name or address typed wrong, the hire date,
// a claim left out. Documents, lists and messages follow; after a signature only contact details.

let t: TestApp;
let mediator: Awaited<ReturnType<typeof newMediator>>;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  mediator = await newMediator(t);
});
afterAll(() => t.close());

interface Detail {
  id: string;
  version: number;
  caseNumber: string;
  parties: CaseParty[];
  claimTotalFen: number;
  claimTypes: string[];
  facts: { employer: { name: string }; employment: { hireDate: string; endDate: string | null }; claims: unknown[] };
  analysis: { factsChangedOn?: string } | null;
  clocks: { code: string; dueOn: string | null }[];
}

async function newStoryCase(sequence: number, a: Agent = mediator): Promise<Detail> {
  const intake = constructionIntake(t, { sequence, workerName: `宋建${sequence}` });
  const res = await a.post('/api/disputes', intake);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const detailOf = async (id: string): Promise<Detail> => (await mediator.get(`/api/disputes/${id}`)).json();

async function correct(id: string, body: object, a: Agent = mediator) {
  const { version } = await detailOf(id);
  return a.post(`/api/disputes/${id}/corrections`, { version, reason: '登记时录入错误', ...body });
}

async function pdf(id: string, kind: string): Promise<string> {
  const res = await mediator.get(`/api/disputes/${id}/documents/${kind}?format=pdf`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return (await pdfText(res.rawPayload)).flat;
}

const party = (d: Detail, id: string) => d.parties.find((p) => p.id === id)!;

describe('correcting the parties before anyone signs', () => {
  let c: Detail;
  beforeAll(async () => {
    c = await newStoryCase(61);
  });

  it('renames the contractor and the worker, with a new address for service, everywhere the case shows them', async () => {
    const before = await pdf(c.id, 'mediation-application');
    expect(before).toContain(squash('宋建61'));
    const res = await correct(c.id, {
      parties: [
        { id: 'gc', name: '中山市华裕建筑工程有限公司', serviceAddress: '中山市东区博爱路 6 号' },
        { id: 'worker', name: '宋健61' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d: Detail = res.json();
    expect(d.version).toBe(c.version + 1);
    expect(party(d, 'gc')).toMatchObject({
      name: '中山市华裕建筑工程有限公司',
      serviceAddress: '中山市东区博爱路 6 号',
      roles: ['liable'],
    });
    expect(party(d, 'worker').name).toBe('宋健61');
    // The header and the lists name the corrected parties.
    expect(res.json().respondentName).toBe('中山市华裕建筑工程有限公司');
    const list = (await mediator.get(`/api/disputes?q=${encodeURIComponent('宋健61')}`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(c.id);
    // The documents are generated again from the corrected file.
    const after = await pdf(c.id, 'mediation-application');
    expect(after).toContain(squash('宋健61'));
    expect(after).not.toContain(squash('宋建61'));
  });

  it('keeps the worker’s person record in step, and the event and audit say who changed what and why', async () => {
    const d = await detailOf(c.id);
    const [person] = await t.deps.db
      .select()
      .from(people)
      .where(eq(people.id, party(d, 'worker').personId!));
    expect(person!.name).toBe('宋健61');
    const events = await t.deps.db
      .select()
      .from(disputeEvents)
      .where(and(eq(disputeEvents.caseId, c.id), eq(disputeEvents.action, 'facts_corrected')));
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({
      reason: '登记时录入错误',
      fields: ['parties.gc.name', 'parties.gc.serviceAddress', 'parties.worker.name'],
    });
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'dispute.facts_corrected')));
    expect(audit!.before).toMatchObject({
      'parties.gc.name': '中山市华裕建筑劳务有限公司',
      'parties.worker.name': '宋建61',
    });
    expect(audit!.after).toMatchObject({ reason: '登记时录入错误', 'parties.gc.name': '中山市华裕建筑工程有限公司' });
  });

  it('links a corrected licence number to the register, asking first when its check character fails', async () => {
    const good = uniqueUscc();
    const res = await correct(c.id, { parties: [{ id: 'gc', uscc: good }] });
    expect(res.statusCode, res.body).toBe(200);
    const gc = party(res.json(), 'gc');
    const [row] = await t.deps.db.select().from(employers).where(eq(employers.id, gc.employerId!));
    expect(row).toMatchObject({ uscc: good, name: '中山市华裕建筑工程有限公司' });

    const other = uniqueUscc();
    const bad = other.slice(0, 17) + (other.at(-1) === '0' ? '1' : '0');
    const refused = await correct(c.id, { parties: [{ id: 'gc', uscc: bad }] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'CONFIRMATION_REQUIRED', field: 'parties.0.uscc' });
    expect(party(await detailOf(c.id), 'gc').uscc).toBe(good);
    const kept = await correct(c.id, { parties: [{ id: 'gc', uscc: bad }], acceptUsccWarning: true });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(party(kept.json(), 'gc').uscc).toBe(bad);
  });

  it('sends the next message to the corrected phone', async () => {
    const res = await correct(c.id, { parties: [{ id: 'worker', phone: '13912340061' }] });
    expect(res.statusCode, res.body).toBe(200);
    const scheduled = await mediator.post(`/api/disputes/${c.id}/sessions`, {
      mode: 'phone',
      scheduledAt: '2025-06-12T02:00:00.000Z',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const texts = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, '13912340061'));
    expect(texts.map((m) => m.body).join()).toContain('调解定于 2025-06-12 10:00');
  });

  it('clears a field given as null', async () => {
    const res = await correct(c.id, { parties: [{ id: 'gc', serviceAddress: null }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(party(res.json(), 'gc').serviceAddress).toBeUndefined();
  });
});

describe('correcting the employment facts and the claims', () => {
  it('moves the limitation clock, updates the claimed total, and marks the saved analysis for a new run', async () => {
    const c = await newStoryCase(62);
    const analysed = await mediator.post(`/api/disputes/${c.id}/analysis`, {});
    expect(analysed.statusCode, analysed.body).toBe(200);
    const limitation = (d: Detail) => d.clocks.filter((k) => k.code.startsWith('limitation')).map((k) => k.dueOn);
    const before = limitation(await detailOf(c.id));
    const employment = { ...c.facts.employment, endDate: '2025-04-30', harmKnownOn: '2025-04-30' };
    const claims = [
      { type: 'wage_arrears', amountFen: 6_000_000, description: '2024 年 3 月至 2025 年 3 月工资' },
      { type: 'economic_compensation', amountFen: 1_500_000, description: '' },
    ];
    const res = await correct(c.id, { employment, claims });
    expect(res.statusCode, res.body).toBe(200);
    const d: Detail = res.json();
    expect(d.facts.employment.endDate).toBe('2025-04-30');
    expect(d.claimTotalFen).toBe(7_500_000);
    expect(d.claimTypes).toEqual(['wage_arrears', 'economic_compensation']);
    expect(d.analysis?.factsChangedOn).toBe('2025-06-09');
    expect(before).toEqual([null, '2026-03-31']);
    // 一年 from the corrected end of employment and from the day the harm became known (第二十七条第一款、第四款).
    expect(limitation(d)).toEqual(['2026-04-30', '2026-04-30']);
    // A new run clears the mark.
    const rerun = await mediator.post(`/api/disputes/${c.id}/analysis`, {});
    expect(rerun.json().analysis.factsChangedOn).toBeUndefined();
  });

  it('checks the corrected facts as intake does, naming the field', async () => {
    const c = await newStoryCase(63);
    const res = await correct(c.id, { employment: { ...c.facts.employment, endDate: '2000-01-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('employment.endDate');
  });
});

describe('after a signature', () => {
  it('only contact details can change: the signed names and claims stay as signed', async () => {
    const c = await newCase(t, { stage: 'mediating', mediator });
    await actOn(mediator, c.id, 'set_agreement_terms', {
      terms: { installments: [{ dueOn: '2025-07-01', amountFen: 6_000_000 }], claimTypes: ['wage_arrears'] },
    });
    const signed = await actOn(mediator, c.id, 'record_party_signature', {
      signer: 'worker',
      termsHash: await termsHashOf(mediator, c.id),
      method: 'paper',
    });
    expect(signed.statusCode, signed.body).toBe(200);

    const renamed = await correct(c.id, { parties: [{ id: 'gc', name: '另一家公司' }] });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().field).toBe('parties.0.name');
    expect(renamed.json().message).toContain('重新签署');
    const claims = await correct(c.id, { claims: [{ type: 'wage_arrears', amountFen: 1, description: '' }] });
    expect(claims.statusCode).toBe(409);
    expect(claims.json().field).toBe('claims');

    // The form sends the employment block as it is: unchanged, it is no change to what was signed.
    const { facts } = await detailOf(c.id);
    const moved = await correct(c.id, {
      employment: facts.employment,
      claims: facts.claims,
      parties: [{ id: 'gc', serviceAddress: '中山市石岐区民族路 1 号' }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(party(moved.json(), 'gc').serviceAddress).toBe('中山市石岐区民族路 1 号');
    // The agreement to be printed for the other signatures carries the new address for service.
    await actOn(mediator, c.id, 'record_party_signature', {
      signer: 'employer',
      termsHash: await termsHashOf(mediator, c.id),
      method: 'paper',
    });
    expect(await pdf(c.id, 'mediation-agreement')).toContain(squash('送达地址中山市石岐区民族路 1 号'));
  });

  it('nothing changes once the case is closed', async () => {
    const c = await newStoryCase(65);
    const closed = await actOn(mediator, c.id, 'close_failed', { reason: 'withdrawn' });
    expect(closed.statusCode, closed.body).toBe(200);
    const res = await correct(c.id, { parties: [{ id: 'gc', phone: '13900001234' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('案件已结束');
  });
});

describe('what a correction refuses', () => {
  let c: Detail;
  beforeAll(async () => {
    c = await newStoryCase(66);
  });

  it('without a login, from a judge, from another region’s mediator', async () => {
    const body = { version: c.version, reason: '更正', parties: [{ id: 'gc', phone: '13900001234' }] };
    expect((await agent(t.app).post(`/api/disputes/${c.id}/corrections`, body)).statusCode).toBe(401);
    const judge = await newJudge(t);
    expect((await judge.post(`/api/disputes/${c.id}/corrections`, body)).statusCode).toBe(403);
    const elsewhere = await newMediator(t, { regionCode: '440100' });
    expect([403, 404]).toContain((await elsewhere.post(`/api/disputes/${c.id}/corrections`, body)).statusCode);
    expect((await detailOf(c.id)).version).toBe(c.version);
  });

  it('a stale version, an unknown party, a licence for a person, nothing to change, no reason, a worker without phone', async () => {
    const stale = await mediator.post(`/api/disputes/${c.id}/corrections`, {
      version: c.version + 5,
      reason: '更正',
      parties: [{ id: 'gc', phone: '13900001234' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('version');
    const cases: [object, string][] = [
      [{ parties: [{ id: 'nobody', name: '某某' }] }, 'parties.0.id'],
      [{ parties: [{ id: 'boss', uscc: uniqueUscc() }] }, 'parties.0.uscc'],
      [{ parties: [{ id: 'gc', name: party(c, 'gc').name }] }, 'parties'],
      [{ parties: [{ id: 'worker', phone: null }] }, 'parties.0.phone'],
      [{ parties: [{ id: 'gc', phone: '12345' }] }, 'parties.0.phone'],
      [{ parties: [] }, 'parties'],
      [{ reason: '', parties: [{ id: 'gc', phone: '13900001234' }] }, 'reason'],
      [{ parties: [{ id: 'gc', secret: 'x' }] }, 'parties.0'],
    ];
    for (const [body, field] of cases) {
      const res = await correct(c.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    expect((await detailOf(c.id)).version).toBe(c.version);
  });
});
