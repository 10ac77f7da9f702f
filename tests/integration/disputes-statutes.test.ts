/**
 * The legal corrections (issue points 7, 10, 11, 12) through the case actions over HTTP, on cases
 * the factories build: when an agreement takes effect, the contact clock as a service standard,
 * extensions and union mediation past its 15 days, enforcement, payment orders and the
 * confirmation application's proof of mediation.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../server/modules/disputes/reminders.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import type { IntakeInput } from '../../contracts/disputes.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { actOn, termsHashOf, workerTrackView } from '../support/disputes.js';
import {
  JOINT_CONFIRMATION_APPLICATION,
  REVIEW_OK,
  newCase,
  newJudge,
  newMediator,
  type CaseStage,
  type Court,
  type LoggedIn,
  type NewCase,
  type Studio,
} from '../support/factories.js';

let t: TestApp;
let mediator: LoggedIn & { studio: Studio };
let judge: LoggedIn & { court: Court };
// Signed in at the test clock's start (today), later than every date the cases are set on, so
// that the sessions outlive the scenarios' moves back in time.
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  mediator = await newMediator(t);
  judge = await newJudge(t, { court: mediator.studio.court });
});
afterAll(() => t.close());

const at = (day: string) => {
  t.clock.now = new Date(`${day}T02:00:00Z`);
};

interface ClockView {
  code: string;
  label: string;
  labelEn: string;
  basis: string;
  basisEn: string;
  dueOn: string | null;
  startsOn: string | null;
  status: string;
  note?: string;
  obligation?: string;
}
interface Detail {
  stage: string;
  clocks: ClockView[];
  record: { state: Record<string, unknown> & { agreementEffectiveOn?: string } };
}
const detailOf = async (c: NewCase) => (await c.mediator.get(`/api/disputes/${c.id}`)).json<Detail>();
const clockOf = (d: Detail, code: string) => d.clocks.find((k) => k.code === code)!;

const TERMS = { installments: [{ dueOn: '2025-06-30', amountFen: 8_400_000 }], claimTypes: ['wage_arrears'] };

/** The intake of the factories' story as a case of `kind`, the job having ended before 2025. */
const intakeOf = (kind: string) => (base: IntakeInput) => ({
  ...base,
  kind: kind as IntakeInput['kind'],
  employment: { ...base.employment, endDate: '2024-12-31' },
});

/** A case of `kind` registered on `day` (2025-03-03, a Monday, unless told), driven to `stage`. */
function caseOf(kind: string, stage: CaseStage, extra: Parameters<typeof newCase>[1] = {}, day = '2025-03-03') {
  return newCase(t, { day, stage, mediator, judge, ...extra, intake: intakeOf(kind) });
}

/** Mediation started (as `mediatedBy`, if given) and the terms set, on 2025-03-06. */
async function mediatingWithTerms(kind: string, mediatedBy?: 'organisation' | 'individual') {
  const c = await caseOf(kind, 'consented');
  at('2025-03-06');
  const start = await actOn(c.mediator, c.id, 'start_mediation', {
    mode: 'video',
    ...(mediatedBy ? { mediatedBy } : {}),
  });
  expect(start.statusCode, start.body).toBe(200);
  const set = await actOn(c.mediator, c.id, 'set_agreement_terms', { terms: TERMS });
  expect(set.statusCode, set.body).toBe(200);
  return c;
}

async function partySigns(c: NewCase, signer: 'worker' | 'employer', day: string) {
  at(day);
  const termsHash = await termsHashOf(c.mediator, c.id);
  return actOn(c.mediator, c.id, 'record_party_signature', { signer, termsHash, method: 'paper' });
}
async function mediatorSigns(c: NewCase, day: string, sealApplied?: boolean) {
  at(day);
  const termsHash = await termsHashOf(c.mediator, c.id);
  return actOn(c.mediator, c.id, 'sign_agreement', {
    signer: 'mediator',
    termsHash,
    ...(sealApplied === undefined ? {} : { sealApplied }),
  });
}

