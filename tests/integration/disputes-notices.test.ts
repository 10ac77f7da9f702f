import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../server/modules/disputes/reminders.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, createTestApp, type Agent, type TestApp } from '../support/app.js';
import { actOn, constructionIntake, signByLink, termsHashOf } from '../support/disputes.js';
import { newJudge, newMediator } from '../support/factories.js';

// Each party is told what happens to its case, in words meant for it: the worker and the liable
// contractor each get their own SMS per event; the crew boss who hired the worker and vanished gets
// nothing; no staff instruction reaches a party.

const WORKER = '13912345001';
const CONTRACTOR = '13800005002';
const CREW_BOSS = '13700005003';
const STAFF_WORDS = /调解员可以|请职工确认|请立即处理|标记履行完毕|依据：/;

let t: TestApp;
let mediator: Agent;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
  mediator = await newMediator(t);
});
afterAll(() => t.close());

async function textsTo(phone: string): Promise<string[]> {
  const rows = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, phone)).orderBy(asc(outbox.createdAt));
  return rows.map((r) => r.body);
}

async function newStoryCase(sequence: number): Promise<{ id: string; token: string }> {
  const intake = constructionIntake(t, { sequence, workerName: '宋建军' });
  intake.worker = { ...intake.worker, phone: WORKER };
  const [dev, gc, boss] = intake.construction!.parties;
  intake.construction!.parties = [
    dev!,
    { ...gc!, contactPhone: CONTRACTOR, contactEmail: undefined },
    { ...boss!, contactPhone: CREW_BOSS },
  ];
  const created = await mediator.post('/api/disputes', intake);
  expect(created.statusCode, created.body).toBe(200);
  const id = created.json().id as string;
  await actOn(mediator, id, 'start_consultation');
  await actOn(mediator, id, 'contact_employer', { channel: 'sms', reached: true });
  const link = (await textsTo(CONTRACTOR)).filter((b) => b.includes('/e/')).at(-1)!;
  return { id, token: link.match(/\/e\/([A-Za-z0-9_-]+)/)![1]! };
}

