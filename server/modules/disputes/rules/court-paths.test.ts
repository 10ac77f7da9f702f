/**
 * The court paths after an agreement, from the statutes' words:
 * - post-filing cases (委托调解) end with the court's mediation document or a withdrawal, not judicial
 *   confirmation (最高人民法院关于人民法院特邀调解的规定第二十条; 民事诉讼法第一百条第三款);
 * - after a refused confirmation (民事诉讼法第二百零六条) a labor dispute goes to arbitration first
 *   (劳动争议调解仲裁法第五条、第十五条), a suit only on the exceptions of 劳动争议司法解释一第十五条 and
 *   第五十一条第二款; the agreement may be amended or mediated again.
 */
import { describe, expect, it } from 'vitest';
import type { CaseKind } from './clocks.js';
import { canonicalTerms, clockFactsOf, newCase, type AgreementTerms, type CaseState } from './state-machine.js';
import { computeClocks, riskLevel } from './clocks.js';
import { calendar, hashTerms, ok, refused, run, step } from './test-support.js';
import { arbitrationDeadline, workerNextSteps } from './worker-next-steps.js';

/** Wages only, in two instalments (the last on 2025-04-20). */
const WAGES: AgreementTerms = {
  installments: [
    { dueOn: '2025-03-20', amountFen: 600_000 },
    { dueOn: '2025-04-20', amountFen: 600_000 },
  ],
  claimTypes: ['wage_arrears'],
};
const th = (t: AgreementTerms) => hashTerms(canonicalTerms(t));

function signed(kind: CaseKind, terms: AgreementTerms = WAGES): CaseState {
  const h = th(terms);
  return run(newCase({ kind, appliedOn: '2025-03-03', acceptedOn: '2025-03-03' }), [
    ['start_consultation', {}, '2025-03-03', 'mediator'],
    ['record_consent', { party: 'worker' }, '2025-03-03', 'worker'],
    ['contact_employer', { channel: 'phone', reached: true }, '2025-03-04', 'mediator'],
    ['record_employer_answer', { answer: 'accept' }, '2025-03-05', 'employer_agent'],
    ['start_mediation', { mode: 'video' }, '2025-03-06', 'mediator'],
    ['set_agreement_terms', { terms }, '2025-03-07', 'mediator'],
    ['sign_agreement', { signer: 'worker', termsHash: h }, '2025-03-07', 'worker'],
    ['sign_agreement', { signer: 'employer', termsHash: h }, '2025-03-07', 'employer_agent'],
    ['sign_agreement', { signer: 'mediator', termsHash: h, sealApplied: true }, '2025-03-07', 'mediator'],
  ]);
}

const APPLICATION = {
  applicants: ['worker', 'employer'],
  materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
};

function refusedCase(terms: AgreementTerms = WAGES, ground = 'content_unclear'): CaseState {
  return run(signed('court_pre_filing', terms), [
    ['apply_confirmation', { ...APPLICATION, court: 'inviting_court' }, '2025-03-10', 'mediator'],
    ['refuse_confirmation', { ground }, '2025-03-12', 'judge'],
  ]);
}

const SUBMIT = { requested: 'mediation_document' };