describe('7. a pre-filing agreement takes effect when both parties have signed (特邀调解规定第二十四条第三款)', () => {
  it('invited individual mediator: in force on the second party’s signature; the 30 days run from it', async () => {
    const c = await mediatingWithTerms('court_pre_filing', 'individual');
    expect((await partySigns(c, 'worker', '2025-03-10')).json().stage).toBe('mediating');
    const second = await partySigns(c, 'employer', '2025-03-12');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().stage).toBe('agreement_signed');
    let d = await detailOf(c);
    expect(d.record.state.agreementEffectiveOn).toBe('2025-03-12');
    expect(clockOf(d, 'confirmation_application')).toMatchObject({ startsOn: '2025-03-12', dueOn: '2025-04-11' });

    // Applying before the mediator signed: the agreement document is not complete.
    at('2025-03-20');
    const early = await actOn(c.mediator, c.id, 'apply_confirmation', JOINT_CONFIRMATION_APPLICATION);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('调解员签名');

    // The mediator signs four weeks later, without a seal (an individual has none): the clock stays.
    const late = await mediatorSigns(c, '2025-04-09');
    expect(late.statusCode, late.body).toBe(200);
    d = await detailOf(c);
    expect(clockOf(d, 'confirmation_application').dueOn).toBe('2025-04-11');

    at('2025-04-12'); // the day after the 30 days
    const refused = await actOn(c.mediator, c.id, 'apply_confirmation', JOINT_CONFIRMATION_APPLICATION);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('第二百零五条');
  });

  it('the last day of the 30 days is still open', async () => {
    const c = await mediatingWithTerms('court_pre_filing', 'individual');
    await partySigns(c, 'worker', '2025-03-12');
    await partySigns(c, 'employer', '2025-03-12');
    await mediatorSigns(c, '2025-04-10');
    at('2025-04-11');
    const applied = await actOn(c.mediator, c.id, 'apply_confirmation', JOINT_CONFIRMATION_APPLICATION);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().stage).toBe('confirmation_applied');
  });

  it('an invited organisation (the default) must seal; the effect still dates from the parties', async () => {
    const c = await mediatingWithTerms('court_pre_filing');
    await partySigns(c, 'worker', '2025-03-10');
    await partySigns(c, 'employer', '2025-03-10');
    const noSeal = await mediatorSigns(c, '2025-03-14');
    expect(noSeal.statusCode).toBe(409);
    expect(noSeal.json().message).toContain('第二十四条第二款');
    expect((await mediatorSigns(c, '2025-03-14', true)).statusCode).toBe(200);
    expect((await detailOf(c)).record.state.agreementEffectiveOn).toBe('2025-03-10');
  });

  it('union mediation keeps 劳动争议调解仲裁法第十四条: in force on the mediator’s sealed signature', async () => {
    const c = await mediatingWithTerms('union_mediation');
    await partySigns(c, 'worker', '2025-03-10');
    expect((await partySigns(c, 'employer', '2025-03-10')).json().stage).toBe('mediating');
    expect((await mediatorSigns(c, '2025-03-12')).statusCode).toBe(409);
    const sealed = await mediatorSigns(c, '2025-03-12', true);
    expect(sealed.json().stage).toBe('agreement_signed');
    expect((await detailOf(c)).record.state.agreementEffectiveOn).toBe('2025-03-12');
  });
});

describe('10. the 3-working-day contact clock', () => {
  it.each([
    ['union_mediation', 'service_standard', '服务承诺'],
    ['court_pre_filing', undefined, '《人民法院在线调解规则》第十五条'],
  ])('%s: obligation %s, basis %s', async (kind, obligation, basis) => {
    const c = await caseOf(kind, 'intake', {}, '2025-09-30');
    const contact = clockOf(await detailOf(c), 'contact');
    expect(contact.obligation).toBe(obligation);
    expect(contact.basis).toContain(basis);
    expect(contact.dueOn).toBe('2025-10-11');
    if (obligation) {
      expect(contact.label).toContain('服务承诺');
      expect(contact.basis).toContain('不是法定期限');
    }
  });

  it('a union case’s contact reminders speak of the service standard, not a legal deadline', async () => {
    const c = await caseOf('union_mediation', 'intake', {}, '2025-09-30');
    for (const day of ['2025-10-10', '2025-10-11', '2025-10-12']) {
      at(day);
      await runReminders(t.deps);
    }
    const sent = await t.deps.db
      .select({ body: outbox.body })
      .from(outbox)
      .where(eq(outbox.topic, `dispute_case:${c.id}`));
    const contact = sent.filter((m) => m.body.includes('联系对方当事人'));
    expect(contact.length).toBe(3);
    for (const m of contact) {
      expect(m.body).toContain('服务承诺');
      expect(m.body).toContain('不是法定期限');
      expect(m.body).not.toContain('已逾期');
    }
  });
});

