/**
 * The legal corrections of issue points 7, 10, 11 and 12, written from the statutes' words, at
 * their boundaries (the last day, the day after, a holiday).
 */
import { describe, expect, it } from 'vitest';
import { canonicalTerms } from './case-figures.js';
import {
  computeClocks,
  dueReminders,
  enforcementDueOn,
  enforcementStartsOn,
  mediationExpired,
  riskLevel,
} from './clocks.js';
import { newCase, clockFactsOf, type AgreementTerms, type CaseState } from './state-machine.js';
import type { CaseKind } from './clocks.js';
import { calendar, hashTerms, ok, refused, step } from './test-support.js';

const TERMS: AgreementTerms = {
  installments: [
    { dueOn: '2025-03-20', amountFen: 600_000 },
    { dueOn: '2025-04-20', amountFen: 600_000 },
  ],
  claimTypes: ['wage_arrears'],
};
const MATERIALS = { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true };

/** A case mediating from 2025-03-06 (applied and accepted 2025-03-03, a Monday), terms set on `termsOn`. */
function mediating(
  kind: CaseKind,
  opts: { mediatedBy?: 'organisation' | 'individual'; terms?: AgreementTerms; termsOn?: string } = {},
) {
  let s = newCase({ kind, appliedOn: '2025-03-03', acceptedOn: '2025-03-03' });
  s = ok(step(s, 'start_consultation', {}, '2025-03-03', 'mediator')).state;
  s = ok(step(s, 'record_consent', { party: 'worker' }, '2025-03-03', 'worker')).state;
  s = ok(step(s, 'contact_employer', { channel: 'phone', reached: true }, '2025-03-04', 'mediator')).state;
  s = ok(step(s, 'record_employer_answer', { answer: 'accept' }, '2025-03-05', 'employer_agent')).state;
  const start = opts.mediatedBy ? { mode: 'video', mediatedBy: opts.mediatedBy } : { mode: 'video' };
  s = ok(step(s, 'start_mediation', start, '2025-03-06', 'mediator')).state;
  return ok(step(s, 'set_agreement_terms', { terms: opts.terms ?? TERMS }, opts.termsOn ?? '2025-03-06', 'mediator'))
    .state;
}

const sign = (s: CaseState, signer: 'worker' | 'employer' | 'mediator', on: string, sealApplied?: boolean) =>
  step(
    s,
    'sign_agreement',
    { signer, termsHash: s.agreementHash, ...(sealApplied === undefined ? {} : { sealApplied }) },
    on,
    signer === 'worker' ? 'worker' : signer === 'employer' ? 'employer_agent' : 'mediator',
  );

const apply = (s: CaseState, on: string, materials: object = MATERIALS) =>
  step(
    s,
    'apply_confirmation',
    {
      applicants: ['worker', 'employer'],
      materials,
      court: s.kind === 'union_mediation' ? 'mediation_body_basic_court' : 'inviting_court',
    },
    on,
    'mediator',
  );

const clock = (s: CaseState, today: string, code: string) =>
  computeClocks(clockFactsOf(s), calendar, today).find((c) => c.code === code)!;

