import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseParty } from '../../contracts/disputes/parties.js';
import { employers } from '../../server/modules/employers/tables.js';
import { disputeEvents } from '../../server/modules/disputes/tables.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { actOn, constructionIntake, signByLink, termsHashOf } from '../support/disputes.js';
import { newJudge, newMediator, uniqueUscc } from '../support/factories.js';
import { pdfText, squash } from '../../server/modules/disputes/documents/test-support.js';

// The parties of a case as one list with roles: the crew boss who hired the worker, the general
// contractor liable under 保障农民工工资支付条例第三十六条, and the developer, never mixed up.

const CONTRACTOR_PHONE = '13800002222';
const CREW_BOSS_PHONE = '13700001111';

let t: TestApp;
let mediator: Agent;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  mediator = await newMediator(t);
});
afterAll(() => t.close());

const messagesTo = (recipient: string) => t.deps.db.select().from(outbox).where(eq(outbox.recipient, recipient));
const byId = (parties: CaseParty[], id: string) => parties.find((p) => p.id === id)!;

/** The seed story, with a phone for the crew boss too: the one number that must never be used for the contractor. */
function storyIntake(sequence: number) {
  const intake = constructionIntake(t, { sequence, workerName: `宋建${sequence}` });
  const [dev, gc, boss] = intake.construction!.parties;
  intake.construction!.parties = [
    { ...dev!, serviceAddress: '中山市翠亨新区和耀路 1 号' },
    {
      ...gc!,
      uscc: uniqueUscc(),
      serviceAddress: '中山市东区中山四路 88 号',
      representative: { name: '何志明', title: '总经理' },
      agent: { name: '周经理', relation: '该公司员工', phone: '13800003333' },
    },
    { ...boss!, contactPhone: CREW_BOSS_PHONE },
  ];
  intake.worker = { ...intake.worker, serviceAddress: '中山市南朗镇榄边村 3 巷 5 号' };
  return intake;
}