describe('the parties’ messages, event by event', () => {
  let caseId = '';
  let token = '';
  const since: Record<string, number> = {};
  /** What a phone received since the last look. */
  const newTexts = async (phone: string) => {
    const all = await textsTo(phone);
    const fresh = all.slice(since[phone] ?? 0);
    since[phone] = all.length;
    return fresh.join('\n');
  };

  it('registers the case: the worker is told the case number; the contractor gets its link', async () => {
    ({ id: caseId, token } = await newStoryCase(61));
    const worker = await newTexts(WORKER);
    expect(worker).toMatch(/已登记，案件编号粤中工调〔2025〕\d{6}号/);
    expect(await newTexts(CONTRACTOR)).toContain('中山市华裕建筑劳务有限公司：');
  });

  it('schedules a session: time and place to both, the worker pointed to /track', async () => {
    const anon = agent(t.app);
    await anon.post(`/api/public/disputes/employer/${token}/answer`, { answer: 'accept' });
    await actOn(mediator, caseId, 'record_consent', { party: 'worker' });
    await actOn(mediator, caseId, 'start_mediation', { mode: 'in_person' });
    await newTexts(WORKER);
    await newTexts(CONTRACTOR);
    const scheduled = await mediator.post(`/api/disputes/${caseId}/sessions`, {
      mode: 'in_person',
      scheduledAt: '2025-06-10T06:30:00Z',
      location: '中山市法院诉讼服务中心调解室 3',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const worker = await newTexts(WORKER);
    expect(worker).toContain('调解定于 2025-06-10 14:30，地点：中山市法院诉讼服务中心调解室 3');
    expect(worker).toContain('/track');
    expect(await newTexts(CONTRACTOR)).toContain('调解定于 2025-06-10 14:30，地点：中山市法院诉讼服务中心调解室 3');
  });

  it('tells each party the agreement is ready to sign, and where', async () => {
    const set = await actOn(mediator, caseId, 'set_agreement_terms', {
      terms: {
        installments: [
          { dueOn: '2025-06-20', amountFen: 5_000_000 },
          { dueOn: '2025-07-20', amountFen: 3_400_000 },
        ],
        claimTypes: ['wage_arrears'],
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    const worker = await newTexts(WORKER);
    expect(worker).toContain(
      '调解协议已拟好：中山市华裕建筑劳务有限公司向您支付 84,000.00 元，分 2 期，最后一期 2025-07-20 前付清',
    );
    expect(worker).toContain('用手机验证码签署');
    const contractor = await newTexts(CONTRACTOR);
    expect(contractor).toContain('贵方向宋建军支付 84,000.00 元');
    expect(contractor).toContain('此前短信中的链接');
  });

  it('tells both when the agreement is in force, when confirmation is applied for and when the court rules', async () => {
    const hash = await termsHashOf(mediator, caseId);
    expect((await signByLink(t, token, hash, { phone: CONTRACTOR })).statusCode).toBe(200);
    await actOn(mediator, caseId, 'record_party_signature', { signer: 'worker', termsHash: hash, method: 'paper' });
    await actOn(mediator, caseId, 'sign_agreement', { signer: 'mediator', termsHash: hash, sealApplied: true });
    expect(await newTexts(WORKER)).toContain('调解协议已生效');
    expect(await newTexts(CONTRACTOR)).toContain('调解协议已生效');
    const applied = await actOn(mediator, caseId, 'apply_confirmation', {
      applicants: ['worker', 'employer'],
      materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
      court: 'inviting_court',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(await newTexts(WORKER)).toMatch(/调解协议已向测试人民法院.*申请司法确认。法院一般在受理后三十日内作出裁定/);
    expect(await newTexts(CONTRACTOR)).toMatch(
      /调解协议已向测试人民法院.*申请司法确认。法院一般在受理后三十日内作出裁定/,
    );
    const judge = await newJudge(t);
    const review = {
      violates_mandatory_law: false,
      harms_state_public_or_third_party: false,
      offends_public_order: false,
      not_voluntary: false,
      content_unclear: false,
    };
    expect((await actOn(judge, caseId, 'issue_ruling', { clerkName: '林晓雯' }, { review })).statusCode).toBe(200);
    expect(await newTexts(WORKER)).toContain('法院已裁定调解协议有效');
    expect(await newTexts(CONTRACTOR)).toContain('法院已裁定调解协议有效');
  });

  it('tells both of each payment with what is left, then that the case is closed as performed', async () => {
    await actOn(mediator, caseId, 'record_payment', { amountFen: 5_000_000, paidOn: '2025-06-09' });
    expect(await newTexts(WORKER)).toContain(
      '已登记中山市华裕建筑劳务有限公司付款 50,000.00 元（2025-06-09），累计 50,000.00 元；尚余 34,000.00 元。',
    );
    expect(await newTexts(CONTRACTOR)).toContain(
      '已登记贵方付款 50,000.00 元（2025-06-09），累计 50,000.00 元；尚余 34,000.00 元。',
    );
    await actOn(mediator, caseId, 'record_payment', { amountFen: 3_400_000, paidOn: '2025-06-09' });
    expect(await newTexts(WORKER)).toContain('协议款项已全部付清。');
    await newTexts(CONTRACTOR);
    const performed = await actOn(mediator, caseId, 'mark_performed', { workerConfirmed: true });
    expect(performed.statusCode, performed.body).toBe(200);
    expect(await newTexts(WORKER)).toContain('本案履行完毕并结案');
    expect(await newTexts(CONTRACTOR)).toContain('本案履行完毕并结案');
  });

  it('never texts the crew boss, and never sends a party a staff instruction', async () => {
    expect(await textsTo(CREW_BOSS)).toEqual([]);
    for (const body of [...(await textsTo(WORKER)), ...(await textsTo(CONTRACTOR))])
      expect(body).not.toMatch(STAFF_WORDS);
  });
});

describe('a case that ends without an agreement', () => {
  it('tells the worker why, and what to do next; the contractor its own sentence', async () => {
    const { id, token } = await newStoryCase(62);
    await agent(t.app).post(`/api/public/disputes/employer/${token}/answer`, { answer: 'decline' });
    const declined = (await textsTo(WORKER)).at(-1)!;
    expect(declined).toContain('中山市华裕建筑劳务有限公司答复不同意调解。调解员会联系您');
    expect(declined).not.toMatch(STAFF_WORDS);
    const closed = await actOn(mediator, id, 'close_failed', { reason: 'employer_declined', referral: 'arbitration' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await textsTo(WORKER)).at(-1)).toContain(
      '本案已结束：对方不同意调解，本次调解结束。您可以向劳动人事争议仲裁委员会申请仲裁',
    );
    expect((await textsTo(CONTRACTOR)).at(-1)).toContain('本案已结束：贵方不同意调解');
  });
});

describe('a payment overdue', () => {
  it('is told to both parties the day after the agreement’s last day, with the amount unpaid', async () => {
    const { id, token } = await newStoryCase(63);
    await agent(t.app).post(`/api/public/disputes/employer/${token}/answer`, { answer: 'accept' });
    await actOn(mediator, id, 'record_consent', { party: 'worker' });
    await actOn(mediator, id, 'start_mediation', { mode: 'in_person' });
    await actOn(mediator, id, 'set_agreement_terms', {
      terms: { installments: [{ dueOn: '2025-06-20', amountFen: 2_000_000 }], claimTypes: ['wage_arrears'] },
    });
    const hash = await termsHashOf(mediator, id);
    await actOn(mediator, id, 'record_party_signature', { signer: 'worker', termsHash: hash, method: 'paper' });
    await actOn(mediator, id, 'record_party_signature', { signer: 'employer', termsHash: hash, method: 'paper' });
    await actOn(mediator, id, 'record_payment', { amountFen: 500_000, paidOn: '2025-06-09' });
    t.clock.now = new Date('2025-06-21T01:00:00Z');
    await runReminders(t.deps);
    expect((await textsTo(WORKER)).join('\n')).toContain(
      '中山市华裕建筑劳务有限公司应于 2025-06-20 前支付的 15,000.00 元尚未登记到账',
    );
    expect((await textsTo(CONTRACTOR)).join('\n')).toContain(
      '贵方应于 2025-06-20 前向宋建军支付的 15,000.00 元尚未登记到账',
    );
    expect(await textsTo(CREW_BOSS)).toEqual([]);
    for (const body of [...(await textsTo(WORKER)), ...(await textsTo(CONTRACTOR))])
      expect(body).not.toMatch(STAFF_WORDS);
  });
});