// ---------------------------------------------------------------------------------------------
describe('7. when the agreement takes effect depends on who mediated', () => {
  describe('pre-filing (委派): in force once both parties signed (特邀调解规定第二十四条第三款; 在线调解规则第十九条第二款)', () => {
    it.each([
      ['individual', '2025-03-10', '2025-03-12'],
      ['organisation', '2025-03-10', '2025-03-12'],
      ['organisation', '2025-03-12', '2025-03-10'],
    ] as const)(
      'mediated by an invited %s; worker signs %s, employer %s → in force on the later day, before the mediator signs',
      (mediatedBy, workerOn, employerOn) => {
        const first = workerOn < employerOn ? 'worker' : 'employer';
        const second = first === 'worker' ? 'employer' : 'worker';
        const [d1, d2] = [workerOn, employerOn].sort();
        let s = mediating('court_pre_filing', { mediatedBy });
        s = ok(sign(s, first, d1!)).state;
        expect(s.stage).toBe('mediating');
        const r = ok(sign(s, second, d2!));
        expect(r.to).toBe('agreement_signed');
        expect(r.state.agreementEffectiveOn).toBe('2025-03-12');
        expect(r.state.signatures.mediator).toBe(false);
        expect(r.effects).toContainEqual({
          type: 'clock_started',
          clock: 'confirmation_application',
          on: '2025-03-12',
          dueOn: '2025-04-11',
        });
        const notice = r.effects.find((e) => e.type === 'notify');
        expect(notice && notice.type === 'notify' && notice.message).toContain('调解员尚需在协议书上签名');
      },
    );

    it('the 30 days of 民事诉讼法第二百零五条 run from the parties’ signatures, not from the mediator’s seal', () => {
      let s = mediating('court_pre_filing');
      s = ok(sign(s, 'worker', '2025-03-12')).state;
      s = ok(sign(s, 'employer', '2025-03-12')).state;
      // the mediator signs and seals four weeks later
      s = ok(sign(s, 'mediator', '2025-04-09', true)).state;
      expect(s.agreementEffectiveOn).toBe('2025-03-12');
      expect(clock(s, '2025-04-09', 'confirmation_application').dueOn).toBe('2025-04-11');
      expect(ok(apply(s, '2025-04-11')).to).toBe('confirmation_applied'); // the last day
      expect(refused(apply(s, '2025-04-12')).code).toBe('confirmation_window_closed'); // the day after
    });

    it('a last day on a holiday moves to the next working day (民事诉讼法第八十五条): in force 2025-09-01 → 2025-10-09', () => {
      let s = mediating('court_pre_filing', { mediatedBy: 'individual', termsOn: '2025-03-06' });
      s = { ...s, acceptedOn: '2025-08-20', appliedOn: '2025-08-20', mediationStartedOn: '2025-08-20' };
      s = ok(sign(s, 'worker', '2025-09-01')).state;
      s = ok(sign(s, 'employer', '2025-09-01')).state;
      expect(clock(s, '2025-09-02', 'confirmation_application').dueOn).toBe('2025-10-09');
    });

    it.each([
      ['individual', false, true],
      ['individual', undefined, true],
      ['organisation', false, false],
      ['organisation', true, true],
    ] as const)(
      'mediated by an invited %s, mediator signs with seal %s → accepted %s (特邀调解规定第二十四条第二款)',
      (mediatedBy, seal, accepted) => {
        let s = mediating('court_pre_filing', { mediatedBy });
        s = ok(sign(s, 'worker', '2025-03-10')).state;
        s = ok(sign(s, 'employer', '2025-03-10')).state;
        const r = sign(s, 'mediator', '2025-03-11', seal);
        expect(r.ok).toBe(accepted);
        if (!r.ok) {
          expect(r.code).toBe('seal_required');
          expect(r.message).toContain('第二十四条第二款');
        }
      },
    );

    it('the application for confirmation waits for the mediator’s signature', () => {
      let s = mediating('court_pre_filing', { mediatedBy: 'individual' });
      s = ok(sign(s, 'worker', '2025-03-10')).state;
      s = ok(sign(s, 'employer', '2025-03-10')).state;
      const r = refused(apply(s, '2025-03-11'));
      expect(r.code).toBe('materials_incomplete');
      expect(r.message).toContain('调解员签名');
      expect(r.message).not.toContain('印章');
      s = ok(sign(s, 'mediator', '2025-03-11')).state;
      expect(ok(apply(s, '2025-03-11')).to).toBe('confirmation_applied');
    });

    it('a party cannot sign again once the agreement is in force', () => {
      let s = mediating('court_pre_filing');
      s = ok(sign(s, 'worker', '2025-03-10')).state;
      s = ok(sign(s, 'employer', '2025-03-10')).state;
      expect(refused(sign(s, 'worker', '2025-03-11')).code).toBe('already_recorded');
    });

    it('a case stored before the question was asked (no mediatedBy) is the studio’s, an organisation: seal needed', () => {
      let s = mediating('court_pre_filing');
      expect(s.mediatedBy).toBeUndefined();
      s = ok(sign(s, 'worker', '2025-03-10')).state;
      s = ok(sign(s, 'employer', '2025-03-10')).state;
      expect(refused(sign(s, 'mediator', '2025-03-10')).code).toBe('seal_required');
    });
  });

  describe('union mediation keeps 劳动争议调解仲裁法第十四条 (双方签名…经调解员签名并加盖调解组织印章后生效)', () => {
    it('both parties on 2025-03-10, the mediator with the seal on 2025-03-12 → in force 2025-03-12', () => {
      let s = mediating('union_mediation');
      s = ok(sign(s, 'worker', '2025-03-10')).state;
      s = ok(sign(s, 'employer', '2025-03-10')).state;
      expect(s.stage).toBe('mediating');
      expect(s.agreementEffectiveOn).toBeUndefined();
      expect(refused(sign(s, 'mediator', '2025-03-12')).code).toBe('seal_required');
      const r = ok(sign(s, 'mediator', '2025-03-12', true));
      expect(r.to).toBe('agreement_signed');
      expect(r.state.agreementEffectiveOn).toBe('2025-03-12');
    });

    it('union mediation is the organisation’s: an individual conductor is refused', () => {
      let s = newCase({ kind: 'union_mediation', appliedOn: '2025-03-03', acceptedOn: '2025-03-03' });
      s = { ...s, stage: 'consented', visited: ['intake', 'consultation', 'employer_contacted', 'consented'] };
      s.consents = { worker: true, employer: true };
      const r = refused(
        step(s, 'start_mediation', { mode: 'video', mediatedBy: 'individual' }, '2025-03-06', 'mediator'),
      );
      expect(r.code).toBe('invalid_payload');
    });
  });

  it('post-filing (委托) with an invited individual: no seal, in force on the last of the three signatures', () => {
    let s = mediating('court_post_filing_ordinary', { mediatedBy: 'individual' });
    s = ok(sign(s, 'worker', '2025-03-10')).state;
    s = ok(sign(s, 'employer', '2025-03-10')).state;
    expect(s.stage).toBe('mediating');
    const r = ok(sign(s, 'mediator', '2025-03-11'));
    expect(r.state.agreementEffectiveOn).toBe('2025-03-11');
  });
});