describe('11. extensions, and union mediation past its 15 days', () => {
  const both = { workerConsents: true, employerConsents: true };

  it('pre-filing: agreed days beyond 30, repeatedly, each before the period ends', async () => {
    const c = await caseOf('court_pre_filing', 'mediating'); // accepted 2025-03-03: last day 2025-04-02
    at('2025-04-02');
    const noDays = await actOn(c.mediator, c.id, 'extend_mediation', both);
    expect(noDays.statusCode).toBe(409);
    expect(noDays.json().message).toContain('days');
    const first = await actOn(c.mediator, c.id, 'extend_mediation', { ...both, days: 45 });
    expect(first.statusCode, first.body).toBe(200);
    expect(clockOf(first.json(), 'mediation').dueOn).toBe('2025-05-17');
    at('2025-05-17');
    const second = await actOn(c.mediator, c.id, 'extend_mediation', { ...both, days: 20 });
    expect(second.statusCode, second.body).toBe(200);
    expect(clockOf(second.json(), 'mediation').dueOn).toBe('2025-06-06');
    at('2025-06-07');
    const late = await actOn(c.mediator, c.id, 'extend_mediation', { ...both, days: 20 });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('第二十五条');
  });

  it('pre-filing: the day after the period, no extension; the sweep ends the mediation', async () => {
    const c = await caseOf('court_pre_filing', 'mediating');
    at('2025-04-03');
    expect((await actOn(c.mediator, c.id, 'extend_mediation', { ...both, days: 30 })).statusCode).toBe(409);
    await runReminders(t.deps);
    expect((await detailOf(c)).stage).toBe('closed_failed');
  });

  it('union: past 15 days both parties may go on; the worker is told arbitration is open; the sweep leaves it', async () => {
    const c = await caseOf('union_mediation', 'mediating'); // applied 2025-03-03: last day 2025-03-18
    at('2025-03-19');
    const terms = { terms: { ...TERMS, installments: [{ dueOn: '2025-05-30', amountFen: 8_000_000 }] } };
    expect((await actOn(c.mediator, c.id, 'set_agreement_terms', terms)).statusCode).toBe(409);
    expect((await actOn(c.mediator, c.id, 'extend_mediation', both)).statusCode).toBe(409);
    const go = await actOn(c.mediator, c.id, 'continue_mediation', both);
    expect(go.statusCode, go.body).toBe(200);
    expect(go.json().record.state.mediationContinuedOn).toBe('2025-03-19');
    const mediation = clockOf(go.json(), 'mediation');
    expect(mediation.status).toBe('stopped');
    expect(mediation.note).toContain('随时依法申请仲裁');

    // the worker's message, in words
    const toWorker = await t.deps.db
      .select({ body: outbox.body })
      .from(outbox)
      .where(and(eq(outbox.topic, `dispute_case:${c.id}`), eq(outbox.recipient, c.worker.phone)));
    expect(toWorker.some((m) => m.body.includes('随时依法申请劳动争议仲裁'))).toBe(true);

    // and on the worker's phone page: mediation goes on, arbitration is open, with the last day
    const view = await workerTrackView(t, c.caseNumber, c.worker.phone);
    expect(view.statusCode, view.body).toBe(200);
    const steps = view.json<{ nextSteps: { code: string; text: string }[] }>().nextSteps;
    expect(steps.map((x) => x.code)).toEqual(['mediation_continues', 'arbitration']);
    expect(steps[1]!.text).toContain('您随时可以申请劳动仲裁');

    // the lock and the deadline sweep no longer stop the continued mediation
    at('2025-04-10');
    await runReminders(t.deps);
    expect((await detailOf(c)).stage).toBe('mediating');
    const set = await actOn(c.mediator, c.id, 'set_agreement_terms', terms);
    expect(set.statusCode, set.body).toBe(200);
  });

  it('a court-referred case cannot merely "continue"', async () => {
    const c = await caseOf('court_pre_filing', 'mediating');
    at('2025-03-10');
    const r = await actOn(c.mediator, c.id, 'continue_mediation', both);
    expect(r.statusCode).toBe(409);
  });
});