describe('post-filing cases end with a mediation document or a withdrawal (特邀调解规定第二十条)', () => {
  it.each([['court_post_filing_ordinary'], ['court_post_filing_simple']] as const)(
    '%s: judicial confirmation is refused, naming why and what to do instead',
    (kind) => {
      for (const court of ['inviting_court', 'mediation_body_basic_court']) {
        const r = refused(
          step(signed(kind), 'apply_confirmation', { ...APPLICATION, court }, '2025-03-10', 'mediator'),
        );
        expect(r.code).toBe('confirmation_not_for_post_filing');
        expect(r.message).toContain('《最高人民法院关于人民法院特邀调解的规定》第二十条');
        expect(r.message).toContain('向法院提交调解协议');
        expect(r.messageEn).toContain('Submit the agreement to the court');
      }
    },
  );

  it.each([
    ['union_mediation', 'mediation_body_basic_court'],
    ['court_pre_filing', 'inviting_court'],
  ] as const)('%s: judicial confirmation stays (民事诉讼法第二百零五条)', (kind, court) => {
    expect(ok(step(signed(kind), 'apply_confirmation', { ...APPLICATION, court }, '2025-03-10', 'mediator')).to).toBe(
      'confirmation_applied',
    );
  });

  it.each([['union_mediation'], ['court_pre_filing']] as const)(
    '%s: the agreement is not submitted to the court as a post-filing one',
    (kind) => {
      expect(refused(step(signed(kind), 'submit_agreement_to_court', SUBMIT, '2025-03-10', 'mediator')).code).toBe(
        'not_post_filing',
      );
    },
  );

  it('the studio submits the signed agreement to the court (特邀调解员应当向人民法院提交调解协议)', () => {
    const s = signed('court_post_filing_ordinary');
    // nothing has to be served first: the court serves its own mediation document
    const r = ok(step(s, 'submit_agreement_to_court', SUBMIT, '2025-03-10', 'mediator'));
    expect(r.to).toBe('agreement_submitted');
    expect(r.state.courtSubmission).toEqual({ on: '2025-03-10', requested: 'mediation_document' });
    expect(r.effects).toContainEqual({ type: 'document', document: 'agreement_submission' });
    expect(refused(step(s, 'submit_agreement_to_court', SUBMIT, '2025-03-10', 'worker')).code).toBe('forbidden_role');
  });

  const submitted = () =>
    run(signed('court_post_filing_simple'), [['submit_agreement_to_court', SUBMIT, '2025-03-10', 'mediator']]);
  const doc = (issuedOn: string, worker: string, employer: string) => ({
    documentNo: '（2025）粤2071民初88号',
    issuedOn,
    servedOn: { worker, employer },
  });

  // 民事诉讼法第一百条第三款: 调解书经双方当事人签收后，即具有法律效力.
  it.each([
    ['both sign the same day', doc('2025-03-12', '2025-03-12', '2025-03-12'), '2025-03-12', '2025-03-12'],
    ['in effect on the later signature', doc('2025-03-12', '2025-03-12', '2025-03-14'), '2025-03-14', '2025-03-14'],
    [
      'recorded later, in effect when signed',
      doc('2025-03-11', '2025-03-13', '2025-03-12'),
      '2025-03-20',
      '2025-03-13',
    ],
    ['issued the day it was submitted', doc('2025-03-10', '2025-03-10', '2025-03-10'), '2025-03-10', '2025-03-10'],
  ])('the mediation document: %s', (_name, payload, today, effectiveOn) => {
    const r = ok(step(submitted(), 'record_mediation_document', payload, today, 'judge'));
    expect(r.to).toBe('mediation_document_issued');
    expect(r.state.mediationDocument?.effectiveOn).toBe(effectiveOn);
    // The enforcement period runs from the last instalment (民事诉讼法第二百五十条第二款).
    expect(r.effects).toContainEqual({
      type: 'clock_started',
      clock: 'enforcement',
      on: '2025-04-20',
      dueOn: '2027-04-20',
    });
  });

  it.each([
    ['served before it was issued', doc('2025-03-12', '2025-03-11', '2025-03-12'), '2025-03-12'],
    ['issued before the submission', doc('2025-03-09', '2025-03-12', '2025-03-12'), '2025-03-12'],
    ['a service date in the future', doc('2025-03-12', '2025-03-12', '2025-03-13'), '2025-03-12'],
  ])('the mediation document is refused when %s', (_name, payload, today) => {
    expect(refused(step(submitted(), 'record_mediation_document', payload, today, 'judge')).code).toBe(
      'court_dates_out_of_order',
    );
  });

  it('only the judge records the court’s documents', () => {
    const payload = doc('2025-03-12', '2025-03-12', '2025-03-12');
    for (const role of ['mediator', 'court_clerk', 'worker'] as const)
      expect(refused(step(submitted(), 'record_mediation_document', payload, '2025-03-12', role)).code).toBe(
        'forbidden_role',
      );
  });

  it('enforcement runs on the served mediation document like on a ruling (第二百四十七条、第二百五十条)', () => {
    const inForce = run(submitted(), [
      ['record_mediation_document', doc('2025-03-12', '2025-03-12', '2025-03-13'), '2025-03-13', 'judge'],
    ]);
    // Nothing is overdue on the first instalment's own day; the day after it is.
    expect(refused(step(inForce, 'apply_enforcement', {}, '2025-03-20', 'worker')).code).toBe('no_default_yet');
    const r = ok(step(inForce, 'apply_enforcement', {}, '2025-03-21', 'worker'));
    expect(r.to).toBe('enforcement_applied');
    expect(r.effects.some((e) => e.type === 'warning')).toBe(false);
    // The 2 years end on 2027-04-20 (a Tuesday): warned only from the day after.
    expect(ok(step(inForce, 'apply_enforcement', {}, '2027-04-20', 'worker')).effects).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ type: 'warning' })]),
    );
    expect(ok(step(inForce, 'apply_enforcement', {}, '2027-04-21', 'worker')).effects).toContainEqual(
      expect.objectContaining({ type: 'warning', code: 'enforcement_period_passed' }),
    );
    const clocks = computeClocks(clockFactsOf(inForce), calendar, '2025-03-21');
    expect(clocks.find((c) => c.code === 'enforcement')).toMatchObject({
      startsOn: '2025-04-20',
      dueOn: '2027-04-20',
    });
  });

  it('payments are recorded while the court has the agreement, and after the document', () => {
    const s = run(submitted(), [
      ['record_payment', { amountFen: 600_000, paidOn: '2025-03-11' }, '2025-03-11', 'employer_agent'],
    ]);
    expect(s.paidFen).toBe(600_000);
  });

  it('withdrawal (准予撤诉) ends the court case; the case accepts nothing more', () => {
    const r = ok(
      step(
        submitted(),
        'record_withdrawal',
        { rulingNo: '（2025）粤2071民初88号之一', ruledOn: '2025-03-11' },
        '2025-03-11',
        'judge',
      ),
    );
    expect(r.to).toBe('suit_withdrawn');
    expect(r.state.withdrawal).toEqual({ rulingNo: '（2025）粤2071民初88号之一', ruledOn: '2025-03-11' });
    expect(
      refused(step(r.state, 'record_payment', { amountFen: 1, paidOn: '2025-03-12' }, '2025-03-12', 'worker')).code,
    ).toBe('terminal_stage');
    expect(
      refused(step(submitted(), 'record_withdrawal', { rulingNo: 'x', ruledOn: '2025-03-09' }, '2025-03-11', 'judge'))
        .code,
    ).toBe('court_dates_out_of_order');
  });

  it('a party backing out before service: the court decides (民事诉讼法第一百零二条), no arbitration', () => {
    const r = ok(step(submitted(), 'close_failed', { reason: 'document_refused' }, '2025-03-12', 'judge'));
    expect(r.state.closure).toMatchObject({ reason: 'document_refused', referral: 'lawsuit' });
    expect(
      refused(
        step(
          submitted(),
          'close_failed',
          { reason: 'document_refused', referral: 'arbitration' },
          '2025-03-12',
          'judge',
        ),
      ).code,
    ).toBe('referral_must_be_lawsuit');
  });
});