// ---------------------------------------------------------------------------------------------
describe('10. the 3-working-day contact clock (在线调解规则第十五条, a “may”)', () => {
  it.each([
    ['court_pre_filing', undefined, '《人民法院在线调解规则》第十五条'],
    ['union_mediation', 'service_standard', '服务承诺'],
    ['court_post_filing_ordinary', 'service_standard', '服务承诺'],
  ] as const)('%s → obligation %s, basis names %s', (kind, obligation, basis) => {
    const s = newCase({ kind, appliedOn: '2025-09-30', acceptedOn: '2025-09-30' });
    const c = clock(s, '2025-10-09', 'contact');
    expect(c.obligation).toBe(obligation);
    expect(c.basis).toContain(basis);
    expect(c.dueOn).toBe('2025-10-11'); // 10-09, 10-10, 10-11 (a Saturday make-up workday)
    if (obligation) {
      expect(c.label).toContain('服务承诺');
      expect(c.labelEn).toContain('Service standard');
      expect(c.basis).toContain('不是法定期限');
      expect(c.basisEn).toContain('not a statutory deadline');
    } else {
      expect(c.note).toContain('可以');
    }
  });

  it.each([
    ['2025-10-10', 'advance'],
    ['2025-10-11', 'due_today'],
    ['2025-10-12', 'overdue'],
  ] as const)(
    'union case, %s: the %s reminder speaks of the service standard, never of a legal deadline',
    (today, kind) => {
      const s = newCase({ kind: 'union_mediation', appliedOn: '2025-09-30', acceptedOn: '2025-09-30' });
      const r = dueReminders(computeClocks(clockFactsOf(s), calendar, today), today).find((x) => x.clock === 'contact');
      expect(r?.kind).toBe(kind);
      expect(r!.message).toContain('服务承诺');
      expect(r!.message).toContain('不是法定期限');
      expect(r!.message).not.toMatch(/已逾期|依据/);
      expect(r!.messageEn).toContain('not a statutory deadline');
    },
  );

  it('a pre-filing case’s reminder names the rule', () => {
    const s = newCase({ kind: 'court_pre_filing', appliedOn: '2025-09-30', acceptedOn: '2025-09-30' });
    const r = dueReminders(computeClocks(clockFactsOf(s), calendar, '2025-10-12'), '2025-10-12').find(
      (x) => x.clock === 'contact',
    );
    expect(r!.message).toContain('第十五条');
  });
});

