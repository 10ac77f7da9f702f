import fs from 'node:fs';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/modules/audit/tables.js';
import { disputeCases, disputeEvents, disputePayments } from '../../server/modules/disputes/tables.js';
import { pdfText } from '../../server/modules/disputes/documents/test-support.js';
import { runReminders } from '../../server/modules/disputes/reminders.js';
import { EVIDENCE_QUOTA } from '../../server/modules/disputes/work/evidence.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { people } from '../../server/modules/people/tables.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newJudge, newMediator } from '../support/factories.js';
import { actOn, agreeOnPaper, constructionIntake, termsHashOf } from '../support/disputes.js';

let t: TestApp;
let mediator: Agent;
let seq = 500;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  mediator = await newMediator(t);
  // A colleague in the same studio, so a case can be assigned to either of two mediators.
  await newMediator(t);
});
afterAll(() => t.close());

async function newCase(day = '2025-06-02') {
  t.clock.now = new Date(`${day}T02:00:00Z`);
  const intake = constructionIntake(t, { sequence: seq++, workerName: `完整性${seq}` });
  intake.worker = { ...intake.worker, phone: `1351234${String(seq).padStart(4, '0')}` };
  const res = await mediator.post('/api/disputes', intake);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string; caseNumber: string; version: number }>();
}

async function toMediating(id: string) {
  for (const [action, payload] of [
    ['start_consultation', {}],
    ['record_consent', { party: 'worker' }],
    ['contact_employer', { channel: 'phone', reached: true }],
    ['record_employer_answer', { answer: 'accept' }],
    ['start_mediation', { mode: 'in_person' }],
  ] as const) {
    const res = await actOn(mediator, id, action, payload);
    expect(res.statusCode, res.body).toBe(200);
  }
}

const TERMS = {
  installments: [{ dueOn: '2025-07-01', amountFen: 300_000 }],
  claimTypes: ['wage_arrears'],
  summary: '一次性支付拖欠工资 3000 元',
};
const detailOf = async (id: string) => (await mediator.get(`/api/disputes/${id}`)).json();