describe('12. enforcement, payment orders, the confirmation application', () => {
  it('enforcement runs from the latest installment, whatever the order they were entered in', async () => {
    const c = await caseOf('court_pre_filing', 'ruling_issued', {
      installments: [
        { dueOn: '2025-06-30', amountFen: 4_200_000 },
        { dueOn: '2025-04-30', amountFen: 4_200_000 },
      ],
    });
    expect(clockOf(await detailOf(c), 'enforcement')).toMatchObject({ startsOn: '2025-06-30', dueOn: '2027-06-30' });
  });

  it('enforcement never starts before the ruling: payment due 2025-03-05, ruling 2025-03-20', async () => {
    const c = await caseOf('court_pre_filing', 'confirmation_applied', {
      installments: [{ dueOn: '2025-03-05', amountFen: 8_400_000 }],
    });
    at('2025-03-20');
    const ruled = await actOn(judge, c.id, 'issue_ruling', {}, { review: REVIEW_OK });
    expect(ruled.statusCode, ruled.body).toBe(200);
    expect(clockOf(await detailOf(c), 'enforcement')).toMatchObject({ startsOn: '2025-03-20', dueOn: '2027-03-22' });
  });

  it('a payment order for the wage part of an agreement that also settles double wages', async () => {
    const c = await caseOf('union_mediation', 'agreement_signed', {
      claims: [
        { type: 'wage_arrears', amountFen: 8_400_000, description: '拖欠工资' },
        { type: 'double_wage', amountFen: 1_000_000, description: '未签劳动合同二倍工资' },
      ],
      installments: [{ dueOn: '2025-03-10', amountFen: 9_400_000 }],
    });
    at('2025-03-11');
    const unnamed = await actOn(c.mediator, c.id, 'apply_payment_order', {});
    expect(unnamed.statusCode).toBe(409);
    expect(unnamed.json().message).toMatch(/claimTypes.*amountFen/);
    const tooMuch = await actOn(c.mediator, c.id, 'apply_payment_order', {
      claimTypes: ['wage_arrears'],
      amountFen: 9_400_001,
    });
    expect(tooMuch.statusCode).toBe(409);
    const order = await actOn(c.mediator, c.id, 'apply_payment_order', {
      claimTypes: ['wage_arrears'],
      amountFen: 8_400_000,
    });
    expect(order.statusCode, order.body).toBe(200);
    expect(order.json().stage).toBe('payment_order_applied');
    expect(order.json().record.state.paymentOrder).toEqual({ claimTypes: ['wage_arrears'], amountFen: 8_400_000 });
  });

  it('the confirmation application is refused without the proof of mediation, naming the field', async () => {
    const c = await caseOf('court_pre_filing', 'agreement_signed');
    const { mediationProof: _left, ...materials } = JOINT_CONFIRMATION_APPLICATION.materials;
    const res = await actOn(c.mediator, c.id, 'apply_confirmation', { ...JOINT_CONFIRMATION_APPLICATION, materials });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('materials.mediationProof');
    expect(res.json().message).toContain('第三百五十四条');
    expect(res.json().messageEn).toContain('materials.mediationProof');
    const ok = await actOn(c.mediator, c.id, 'apply_confirmation', JOINT_CONFIRMATION_APPLICATION);
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
