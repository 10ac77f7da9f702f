import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../server/modules/notifications/tables.js';
import { pdfText, squash } from '../../server/modules/disputes/documents/test-support.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { actOn, constructionIntake, lastCodeTo } from '../support/disputes.js';
import { newAccount, newAdmin, newEmployer, newJudge, newMediator, type Employer } from '../support/factories.js';

let t: TestApp;
let mediator: Agent;
let caseId = '';
let caseNumber = '';
let contractor: Employer;
let employerAgent: Agent;

async function messagesTo(recipient: string) {
  return t.deps.db.select().from(outbox).where(eq(outbox.recipient, recipient));
}
const act = (a: Agent, action: string, payload: object = {}) => actOn(a, caseId, action, payload);

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  mediator = await newMediator(t);
  // A registered contractor with an agent account: the case links to it by USCC.
  contractor = await newEmployer(t, { name: '中山市华裕建筑劳务有限公司' });
  employerAgent = await newAccount(t, { role: 'employer_agent', employerId: contractor.id });
});
afterAll(() => t.close());

describe('the seed story, end to end through the API', () => {
  it('registers the oral application and names the general contractor as liable (art. 36)', async () => {
    const intake = constructionIntake(t);
    intake.construction!.parties[1] = {
      ...intake.construction!.parties[1]!,
      name: contractor.name,
      uscc: contractor.uscc,
    };
    const res = await mediator.post('/api/disputes', intake);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    caseId = body.id;
    caseNumber = body.caseNumber;
    expect(caseNumber).toMatch(/^粤中工调〔2025〕\d{6}号$/);
    expect(body.stage).toBe('intake');
    expect(body.record.liability.contactFirst.role).toBe('general_contractor');
    expect(body.record.liability.contactFirst.basis.article).toBe(36);
    expect(body.respondentName).toBe(contractor.name);
    const contact = body.clocks.find((c: { code: string }) => c.code === 'contact');
    expect(contact.basis).toMatch(/在线调解规则/);
    expect(contact.dueOn).toBe('2025-06-12');
    const sms = await messagesTo('13912340001');
    expect(sms.some((m) => m.body.includes(caseNumber))).toBe(true);
  });

  it('refuses a duplicate case for the same worker and employer', async () => {
    const intake = constructionIntake(t);
    const res = await mediator.post('/api/disputes', intake);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain(caseNumber);
  });

  it('saves the labor-law analysis with the case', async () => {
    const res = await mediator.post(`/api/disputes/${caseId}/analysis`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().analysis.totalFen).toBeGreaterThan(0);
    expect(res.json().analysis.items[0].basis.length).toBeGreaterThan(0);
  });

  it('contacts the contractor, whose one-time link accepts mediation', async () => {
    expect((await act(mediator, 'start_consultation')).statusCode).toBe(200);
    expect((await act(mediator, 'record_consent', { party: 'worker' })).statusCode).toBe(200);
    const contacted = await act(mediator, 'contact_employer', { channel: 'sms', reached: true });
    expect(contacted.statusCode, contacted.body).toBe(200);
    expect(contacted.json().stage).toBe('employer_contacted');
    const [sms] = await messagesTo('13800002222');
    const token = sms!.body.match(/\/e\/([A-Za-z0-9_-]+)/)![1]!;
    const email = await messagesTo('hr@huayu.example.cn');
    expect(email[0]!.channel).toBe('email');
    const anon = agent(t.app);
    const view = await anon.get(`/api/public/disputes/employer/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ caseNumber, canAnswer: true, addressee: contractor.name });
    expect(view.json().liability.basis.article).toBe(36);
    const answer = await anon.post(`/api/public/disputes/employer/${token}/answer`, { answer: 'accept' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().stage).toBe('consented');
    expect((await anon.get('/api/public/disputes/employer/not-a-real-token-0000000000')).statusCode).toBe(404);
  });

  it('holds a session and records the minutes', async () => {
    expect((await act(mediator, 'start_mediation', { mode: 'in_person' })).json().stage).toBe('mediating');
    const scheduled = await mediator.post(`/api/disputes/${caseId}/sessions`, {
      mode: 'in_person',
      scheduledAt: '2025-06-09T03:00:00Z',
      location: '中山市法院诉讼服务中心调解室 3',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const sessionId = scheduled.json().sessions[0].id;
    const minutes = (heldAt: string) =>
      mediator.post(`/api/disputes/${caseId}/sessions/${sessionId}/minutes`, {
        minutes: '总承包单位同意先行垫付拖欠的劳务费 84,000 元，分两期支付。',
        heldAt,
      });
    // Minutes record what happened: not before the session has been held (the test once wrote them a day early).
    const early = await minutes('2025-06-09T04:00:00Z');
    expect(early.statusCode).toBe(400);
    expect(early.json().field).toBe('heldAt');
    t.clock.now = new Date('2025-06-09T05:00:00Z');
    const recorded = await minutes('2025-06-09T04:00:00Z');
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().sessions[0].minutes).toContain('垫付');
  });

  it('signs the agreement: mediator with seal, employer by link, worker by SMS code', async () => {
    const terms = {
      installments: [
        { dueOn: '2025-06-20', amountFen: 5_000_000 },
        { dueOn: '2025-07-20', amountFen: 3_400_000 },
      ],
      claimTypes: ['wage_arrears'],
      summary: '总承包单位垫付拖欠劳务费',
    };
    const set = await act(mediator, 'set_agreement_terms', { terms });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().payments).toHaveLength(2);
    const termsHash = set.json().record.state.agreementHash as string;
    const signed = await act(mediator, 'sign_agreement', { signer: 'mediator', termsHash, sealApplied: true });
    expect(signed.statusCode, signed.body).toBe(200);
    const [sms] = await messagesTo('13800002222');
    const token = sms!.body.match(/\/e\/([A-Za-z0-9_-]+)/)![1]!;
    const anon = agent(t.app);
    // The link shows the terms with their version; the signature names exactly that version.
    const shown = (await anon.get(`/api/public/disputes/employer/${token}`)).json();
    expect(shown.agreement.installments).toEqual(terms.installments);
    expect(shown.termsHash).toBe(termsHash);
    const unbound = await anon.post(`/api/public/disputes/employer/${token}/sign`, {});
    expect(unbound.statusCode).toBe(400);
    // The code goes to the contractor's registered phone, not to the crew boss and not to a typed number.
    expect(shown.signPhoneMasked).toBe('138****2222');
    expect((await anon.post(`/api/public/disputes/employer/${token}/sign-code`, {})).statusCode).toBe(200);
    const linkCode = (await lastCodeTo(t, '13800002222'))!;
    const sign = (body: object) =>
      anon.post(`/api/public/disputes/employer/${token}/sign`, { code: linkCode, signerName: '周经理', ...body });
    // Other terms than those on the case: refused, and the code stays good for the right ones.
    expect((await sign({ termsHash: '0'.repeat(64) })).statusCode).toBe(409);
    expect(
      (await sign({ termsHash: shown.termsHash, code: linkCode === '000000' ? '111111' : '000000' })).statusCode,
    ).toBe(400);
    const byLink = await sign({ termsHash: shown.termsHash });
    expect(byLink.statusCode, byLink.body).toBe(200);
    expect(byLink.json().employerSigned).toBe(true);
    expect(byLink.json().linkState).toBe('signed');
    const signedBy = (await mediator.get(`/api/disputes/${caseId}`)).json().record.state.signedTerms.employer;
    expect(signedBy).toMatchObject({ method: 'link_code', signerName: '周经理', recordedBy: 'self' });

    await anon.post('/api/public/disputes/track/request-code', { caseNumber, phone: '13912340001' });
    const codeSms = (await messagesTo('13912340001')).find((m) => m.body.includes('查询案件进度'))!;
    const code = codeSms.body.match(/验证码 (\d{6})/)![1]!;
    const verified = await anon.post('/api/public/disputes/track/verify', { caseNumber, code });
    expect(verified.statusCode, verified.body).toBe(200);
    const caseToken = verified.json().caseToken;
    const tracked = await anon.request({
      method: 'GET',
      url: '/api/public/disputes/track',
      headers: { 'x-case-token': caseToken },
    });
    expect(tracked.json().canSign).toBe(true);
    expect(tracked.json().steps.map((s: { label: string }) => s.label)).toContain('调解中');
    await anon.request({
      method: 'POST',
      url: '/api/public/disputes/track/sign-code',
      headers: { 'x-case-token': caseToken },
    });
    const signSms = (await messagesTo('13912340001')).find((m) => m.body.includes('确认签署'))!;
    const signCode = signSms.body.match(/验证码 (\d{6})/)![1]!;
    const wrong = await anon.request({
      method: 'POST',
      url: '/api/public/disputes/track/sign',
      headers: { 'x-case-token': caseToken },
      payload: { code: signCode === '000000' ? '111111' : '000000', termsHash: tracked.json().termsHash },
    });
    expect(wrong.statusCode).toBe(400);
    const done = await anon.request({
      method: 'POST',
      url: '/api/public/disputes/track/sign',
      headers: { 'x-case-token': caseToken },
      payload: { code: signCode, termsHash: tracked.json().termsHash },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().stage).toBe('agreement_signed');
    const workerSigned = (await mediator.get(`/api/disputes/${caseId}`)).json().record.state.signedTerms.worker;
    expect(workerSigned).toMatchObject({ method: 'sms_code', signerName: '宋建军', recordedBy: 'self' });
  });

  it('the court confirms jointly applied agreement and issues a numbered ruling', async () => {
    const applied = await act(mediator, 'apply_confirmation', {
      applicants: ['worker', 'employer'],
      materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
      court: 'inviting_court',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const clerk = await newJudge(t, { role: 'court_clerk' });
    const queue = await clerk.get('/api/disputes?stage=confirmation_applied');
    expect(queue.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    const judge = await newJudge(t);
    const noReview = await act(judge, 'issue_ruling', {});
    expect(noReview.statusCode).toBe(400);
    expect(noReview.json().field).toBe('review');
    const review = {
      violates_mandatory_law: false,
      harms_state_public_or_third_party: false,
      offends_public_order: false,
      not_voluntary: false,
      content_unclear: false,
    };
    const ruled = await actOn(judge, caseId, 'issue_ruling', {}, { review });
    expect(ruled.json().record.confirmationReview.grounds).toEqual(review);
    expect(ruled.statusCode, ruled.body).toBe(200);
    expect(ruled.json().record.rulingNo).toMatch(/^（2025）粤2071民特\d+号$/);
    const pdf = await judge.get(`/api/disputes/${caseId}/documents/civil-ruling?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text.flat).toContain(squash('民事裁定书'));
    expect(text.flat).toContain(ruled.json().record.rulingNo);
    expect(text.flat).toContain('宋建军');
  });

  it('never shows the full resident ID in the case file, and masks the worker’s phone for the employer', async () => {
    const staffView = (await mediator.get(`/api/disputes/${caseId}`)).json();
    expect(staffView.facts.worker.residentId).toBeUndefined();
    expect(staffView.facts.worker.residentIdMasked).toMatch(/^3611\*{10}\d{3}[\dX]$/);
    expect(staffView.facts.worker.phone).toBe('13912340001');
    const employerView = await employerAgent.get(`/api/disputes/${caseId}`);
    expect(employerView.statusCode).toBe(200);
    expect(employerView.body).not.toMatch(/361102\d{11}/);
    expect(employerView.json().facts.worker.phone).toBe('139****0001');
  });

  it('records the payments and closes the case as performed', async () => {
    const own = await employerAgent.get('/api/disputes');
    expect(own.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    expect(
      (await act(employerAgent, 'record_payment', { amountFen: 5_000_000, paidOn: '2025-06-09' })).statusCode,
    ).toBe(200);
    const second = await act(mediator, 'record_payment', { amountFen: 3_400_000, paidOn: '2025-06-09' });
    expect(second.json().payments.every((p: { paidOn: string | null }) => p.paidOn)).toBe(true);
    const performed = await act(mediator, 'mark_performed', { workerConfirmed: true });
    expect(performed.statusCode, performed.body).toBe(200);
    expect(performed.json().stage).toBe('performed');
    expect(performed.json().settledFen).toBe(8_400_000);
    const agreement = await mediator.get(`/api/disputes/${caseId}/documents/mediation-agreement?format=pdf`);
    expect(agreement.statusCode, agreement.body.slice(0, 300)).toBe(200);
    const text = await pdfText(agreement.rawPayload);
    expect(text.flat).toContain('人民币捌万肆仟元整');
    const docx = await mediator.get(`/api/disputes/${caseId}/documents/mediation-agreement?format=docx`);
    expect(docx.headers['content-type']).toContain('officedocument');
  });

  it('left an audit record for every step', async () => {
    const admin = await newAdmin(t);
    const audit = (await admin.get(`/api/audit?entityType=dispute_case&entityId=${caseId}&pageSize=100`)).json();
    const actions = audit.items.map((e: { action: string }) => e.action);
    for (const a of [
      'dispute.registered',
      'dispute.contact_employer',
      'dispute.record_employer_answer',
      'dispute.sign_agreement',
      'dispute.issue_ruling',
      'dispute.mark_performed',
    ])
      expect(actions).toContain(a);
    const msgs = await t.deps.db
      .select()
      .from(outbox)
      .where(like(outbox.topic, `dispute_case:${caseId}`));
    expect(msgs.length).toBeGreaterThan(4);
  });
});