describe('one locked, versioned path for every write of a case', () => {
  it('no module but the case writer updates the case table', () => {
    const root = path.resolve('server');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (
          e.name.endsWith('.ts') &&
          !e.name.endsWith('.test.ts') &&
          /update\(disputeCases\)/.test(fs.readFileSync(full, 'utf8'))
        )
          offenders.push(path.relative(root, full));
      }
    };
    walk(root);
    expect(offenders).toEqual(['modules/disputes/case-writer.ts']);
  });

  it('an action without the version it was decided on is refused (400, field version)', async () => {
    const c = await newCase();
    const res = await mediator.post(`/api/disputes/${c.id}/actions`, { action: 'start_consultation', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('version');
  });

  it('two identical payment requests on the same version: one is applied, the other answers 409', async () => {
    const c = await newCase();
    await toMediating(c.id);
    expect((await agreeOnPaper(mediator, c.id, TERMS)).statusCode).toBe(200);
    t.clock.now = new Date('2025-06-10T02:00:00Z');
    const { version } = await detailOf(c.id);
    const body = { action: 'record_payment', payload: { amountFen: 100_000, paidOn: '2025-06-10' }, version };
    const [a, b] = await Promise.all([
      mediator.post(`/api/disputes/${c.id}/actions`, body),
      mediator.post(`/api/disputes/${c.id}/actions`, body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const paid = await t.deps.db.select().from(disputePayments).where(eq(disputePayments.caseId, c.id));
    expect(paid.reduce((s, p) => s + p.paidFen, 0)).toBe(100_000);
    expect((await detailOf(c.id)).record.state.paidFen).toBe(100_000);
  });

  it('assignments, judge invitations and actions interleaved lose nothing; each write bumps the version once', async () => {
    const c = await newCase();
    const mediators = (await mediator.get('/api/disputes/mediators')).json().items as { id: string }[];
    expect((await actOn(mediator, c.id, 'start_consultation')).statusCode).toBe(200);
    const before = (await detailOf(c.id)).version;
    // Writes racing each other, none decided on a version: each is applied to the locked row,
    // so none undoes another (two assignments both stay in the history).
    const results = await Promise.all([
      mediator.post(`/api/disputes/${c.id}/assign`, {
        mediatorAccountId: mediators[0]!.id,
        noConflictDeclared: true,
        reason: '首次指派',
      }),
      mediator.post(`/api/disputes/${c.id}/assign`, {
        mediatorAccountId: mediators[1]!.id,
        noConflictDeclared: true,
        reason: '调整分工',
      }),
      mediator.post(`/api/disputes/${c.id}/analysis`, {}),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const after = await detailOf(c.id);
    expect(after.record.state.stage).toBe('consultation');
    expect(after.record.mediatorHistory).toHaveLength(2);
    expect(after.analysis.totalFen).toBeGreaterThan(0);
    expect(after.version).toBe(before + 3);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), like(auditLog.action, 'dispute.%')));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['dispute.mediator_assigned', 'dispute.start_consultation', 'dispute.analysis_saved']),
    );
  });

  it('an assignment decided on a stale version is refused', async () => {
    const c = await newCase();
    const mediators = (await mediator.get('/api/disputes/mediators')).json().items as { id: string }[];
    await actOn(mediator, c.id, 'start_consultation');
    const res = await mediator.post(`/api/disputes/${c.id}/assign`, {
      mediatorAccountId: mediators[0]!.id,
      noConflictDeclared: true,
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().field).toBe('version');
  });

  it('the clocks job records reminders on the locked row and keeps an action taken meanwhile', async () => {
    const c = await newCase('2025-06-02');
    await actOn(mediator, c.id, 'start_consultation');
    // Two days on, the 3-working-day contact clock is due tomorrow: a reminder goes out once.
    t.clock.now = new Date('2025-06-04T02:00:00Z');
    const [first, second] = await Promise.all([runReminders(t.deps), runReminders(t.deps)]);
    const [row] = await t.deps.db.select().from(disputeCases).where(eq(disputeCases.id, c.id));
    const record = row!.record as { state: { stage: string }; remindersSent?: string[] };
    expect(record.state.stage).toBe('consultation');
    expect(first.remindersSent + second.remindersSent).toBeGreaterThan(0);
    expect((record.remindersSent ?? []).length).toBeGreaterThan(0);
    expect(new Set(record.remindersSent).size).toBe(record.remindersSent!.length);
    const events = await t.deps.db
      .select()
      .from(disputeEvents)
      .where(and(eq(disputeEvents.caseId, c.id), eq(disputeEvents.action, 'reminders_sent')));
    expect(events).toHaveLength(1);
  });
});

describe('ruling numbers: per court and year, never shared', () => {
  async function toConfirmationApplied() {
    const c = await newCase();
    await toMediating(c.id);
    expect((await agreeOnPaper(mediator, c.id, TERMS)).statusCode).toBe(200);
    const applied = await actOn(mediator, c.id, 'apply_confirmation', {
      applicants: ['worker', 'employer'],
      materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
      court: 'inviting_court',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    return c;
  }
  const REVIEW = {
    violates_mandatory_law: false,
    harms_state_public_or_third_party: false,
    offends_public_order: false,
    not_voluntary: false,
    content_unclear: false,
  };

  it('two rulings issued at once in one court get consecutive numbers, above any issued before', async () => {
    const judge = await newJudge(t);
    const [a, b, c] = [await toConfirmationApplied(), await toConfirmationApplied(), await toConfirmationApplied()];
    // A number typed in by hand (from the court's own system) is kept and counted above.
    const manual = await actOn(judge, a.id, 'issue_ruling', { rulingNo: '（2025）粤2071民特41号' }, { review: REVIEW });
    expect(manual.statusCode, manual.body).toBe(200);
    const [rb, rc] = await Promise.all([
      actOn(judge, b.id, 'issue_ruling', {}, { review: REVIEW }),
      actOn(judge, c.id, 'issue_ruling', {}, { review: REVIEW }),
    ]);
    expect([rb.statusCode, rc.statusCode]).toEqual([200, 200]);
    const numbers = [rb.json().record.rulingNo, rc.json().record.rulingNo].sort();
    expect(numbers).toEqual(['（2025）粤2071民特42号', '（2025）粤2071民特43号']);
  });

  it('a number already used is refused with 409', async () => {
    const judge = await newJudge(t);
    const c = await toConfirmationApplied();
    const res = await actOn(judge, c.id, 'issue_ruling', { rulingNo: '（2025）粤2071民特41号' }, { review: REVIEW });
    expect(res.statusCode).toBe(409);
    expect(res.json().field).toBe('rulingNo');
  });
});

describe('signatures are bound to the terms they were given', () => {
  it('only the mediator sets terms; a signature on other terms is refused; a change voids every signature', async () => {
    const c = await newCase();
    await toMediating(c.id);
    expect((await actOn(mediator, c.id, 'set_agreement_terms', { terms: TERMS })).statusCode).toBe(200);
    const shown = await termsHashOf(mediator, c.id);
    const worker = await actOn(mediator, c.id, 'record_party_signature', {
      signer: 'worker',
      termsHash: shown,
      method: 'paper',
    });
    expect(worker.statusCode).toBe(200);
    // The ¥3,000 agreement cannot become ¥1 behind the worker's back: only the mediator changes
    // terms, and that voids the signature.
    const cheaper = { ...TERMS, installments: [{ dueOn: '2025-07-01', amountFen: 100 }] };
    const changed = await actOn(mediator, c.id, 'set_agreement_terms', { terms: cheaper });
    expect(changed.json().record.state.signatures).toEqual({ worker: false, employer: false, mediator: false });
    expect(changed.json().record.state.agreementVersion).toBe(2);
    const stale = await actOn(mediator, c.id, 'record_party_signature', {
      signer: 'worker',
      termsHash: shown,
      method: 'paper',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('协议内容已变更');
  });

  it('a mediator recording a paper signature is its own action, named and audited as the mediator', async () => {
    const c = await newCase();
    await toMediating(c.id);
    await actOn(mediator, c.id, 'set_agreement_terms', { terms: TERMS });
    const termsHash = await termsHashOf(mediator, c.id);
    const asWorker = await actOn(mediator, c.id, 'sign_agreement', { signer: 'worker', termsHash });
    expect(asWorker.statusCode).toBe(409);
    expect(
      (await actOn(mediator, c.id, 'record_party_signature', { signer: 'worker', termsHash, method: 'paper' }))
        .statusCode,
    ).toBe(200);
    const detail = await detailOf(c.id);
    expect(detail.record.state.signedTerms.worker).toMatchObject({
      termsHash,
      agreementVersion: 1,
      recordedBy: 'mediator',
    });
    const event = detail.events.find((e: { action: string }) => e.action === 'record_party_signature');
    expect(event.actorLabel).toBe((await mediator.get('/api/auth/me')).json().displayName);
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'dispute.record_party_signature')));
    expect(audit!.actorName).not.toBe('system');
    expect(audit!.actorAccountId).toBeTruthy();
  });
});

describe('what staff may read of the messages', () => {
  it('the case outbox hides SMS codes and the employer link; the demo phone shows them only in demo mode', async () => {
    const c = await newCase();
    await actOn(mediator, c.id, 'start_consultation');
    await actOn(mediator, c.id, 'contact_employer', { channel: 'sms', reached: true });
    const res = (await mediator.get(`/api/disputes/${c.id}/outbox`)).json();
    const bodies = res.items.map((m: { body: string }) => m.body).join('\n');
    expect(bodies).toContain('/e/******');
    expect(bodies).not.toMatch(/\/e\/[A-Za-z0-9_-]{16,}/);
    const [link] = await t.deps.db
      .select()
      .from(outbox)
      .where(and(like(outbox.topic, `dispute_case:${c.id}`), like(outbox.body, '%/e/%')));
    const phone = await t.app.inject({
      method: 'GET',
      url: `/api/public/demo-phone?to=${encodeURIComponent(link!.recipient)}`,
    });
    expect(phone.json().items.map((m: { body: string }) => m.body)).toContain(link!.body);
  });

  it('without the demo data set there is no demo phone', async () => {
    const prod = await createTestApp({ demoScale: null, env: { YIZHAN_DEMO_DATA: 'false' } });
    try {
      const res = await prod.app.inject({ method: 'GET', url: '/api/public/demo-phone?to=13800002222' });
      expect(res.statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

describe('input the studio may not store', () => {
  it('analysis corrections are checked like the calculator: a negative wage or an impossible date is a 400 naming the field', async () => {
    const c = await newCase();
    const negative = await mediator.post(`/api/disputes/${c.id}/analysis`, { overrides: { monthlyWageFen: -500 } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().field).toBe('overrides.monthlyWageFen');
    const badDate = await mediator.post(`/api/disputes/${c.id}/analysis`, { overrides: { endDate: '2025-02-30' } });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().field).toBe('overrides.endDate');
    expect((await detailOf(c.id)).analysis).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('a meeting link %s is refused', async (meetingUrl) => {
    const c = await newCase();
    const res = await mediator.post(`/api/disputes/${c.id}/sessions`, {
      mode: 'video',
      scheduledAt: '2025-06-05T02:00:00Z',
      meetingUrl,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('meetingUrl');
  });

  it('an https meeting link is accepted', async () => {
    const c = await newCase();
    const res = await mediator.post(`/api/disputes/${c.id}/sessions`, {
      mode: 'video',
      scheduledAt: '2025-06-05T02:00:00Z',
      meetingUrl: 'https://meeting.tencent.com/dm/abc',
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('evidence', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  const upload = (id: string, content = PNG, filename = 'slip.png') => {
    const boundary = '----yz';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return mediator.request({
      method: 'POST',
      url: `/api/disputes/${id}/evidence`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };

  it('is served as a download with nosniff, never inline', async () => {
    const c = await newCase();
    const saved = await upload(c.id);
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await mediator.get(`/api/disputes/${c.id}/evidence/${saved.json().id}`);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a case holds at most its quota of files; the next upload is refused with the limit named', async () => {
    const c = await newCase();
    for (let i = 0; i < EVIDENCE_QUOTA.files; i++)
      expect((await upload(c.id, PNG, `slip-${i}.png`)).statusCode).toBe(200);
    const over = await upload(c.id, PNG, 'one-too-many.png');
    expect(over.statusCode).toBe(413);
    expect(over.json().message).toContain(`${EVIDENCE_QUOTA.files} 个文件`);
  });

  it('cannot be added to a historic (read-only) case', async () => {
    // A case imported from the studio's paper records carries no live state.
    const historic = await newCase();
    await t.deps.db
      .update(disputeCases)
      .set({ record: { historic: true } })
      .where(eq(disputeCases.id, historic.id));
    const res = await mediator.request({
      method: 'POST',
      url: `/api/disputes/${historic.id}/evidence`,
      payload: Buffer.from(
        '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n' +
          PNG.toString('latin1') +
          '\r\n--b--\r\n',
        'latin1',
      ),
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('documents never invent a person', () => {
  it('a worker without a registered resident ID gets blanks, not a made-up sex and birth date', async () => {
    const c = await newCase();
    const [row] = await t.deps.db
      .select({ workerPersonId: disputeCases.workerPersonId })
      .from(disputeCases)
      .where(eq(disputeCases.id, c.id));
    await t.deps.db
      .update(people)
      .set({ sex: null, birthDate: null, residentIdHead: null, residentIdTail: null })
      .where(eq(people.id, row!.workerPersonId));
    const res = await mediator.get(`/api/disputes/${c.id}/documents/mediation-application?format=pdf`);
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(res.rawPayload)).flat;
    expect(text).not.toContain('1980年1月1日');
    expect(text).toContain('性别＿＿＿＿');
    expect(text).toContain('出生日期＿＿＿＿');
  });

  it('the employer link names the studio of the case', async () => {
    const c = await newCase();
    await actOn(mediator, c.id, 'start_consultation');
    await actOn(mediator, c.id, 'contact_employer', { channel: 'sms', reached: true });
    const [msg] = await t.deps.db
      .select()
      .from(outbox)
      .where(and(like(outbox.topic, `dispute_case:${c.id}`), like(outbox.body, '%/e/%')));
    expect(msg!.body).toMatch(/中山市总工会.*受理了案件/);
  });
});