describe('after a refused confirmation (民事诉讼法第二百零六条)', () => {
  const close = (payload: object, today = '2025-03-13', s = refusedCase()) =>
    step(s, 'close_failed', { reason: 'confirmation_refused', ...payload }, today, 'mediator');

  it('closing goes to arbitration by default (劳动争议调解仲裁法第五条、第十五条)', () => {
    for (const payload of [{}, { referral: 'arbitration' }]) {
      const r = ok(close(payload));
      expect(r.state.closure).toMatchObject({ reason: 'confirmation_refused', referral: 'arbitration' });
      expect(r.state.closure?.directSuit).toBeUndefined();
    }
  });

  it('a lawsuit with no exception named is refused, naming both exceptions', () => {
    const r = refused(close({ referral: 'lawsuit' }));
    expect(r.code).toBe('direct_suit_not_allowed');
    expect(r.message).toContain('第五条、第十五条');
    expect(r.message).toContain('第十五条');
    expect(r.message).toContain('第五十一条第二款');
  });

  const iou = (suitClaims: string[], writtenIouFromEmployer = true) => ({
    referral: 'lawsuit',
    directSuit: { basis: 'wage_iou', writtenIouFromEmployer, suitClaims },
  });

  // 劳动争议司法解释一第十五条: 以用人单位的工资欠条为证据直接提起诉讼，诉讼请求不涉及劳动关系其他争议的.
  it.each([
    ['the employer’s IOU, wages only', iou(['wage_arrears']), true],
    ['the IOU plus severance', iou(['wage_arrears', 'economic_compensation']), false],
    ['the IOU plus overtime pay not on it', iou(['wage_arrears', 'overtime_pay']), false],
    ['an IOU not written by the employer', iou(['wage_arrears'], false), false],
  ])('wage IOU (art. 15): %s → direct suit %s', (_name, payload, allowed) => {
    const r = close(payload);
    if (allowed) expect(ok(r).state.closure).toMatchObject({ referral: 'lawsuit', directSuit: 'wage_iou' });
    else expect(refused(r).code).toBe('direct_suit_not_allowed');
  });

  const onAgreement = { referral: 'lawsuit', directSuit: { basis: 'wage_agreement_not_performed' } };

  // 第五十一条第二款: 仅就劳动报酬争议达成调解协议，用人单位不履行调解协议确定的给付义务.
  it.each([
    ['wages, first instalment due today (not yet in default)', WAGES, '2025-03-20', false],
    ['wages, the day after the first instalment', WAGES, '2025-03-21', true],
    ['wages and overtime pay, overdue', { ...WAGES, claimTypes: ['wage_arrears', 'overtime_pay'] }, '2025-03-21', true],
    [
      'wages and severance, overdue',
      { ...WAGES, claimTypes: ['wage_arrears', 'economic_compensation'] },
      '2025-03-21',
      false,
    ],
    ['double wages, overdue', { ...WAGES, claimTypes: ['double_wage'] }, '2025-03-21', false],
    ['work-injury medical costs, overdue', { ...WAGES, claimTypes: ['work_injury_medical'] }, '2025-03-21', false],
  ] as [string, AgreementTerms, string, boolean][])(
    'agreement not performed (art. 51 ¶2): %s → %s',
    (_n, terms, today, allowed) => {
      const r = close(onAgreement, today, refusedCase(terms));
      if (allowed)
        expect(ok(r).state.closure).toMatchObject({ referral: 'lawsuit', directSuit: 'wage_agreement_not_performed' });
      else expect(refused(r).code).toBe('direct_suit_not_allowed');
    },
  );

  it('an instalment paid on time is no default: no suit on the agreement', () => {
    const paidThenRefused = run(signed('court_pre_filing'), [
      ['record_payment', { amountFen: 600_000, paidOn: '2025-03-09' }, '2025-03-09', 'employer_agent'],
      ['apply_confirmation', { ...APPLICATION, court: 'inviting_court' }, '2025-03-10', 'mediator'],
      ['refuse_confirmation', { ground: 'content_unclear' }, '2025-03-12', 'judge'],
    ]);
    expect(refused(close(onAgreement, '2025-03-21', paidThenRefused)).code).toBe('direct_suit_not_allowed');
    expect(ok(close(onAgreement, '2025-04-21', paidThenRefused)).state.closure?.directSuit).toBe(
      'wage_agreement_not_performed',
    );
  });

  it('a suit on an agreement the court found invalid is warned, not blocked', () => {
    const r = ok(close(onAgreement, '2025-03-21', refusedCase(WAGES, 'not_voluntary')));
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'warning', code: 'agreement_validity_doubted' }));
  });

  const AMENDED: AgreementTerms = {
    installments: [{ dueOn: '2025-04-15', amountFen: 1_200_000 }],
    claimTypes: ['wage_arrears'],
    summary: '一次性支付拖欠工资12,000元，于2025年4月15日前转账至职工本人账户',
  };

  it('the agreement may be amended: new terms, new signatures, then a new confirmation application', () => {
    const a = ok(
      step(
        refusedCase(),
        'amend_agreement',
        { terms: AMENDED, workerConsents: true, employerConsents: true },
        '2025-03-14',
        'mediator',
      ),
    );
    expect(a.to).toBe('mediating');
    expect(a.state.agreement).toEqual(AMENDED);
    expect(a.state.agreementVersion).toBe(2);
    expect(a.state.signatures).toEqual({ worker: false, employer: false, mediator: false });
    expect(a.state.confirmationRefusedOn).toBeUndefined();
    const h = th(AMENDED);
    const again = run(a.state, [
      ['sign_agreement', { signer: 'worker', termsHash: h }, '2025-03-14', 'worker'],
      ['sign_agreement', { signer: 'employer', termsHash: h }, '2025-03-15', 'employer_agent'],
      ['sign_agreement', { signer: 'mediator', termsHash: h, sealApplied: true }, '2025-03-15', 'mediator'],
    ]);
    expect(again.stage).toBe('agreement_signed');
    expect(again.agreementEffectiveOn).toBe('2025-03-15');
    // A new 30-day window from the amended agreement: 2025-04-14 is its last day (a Monday).
    expect(
      ok(step(again, 'apply_confirmation', { ...APPLICATION, court: 'inviting_court' }, '2025-04-14', 'mediator')).to,
    ).toBe('confirmation_applied');
    expect(
      refused(step(again, 'apply_confirmation', { ...APPLICATION, court: 'inviting_court' }, '2025-04-15', 'mediator'))
        .code,
    ).toBe('confirmation_window_closed');
  });

  it('an amendment must change the refused terms and needs both parties’ consent', () => {
    expect(
      refused(
        step(
          refusedCase(),
          'amend_agreement',
          { terms: WAGES, workerConsents: true, employerConsents: true },
          '2025-03-14',
          'mediator',
        ),
      ).code,
    ).toBe('terms_unchanged');
    expect(
      refused(
        step(
          refusedCase(),
          'amend_agreement',
          { terms: AMENDED, workerConsents: true, employerConsents: false },
          '2025-03-14',
          'mediator',
        ),
      ).code,
    ).toBe('consent_missing');
  });

  it('re-mediation is still offered', () => {
    const r = ok(
      step(
        refusedCase(),
        'reopen_mediation',
        { workerConsents: true, employerConsents: true },
        '2025-03-14',
        'mediator',
      ),
    );
    expect(r.to).toBe('mediating');
  });
});