// ---------------------------------------------------------------------------------------------
describe('11. extending, or going on with, mediation', () => {
  const both = { workerConsents: true, employerConsents: true };

  describe('pre-filing: 双方当事人同意延长的，不受此限 (特邀调解规定第二十七条第一款; 在线调解规则第二十四条)', () => {
    // accepted 2025-03-03: 30 days → last day 2025-04-02
    it.each([
      ['2025-04-02', { ...both, days: 45 }, true, '2025-05-17', 'the last day, 45 days (more than the old cap of 30)'],
      [
        '2025-04-03',
        { ...both, days: 10 },
        false,
        'mediation_deadline_passed',
        'the day after: the mediation has ended (第二十五条)',
      ],
      ['2025-03-20', { ...both }, false, 'extension_days_invalid', 'no number of days agreed'],
      [
        '2025-03-20',
        { workerConsents: true, employerConsents: false, days: 10 },
        false,
        'consent_missing',
        'one party only',
      ],
      ['2025-03-20', { ...both, days: 366 }, false, 'invalid_payload', 'more than a year in one step'],
    ] as const)('on %s with %o → accepted %s (%s; %s)', (on, payload, accepted, expected, _why) => {
      const r = step(mediating('court_pre_filing'), 'extend_mediation', payload, on, 'mediator');
      expect(r.ok).toBe(accepted);
      if (r.ok) expect(r.effects).toContainEqual({ type: 'clock_extended', clock: 'mediation', dueOn: expected });
      else expect(r.code).toBe(expected);
    });

    it('may be extended again, each time before the period (as extended) ends', () => {
      let s = mediating('court_pre_filing');
      s = ok(step(s, 'extend_mediation', { ...both, days: 45 }, '2025-04-02', 'mediator')).state;
      s = ok(step(s, 'extend_mediation', { ...both, days: 20 }, '2025-05-17', 'judge')).state;
      expect(s.extensionDays).toBe(65);
      expect(clock(s, '2025-05-18', 'mediation').dueOn).toBe('2025-06-06');
      expect(clock(s, '2025-05-18', 'mediation').label).toContain('已延长65日');
      expect(refused(step(s, 'extend_mediation', { ...both, days: 5 }, '2025-06-07', 'mediator')).code).toBe(
        'mediation_deadline_passed',
      );
    });
  });

  describe('post-filing keeps once, by 30 days (最高法2025年意见第三条), agreed before the period ends', () => {
    // ordinary procedure: 15 days from 2025-03-03 → 2025-03-18
    it.each([
      ['2025-03-18', { ...both }, true, '2025-04-17'],
      ['2025-03-18', { ...both, days: 30 }, true, '2025-04-17'],
      ['2025-03-18', { ...both, days: 45 }, false, 'extension_days_invalid'],
      ['2025-03-19', { ...both }, false, 'mediation_deadline_passed'],
    ] as const)('on %s with %o → accepted %s (%s)', (on, payload, accepted, expected) => {
      const r = step(mediating('court_post_filing_ordinary'), 'extend_mediation', payload, on, 'judge');
      expect(r.ok).toBe(accepted);
      if (r.ok) expect(r.effects).toContainEqual({ type: 'clock_extended', clock: 'mediation', dueOn: expected });
      else expect(r.code).toBe(expected);
    });
  });

  describe('union: past 15 days (劳动争议调解仲裁法第十四条第三款) mediation may go on when both parties want it', () => {
    // applied 2025-03-03: 15 days → last day 2025-03-18
    it('the 15 days are not extended', () => {
      const r = refused(step(mediating('union_mediation'), 'extend_mediation', both, '2025-03-10', 'mediator'));
      expect(r.code).toBe('not_court_sent');
      expect(r.message).toContain('继续调解');
    });

    it.each([
      ['2025-03-18', 'the last day'],
      ['2025-03-19', 'the day after'],
    ])('recorded on %s (%s): the mediation goes on past the lock; the worker is told arbitration is open', (on) => {
      const s = mediating('union_mediation');
      const r = ok(step(s, 'continue_mediation', both, on, 'mediator'));
      expect(r.state.mediationContinuedOn).toBe(on);
      const notify = r.effects.find((e) => e.type === 'notify');
      expect(notify && notify.type === 'notify' && notify.audience).toEqual(['worker']);
      expect(notify && notify.type === 'notify' && notify.message).toContain('随时依法申请劳动争议仲裁');
      expect(notify && notify.type === 'notify' && notify.messageEn).toContain('arbitration at any time');
      expect(r.effects.some((e) => e.type === 'warning' && e.code === 'arbitration_open')).toBe(true);
      // the mediation-clock lock does not block the continued mediation
      expect(mediationExpired(r.state, '2025-04-30')).toBe(false);
      const terms = { ...TERMS, installments: [{ dueOn: '2025-05-30', amountFen: 900_000 }] };
      expect(ok(step(r.state, 'set_agreement_terms', { terms }, '2025-04-30', 'mediator')).to).toBe('mediating');
      // the 15-day clock stops mattering after its last day; the case is not "overdue"
      const c = clock(r.state, '2025-04-30', 'mediation');
      expect(c.status).toBe('stopped');
      expect(c.note).toContain('随时依法申请仲裁');
      expect(riskLevel([c], '2025-04-30')).toBe('ok');
    });

    it('without that agreement, the day after the 15 days only the permitted actions are accepted', () => {
      const s = mediating('union_mediation');
      const terms = { ...TERMS, installments: [{ dueOn: '2025-05-30', amountFen: 900_000 }] };
      const r = refused(step(s, 'set_agreement_terms', { terms }, '2025-03-19', 'mediator'));
      expect(r.code).toBe('mediation_deadline_passed');
      expect(r.message).toContain('继续调解');
      expect(ok(step(s, 'set_agreement_terms', { terms }, '2025-03-18', 'mediator')).to).toBe('mediating');
    });

    it.each([
      ['court_pre_filing', both, 'not_union_mediation'],
      ['union_mediation', { workerConsents: true, employerConsents: false }, 'consent_missing'],
    ] as const)('%s with %o → %s', (kind, payload, code) => {
      expect(refused(step(mediating(kind), 'continue_mediation', payload, '2025-03-12', 'mediator')).code).toBe(code);
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe('12a. enforcement runs from the last performance day (民事诉讼法第二百五十条), never before the ruling', () => {
  it.each([
    [['2025-06-30', '2025-04-30'], '2025-03-01', '2025-06-30', '2027-06-30', 'latest due date, entered out of order'],
    [
      ['2025-01-10', '2025-02-10'],
      '2025-03-01',
      '2025-03-01',
      '2027-03-01',
      'all due before the ruling: from the ruling',
    ],
    [['2025-03-01'], '2025-03-01', '2025-03-01', '2027-03-01', 'due on the ruling day'],
    [[], '2025-03-01', '2025-03-01', '2027-03-01', 'no performance period: from the ruling'],
    [
      ['2023-10-01'],
      '2023-09-20',
      '2023-10-01',
      '2025-10-09',
      'anniversary in the National Day holiday → next working day (民法典第二百零三条)',
    ],
  ])('payments %o, ruling %s → starts %s, due %s (%s)', (dates, ruling, starts, due) => {
    expect(enforcementStartsOn(ruling, dates)).toBe(starts);
    expect(enforcementDueOn(starts, calendar)).toBe(due);
  });

  it('the ruling starts the clock from the latest installment whatever their order', () => {
    const terms = {
      installments: [
        { dueOn: '2025-06-30', amountFen: 100_000 },
        { dueOn: '2025-04-30', amountFen: 100_000 },
      ],
      claimTypes: ['wage_arrears' as const],
    };
    let s = mediating('union_mediation', { terms });
    s = ok(sign(s, 'worker', '2025-03-10')).state;
    s = ok(sign(s, 'employer', '2025-03-10')).state;
    s = ok(sign(s, 'mediator', '2025-03-10', true)).state;
    s = ok(apply(s, '2025-03-11')).state;
    const r = ok(step(s, 'issue_ruling', {}, '2025-03-12', 'judge'));
    expect(r.effects).toContainEqual({
      type: 'clock_started',
      clock: 'enforcement',
      on: '2025-06-30',
      dueOn: '2027-06-30',
    });
  });
});

describe('12b. a payment order for the eligible part of an agreement (劳动争议调解仲裁法第十六条)', () => {
  function signedWith(claimTypes: AgreementTerms['claimTypes']): CaseState {
    let s = mediating('union_mediation', { terms: { ...TERMS, claimTypes } });
    s = ok(sign(s, 'worker', '2025-03-10')).state;
    s = ok(sign(s, 'employer', '2025-03-10')).state;
    return ok(sign(s, 'mediator', '2025-03-10', true)).state;
  }
  const mixed = signedWith(['wage_arrears', 'double_wage']);

  it.each([
    ['2025-03-21', { claimTypes: ['wage_arrears'], amountFen: 600_000 }, 'ok', 'the wage part, all that is overdue'],
    ['2025-03-21', { claimTypes: ['wage_arrears'], amountFen: 400_000 }, 'ok', 'part of what is overdue'],
    ['2025-03-20', { claimTypes: ['wage_arrears'], amountFen: 600_000 }, 'no_default_yet', 'the due day itself'],
    [
      '2025-03-21',
      { claimTypes: ['wage_arrears'], amountFen: 600_001 },
      'amount_exceeds_overdue',
      'more than is overdue',
    ],
    ['2025-03-21', {}, 'payment_order_part_required', 'the part not named'],
    ['2025-03-21', { claimTypes: ['double_wage'], amountFen: 100_000 }, 'claims_not_eligible', 'the ineligible part'],
    [
      '2025-03-21',
      { claimTypes: ['overtime_pay'], amountFen: 100_000 },
      'claims_not_eligible',
      'a claim not in the agreement',
    ],
  ] as const)('wages + double wages, on %s, %o → %s (%s)', (on, payload, expected, _why) => {
    const r = step(mixed, 'apply_payment_order', payload, on, 'worker');
    if (expected === 'ok') {
      const done = ok(r);
      expect(done.to).toBe('payment_order_applied');
      expect(done.state.paymentOrder).toEqual(payload);
    } else {
      const no = refused(r);
      expect(no.code).toBe(expected);
      if (expected === 'payment_order_part_required') expect(no.message).toMatch(/claimTypes.*amountFen/);
    }
  });

  it('an agreement of eligible claims only needs no part named: the whole overdue amount', () => {
    const r = ok(
      step(signedWith(['wage_arrears', 'economic_compensation']), 'apply_payment_order', {}, '2025-04-21', 'worker'),
    );
    expect(r.state.paymentOrder).toEqual({
      claimTypes: ['wage_arrears', 'economic_compensation'],
      amountFen: 1_200_000,
    });
  });

  it('an agreement with no eligible claim is refused', () => {
    const r = refused(step(signedWith(['double_wage']), 'apply_payment_order', {}, '2025-03-21', 'worker'));
    expect(r.code).toBe('claims_not_eligible');
  });
});

describe('12c. the confirmation application carries the proof of mediation (民诉法解释第三百五十四条)', () => {
  let s = mediating('union_mediation');
  s = ok(sign(s, 'worker', '2025-03-10')).state;
  s = ok(sign(s, 'employer', '2025-03-10')).state;
  s = ok(sign(s, 'mediator', '2025-03-10', true)).state;
  const signed = s;

  it.each([
    [{ ...MATERIALS, mediationProof: false }, 'materials_incomplete'],
    [{ agreement: true, identityProofs: true, contactDetails: true }, 'materials_incomplete'],
    [MATERIALS, 'ok'],
  ] as const)('materials %o → %s', (materials, expected) => {
    const r = apply(signed, '2025-03-11', materials);
    if (expected === 'ok') expect(ok(r).to).toBe('confirmation_applied');
    else {
      const no = refused(r);
      expect(no.code).toBe(expected);
      expect(no.message).toContain('调解组织主持调解的证明');
      expect(no.message).toContain('materials.mediationProof');
      expect(no.message).toContain('第三百五十四条');
      expect(no.messageEn).toContain('materials.mediationProof');
    }
  });
});

// The hash helper is the server's: the terms a signer sees hash the same here.
it('terms hash the same way the server hashes them', () => {
  expect(mediating('union_mediation').agreementHash).toBe(hashTerms(canonicalTerms(TERMS)));
});