describe('the parties of a construction case', () => {
  let caseId = '';
  let parties: CaseParty[] = [];

  it('keeps one list: the worker, the crew boss who hired him, the liable contractor, the developer', async () => {
    const created = await mediator.post('/api/disputes', storyIntake(41));
    expect(created.statusCode, created.body).toBe(200);
    const body = created.json();
    caseId = body.id;
    parties = body.parties;
    expect(parties.map((p) => [p.id, p.roles])).toEqual([
      ['worker', ['worker']],
      ['dev', ['other']],
      ['gc', ['liable']],
      ['boss', ['hirer']],
    ]);
    const gc = byId(parties, 'gc');
    expect(gc).toMatchObject({
      kind: 'organisation',
      name: '中山市华裕建筑劳务有限公司',
      phone: CONTRACTOR_PHONE,
      email: 'hr@huayu.example.cn',
      serviceAddress: '中山市东区中山四路 88 号',
      representative: { name: '何志明', title: '总经理' },
      agent: { name: '周经理', relation: '该公司员工', phone: '13800003333' },
      liabilityBasis: '《保障农民工工资支付条例》第三十六条第一款',
    });
    expect(byId(parties, 'boss')).toMatchObject({
      kind: 'person',
      name: '李某（包工头）',
      phone: CREW_BOSS_PHONE,
      reachable: false,
    });
    expect(byId(parties, 'boss').email).toBeUndefined();
    expect(byId(parties, 'worker')).toMatchObject({
      kind: 'person',
      serviceAddress: '中山市南朗镇榄边村 3 巷 5 号',
      residentIdMasked: expect.stringMatching(/^\d{4}\*+\d{3}[\dX]$/),
    });
    // The header's names: the crew boss hired, the contractor pays.
    expect(body.employerName).toBe('李某（包工头）');
    expect(body.respondentName).toBe('中山市华裕建筑劳务有限公司');
    // The hirer's fact keeps the crew boss's own phone, not the contractor's.
    expect(body.facts.employer.contactPhone).toBe(CREW_BOSS_PHONE);
  });

  it('registers the contractor in the employer register by its USCC and links the party to it', async () => {
    const gc = byId(parties, 'gc');
    expect(gc.employerId).toBeTruthy();
    const [row] = await t.deps.db.select().from(employers).where(eq(employers.id, gc.employerId!));
    expect(row).toMatchObject({ uscc: gc.uscc, name: gc.name, usccCheckWarning: false });
  });

  it('sends the link to the contractor’s phone and e-mail, nothing to the crew boss', async () => {
    await actOn(mediator, caseId, 'start_consultation');
    const contacted = await actOn(mediator, caseId, 'contact_employer', { channel: 'sms', reached: true });
    expect(contacted.statusCode, contacted.body).toBe(200);
    const [sms] = await messagesTo(CONTRACTOR_PHONE);
    expect(sms!.body).toContain('中山市华裕建筑劳务有限公司：');
    expect(sms!.body).toMatch(/\/e\/[A-Za-z0-9_-]+/);
    expect((await messagesTo('hr@huayu.example.cn')).length).toBe(1);
    expect(await messagesTo(CREW_BOSS_PHONE)).toEqual([]);
  });

  it('names the contractor as the one who answered and, by the signer’s name, who signed', async () => {
    const [sms] = await messagesTo(CONTRACTOR_PHONE);
    const token = sms!.body.match(/\/e\/([A-Za-z0-9_-]+)/)![1]!;
    const anon = agent(t.app);
    const view = (await anon.get(`/api/public/disputes/employer/${token}`)).json();
    expect(view.addressee).toBe('中山市华裕建筑劳务有限公司');
    expect(view.linkState).toBe('answer');
    expect((await anon.post(`/api/public/disputes/employer/${token}/answer`, { answer: 'accept' })).statusCode).toBe(
      200,
    );
    await actOn(mediator, caseId, 'record_consent', { party: 'worker' });
    await actOn(mediator, caseId, 'start_mediation', { mode: 'in_person' });
    const waiting = (await anon.get(`/api/public/disputes/employer/${token}`)).json();
    expect(waiting.linkState).toBe('waiting');
    const set = await actOn(mediator, caseId, 'set_agreement_terms', {
      terms: { installments: [{ dueOn: '2025-07-01', amountFen: 6_000_000 }], claimTypes: ['wage_arrears'] },
    });
    expect(set.statusCode, set.body).toBe(200);
    // A signature through the link needs the code the contractor's registered phone received.
    const signed = await signByLink(t, token, await termsHashOf(mediator, caseId), {
      phone: CONTRACTOR_PHONE,
      signerName: '周经理',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().linkState).toBe('signed');
    expect((await messagesTo(CREW_BOSS_PHONE)).length).toBe(0);
    const events = await t.deps.db.select().from(disputeEvents).where(eq(disputeEvents.caseId, caseId));
    const labels = events.map((e) => `${e.action}:${e.actorLabel}`);
    expect(labels).toContain('record_employer_answer:中山市华裕建筑劳务有限公司（链接）');
    expect(labels).toContain('sign_agreement:周经理（代表中山市华裕建筑劳务有限公司，链接验证码签署）');
    expect(labels.join()).not.toContain('包工头');
  });

  it('prints on the agreement, the application and the ruling exactly the parties who signed and applied', async () => {
    const termsHash = await termsHashOf(mediator, caseId);
    const worker = await actOn(mediator, caseId, 'record_party_signature', {
      signer: 'worker',
      termsHash,
      method: 'paper',
    });
    expect(worker.statusCode, worker.body).toBe(200);
    await actOn(mediator, caseId, 'sign_agreement', { signer: 'mediator', termsHash, sealApplied: true });
    const applied = await actOn(mediator, caseId, 'apply_confirmation', {
      applicants: ['worker', 'employer'],
      materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
      court: 'inviting_court',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const judge = await newJudge(t, { displayName: '吴海燕' });
    const review = {
      violates_mandatory_law: false,
      harms_state_public_or_third_party: false,
      offends_public_order: false,
      not_voluntary: false,
      content_unclear: false,
    };
    const ruled = await actOn(judge, caseId, 'issue_ruling', { clerkName: '林晓雯' }, { review });
    expect(ruled.statusCode, ruled.body).toBe(200);
    expect(ruled.json().record.rulingBench).toEqual({ judge: '吴海燕', clerk: '林晓雯' });

    const pdf = async (kind: string) => {
      const res = await mediator.get(`/api/disputes/${caseId}/documents/${kind}?format=pdf`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      return (await pdfText(res.rawPayload)).flat;
    };
    const agreement = await pdf('mediation-agreement');
    expect(agreement).toContain(squash('被申请人（施工总承包单位）：中山市华裕建筑劳务有限公司'));
    expect(agreement).toContain(squash('送达地址中山市东区中山四路 88 号'));
    expect(agreement).toContain(squash('经调解链接及短信验证码电子签署）'));
    expect(agreement).toContain(squash('签署人周经理'));
    // The crew boss neither signed nor agreed: no party block and no signature line for him.
    expect(agreement).not.toContain(squash('李某（包工头）'));
    // The terms name what is paid from the claim types, not from free text.
    expect(agreement).toContain(squash('中山市华裕建筑劳务有限公司同意向宋建41支付拖欠工资共计'));

    const application = await pdf('confirmation-application');
    expect(application).toContain(squash('申请人（施工总承包单位）：中山市华裕建筑劳务有限公司'));
    expect(application).toContain(squash('申请人中山市华裕建筑劳务有限公司的营业执照副本复印件一份'));
    expect(application).toContain(squash('申请人宋建41的居民身份证复印件一份'));
    expect(application).toContain(squash('中山市南朗镇榄边村 3 巷 5 号'));
    expect(application).not.toContain(squash('李某（包工头）'));

    const ruling = await pdf('civil-ruling');
    expect(ruling).toContain(squash('审判员吴海燕'));
    expect(ruling).toContain(squash('书记员林晓雯'));
    expect(ruling).toContain(squash('中山市华裕建筑劳务有限公司'));
    expect(ruling).not.toContain(squash('李某（包工头）'));
  });
});

describe('an ordinary employer', () => {
  it('is both the hirer and the liable party, with its address for service', async () => {
    const intake = constructionIntake(t, { sequence: 42, workerName: '陈志远' });
    delete intake.construction;
    intake.sector = 'manufacturing';
    intake.employer = {
      name: '中山市榄边五金制品有限公司',
      contactPhone: '13600004444',
      serviceAddress: '中山市南朗镇工业大道 9 号',
      representative: { name: '梁德华' },
    };
    const created = await mediator.post('/api/disputes', intake);
    expect(created.statusCode, created.body).toBe(200);
    const employer = byId(created.json().parties, 'employer');
    expect(employer).toMatchObject({
      roles: ['hirer', 'liable'],
      kind: 'organisation',
      phone: '13600004444',
      serviceAddress: '中山市南朗镇工业大道 9 号',
      representative: { name: '梁德华' },
    });
    expect(created.json().respondentName).toBe('中山市榄边五金制品有限公司');
  });

  it('is required when there is no hiring chain', async () => {
    const intake = constructionIntake(t, { sequence: 43 });
    delete intake.construction;
    delete intake.employer;
    const res = await mediator.post('/api/disputes', intake);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('employer.name');
  });
});

describe('what intake refuses', () => {
  it('a second hirer beside the chain’s, naming the employer field', async () => {
    const intake = storyIntake(44);
    intake.employer = { name: '包工头 李某（个人）' };
    const res = await mediator.post('/api/disputes', intake);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('employer.name');
    expect(res.json().message).toContain('李某（包工头）');
  });

  it('a USCC failing its check character until the mediator confirms it; then registers it flagged', async () => {
    const good = uniqueUscc();
    const last = good.at(-1)!;
    const bad = good.slice(0, 17) + (last === '0' ? '1' : '0');
    const intake = storyIntake(45);
    intake.construction!.parties[1] = { ...intake.construction!.parties[1]!, uscc: bad };
    const refused = await mediator.post('/api/disputes', intake);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'CONFIRMATION_REQUIRED', field: 'construction.parties.1.uscc' });
    const accepted = await mediator.post('/api/disputes', { ...intake, acceptUsccWarning: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const gc = byId(accepted.json().parties, 'gc');
    const [row] = await t.deps.db.select().from(employers).where(eq(employers.id, gc.employerId!));
    expect(row).toMatchObject({ uscc: bad, usccCheckWarning: true });
  });
});

describe('signing by link', () => {
  it('cannot be done when no phone is registered for the paying side: the mediator is asked instead', async () => {
    const intake = storyIntake(46);
    const gc = intake.construction!.parties[1]!;
    intake.construction!.parties[1] = { ...gc, contactPhone: undefined, contactEmail: 'pay@example.cn' };
    const created = await mediator.post('/api/disputes', intake);
    const caseId = created.json().id;
    await actOn(mediator, caseId, 'start_consultation');
    await actOn(mediator, caseId, 'contact_employer', { channel: 'sms', reached: true });
    const [mail] = await messagesTo('pay@example.cn');
    const token = mail!.body.match(/\/e\/([A-Za-z0-9_-]+)/)![1]!;
    const anon = agent(t.app);
    await anon.post(`/api/public/disputes/employer/${token}/answer`, { answer: 'accept' });
    await actOn(mediator, caseId, 'record_consent', { party: 'worker' });
    await actOn(mediator, caseId, 'start_mediation', { mode: 'in_person' });
    await actOn(mediator, caseId, 'set_agreement_terms', {
      terms: { installments: [{ dueOn: '2025-07-01', amountFen: 100_000 }], claimTypes: ['wage_arrears'] },
    });
    const view = (await anon.get(`/api/public/disputes/employer/${token}`)).json();
    expect(view).toMatchObject({ linkState: 'sign', signPhoneMasked: null });
    const asked = await anon.post(`/api/public/disputes/employer/${token}/sign-code`, {});
    expect(asked.statusCode).toBe(409);
    expect(asked.json().message).toContain('联系调解员');
  });
});