describe('what the worker is told next, and by when (劳动争议调解仲裁法第二十七条)', () => {
  it.each([
    // 2026-03-28 is a Saturday: the year ends on the next working day.
    [
      'harm known 2025-03-28 (year ends on a Saturday)',
      { harmKnownOn: '2025-03-28', claimsIncludeWageArrears: false },
      '2026-03-30',
    ],
    ['harm known 2025-03-31', { harmKnownOn: '2025-03-31', claimsIncludeWageArrears: false }, '2026-03-31'],
    [
      'wages, job ended earlier than the harm date',
      { harmKnownOn: '2025-04-10', employmentEndedOn: '2025-03-31', claimsIncludeWageArrears: true },
      '2026-03-31',
    ],
    ['wages, still employed, no harm date', { claimsIncludeWageArrears: true }, null],
  ])('%s → apply by %s', (_n, facts, byOn) => {
    expect(arbitrationDeadline(facts, calendar)).toBe(byOn);
  });

  it('after a refusal: amend, mediate again, arbitration by the limitation date, or a direct suit only on the exceptions', () => {
    const steps = workerNextSteps(
      refusedCase(),
      { harmKnownOn: '2025-03-31', claimsIncludeWageArrears: false },
      calendar,
    );
    expect(steps.map((s) => s.code)).toEqual(['amend', 'remediate', 'arbitration', 'direct_suit']);
    const arb = steps.find((s) => s.code === 'arbitration')!;
    expect(arb.byOn).toBe('2026-03-31');
    expect(arb.text).toContain('2026-03-31');
    expect(arb.textEn).toContain('2026-03-31');
    expect(steps.find((s) => s.code === 'direct_suit')!.text).toContain('工资欠条');
  });

  it('after closing to arbitration the worker is told the last day; after a direct suit, not', () => {
    const facts = { harmKnownOn: '2025-03-31', claimsIncludeWageArrears: false };
    const arb = run(refusedCase(), [['close_failed', { reason: 'confirmation_refused' }, '2025-03-13', 'mediator']]);
    expect(workerNextSteps(arb, facts, calendar)).toEqual([
      expect.objectContaining({ code: 'arbitration', byOn: '2026-03-31' }),
    ]);
    const suit = run(refusedCase(), [
      [
        'close_failed',
        { reason: 'confirmation_refused', referral: 'lawsuit', directSuit: { basis: 'wage_agreement_not_performed' } },
        '2025-03-21',
        'mediator',
      ],
    ]);
    expect(workerNextSteps(suit, facts, calendar)).toEqual([
      expect.objectContaining({ code: 'direct_suit', byOn: null }),
    ]);
    expect(workerNextSteps(signed('union_mediation'), facts, calendar)).toEqual([]);
  });
});

describe('what a post-filing case and a refused confirmation show and offer', () => {
  it('a post-filing case has no confirmation clocks and is not told to apply for confirmation', () => {
    const kind = 'court_post_filing_ordinary';
    const h = th(WAGES);
    const before = run(newCase({ kind, appliedOn: '2025-03-03', acceptedOn: '2025-03-03' }), [
      ['start_consultation', {}, '2025-03-03', 'mediator'],
      ['record_consent', { party: 'worker' }, '2025-03-03', 'worker'],
      ['contact_employer', { channel: 'phone', reached: true }, '2025-03-04', 'mediator'],
      ['record_employer_answer', { answer: 'accept' }, '2025-03-05', 'employer_agent'],
      ['start_mediation', { mode: 'video' }, '2025-03-06', 'mediator'],
      ['set_agreement_terms', { terms: WAGES }, '2025-03-07', 'mediator'],
      ['sign_agreement', { signer: 'worker', termsHash: h }, '2025-03-07', 'worker'],
      ['sign_agreement', { signer: 'employer', termsHash: h }, '2025-03-07', 'employer_agent'],
    ]);
    const last = ok(
      step(before, 'sign_agreement', { signer: 'mediator', termsHash: h, sealApplied: true }, '2025-03-07', 'mediator'),
    );
    const notices = last.effects.filter((e) => e.type === 'notify').map((e) => (e as { message: string }).message);
    expect(notices.join()).not.toContain('司法确认');
    expect(notices.join()).toContain('调解书或者准许撤诉');
    expect(last.effects.some((e) => e.type === 'clock_started' && e.clock === 'confirmation_application')).toBe(false);
    const codes = computeClocks(clockFactsOf(last.state), calendar, '2025-03-10').map((c) => c.code);
    expect(codes).not.toContain('confirmation_application');
    expect(codes).not.toContain('court_decision');
    // a pre-filing case keeps both
    const pre = computeClocks(clockFactsOf(signed('court_pre_filing')), calendar, '2025-03-10').map((c) => c.code);
    expect(pre).toContain('confirmation_application');
  });

  it('a post-filing case is not offered a payment order: the mediation document is enforced directly', () => {
    const overdue = signed('court_post_filing_ordinary');
    const r = refused(step(overdue, 'apply_payment_order', {}, '2025-03-25', 'worker'));
    expect(r.message).toContain('调解书');
  });

  it('after a refused confirmation the arbitration limitation keeps running (劳动争议调解仲裁法第五条)', () => {
    const facts = { ...clockFactsOf(refusedCase()), harmKnownOn: '2025-01-10' };
    const limitation = computeClocks(facts, calendar, '2025-03-13').find((c) => c.code === 'limitation')!;
    expect(limitation.status).toBe('running');
    expect(limitation.dueOn).toBe('2026-01-12'); // 2026-01-10 is a Saturday
    // while an agreement stands (signed, not refused), it is stopped
    const standing = { ...clockFactsOf(signed('court_pre_filing')), harmKnownOn: '2025-01-10' };
    expect(computeClocks(standing, calendar, '2025-03-13').find((c) => c.code === 'limitation')!.status).toBe(
      'stopped',
    );
  });
});

describe('a union mediation continued past its 15 days: what the worker is told (劳动争议调解仲裁法第十四条第三款)', () => {
  // 自劳动争议调解组织收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁
  const continued = run(newCase({ kind: 'union_mediation', appliedOn: '2025-03-03', acceptedOn: '2025-03-03' }), [
    ['start_consultation', {}, '2025-03-03', 'mediator'],
    ['record_consent', { party: 'worker' }, '2025-03-03', 'worker'],
    ['contact_employer', { channel: 'phone', reached: true }, '2025-03-04', 'mediator'],
    ['record_employer_answer', { answer: 'accept' }, '2025-03-05', 'employer_agent'],
    ['start_mediation', { mode: 'video' }, '2025-03-06', 'mediator'],
    ['continue_mediation', { workerConsents: true, employerConsents: true }, '2025-03-17', 'mediator'],
  ]);
  const facts = { harmKnownOn: '2025-01-10', claimsIncludeWageArrears: false };
  it.each([
    // today, steps shown: the 15 days end on 2025-03-18 (applied 03-03)
    ['2025-03-18', []], // the last day of the 15: nothing to add yet
    ['2025-03-19', ['mediation_continues', 'arbitration']], // the day after: arbitration is open
  ] as const)('on %s → %j', (today, codes) => {
    const steps = workerNextSteps(continued, facts, calendar, today);
    expect(steps.map((s) => s.code)).toEqual(codes);
    if (codes.length > 0) {
      expect(steps[1]!.text).toContain('您随时可以申请劳动仲裁');
      expect(steps[1]!.byOn).toBe('2026-01-12'); // 2026-01-10 is a Saturday
    }
  });
});

describe('the performance clock of a post-filing case points to the mediation document', () => {
  it.each([
    ['court_post_filing_ordinary', '调解书生效后，可以向人民法院申请强制执行'],
    ['court_pre_filing', '可申请支付令'],
  ] as const)('%s → %s', (kind, words) => {
    const perf = computeClocks(clockFactsOf(signed(kind)), calendar, '2025-03-10').find(
      (c) => c.code === 'performance',
    )!;
    expect(perf.note).toContain(words);
  });
});

describe('a missed service standard asks for attention; only a statutory period makes a case overdue', () => {
  it.each([
    // kind, risk when the 3 working days to contact have passed (accepted 2025-06-02, due 06-05)
    ['union_mediation', 'due_soon'], // the studio's own promise (服务承诺)
    ['court_pre_filing', 'overdue'], // 在线调解规则第十五条
  ] as const)('%s → %s', (kind, risk) => {
    const facts = clockFactsOf(newCase({ kind, appliedOn: '2025-06-02', acceptedOn: '2025-06-02' }));
    const clocks = computeClocks(facts, calendar, '2025-06-09');
    expect(clocks.find((c) => c.code === 'contact')!.status).toBe('overdue');
    expect(riskLevel(clocks, '2025-06-09')).toBe(risk);
  });
});
