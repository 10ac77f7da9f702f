import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { ROLES, type Role } from '../../../../contracts/roles.js';
import { mediationDueOn, mediationExpired, mediationPeriodOver, type CaseKind } from './clocks.js';
import { addDays } from './dates.js';
import {
  ACTIONS,
  ACTION_CODES,
  ACTIONS_AFTER_MEDIATION_DEADLINE,
  CONFIRMATION_COURTS,
  REFUSAL_GROUNDS,
  canonicalTerms,
  newCase,
  transition,
  type ActionCode,
  type AgreementTerms,
  type CaseState,
} from './state-machine.js';
import {
  CLOSE_REASONS,
  PRE_AGREEMENT_OPEN_STAGES,
  REQUIRED_BEFORE,
  STAGE_CODES,
  isTerminal,
  type Stage,
} from './stages.js';
import { calendar, hashTerms, ok, run, step } from './test-support.js';

const TERMS: AgreementTerms = {
  installments: [
    { dueOn: '2025-03-20', amountFen: 600_000 },
    { dueOn: '2025-04-20', amountFen: 600_000 },
  ],
  claimTypes: ['wage_arrears'],
  summary: '用人单位分两期支付拖欠工资12,000元',
};

/** The hash a signer is shown with TERMS. */
const TH = hashTerms(canonicalTerms(TERMS));

// The proof of mediation is one of the materials since 民诉法解释第三百五十四条 is applied (it was missing).
const FULL_MATERIALS = { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true };

function fixtures(kind: CaseKind = 'union_mediation') {
  const intake = newCase({ kind, appliedOn: '2025-03-03', acceptedOn: '2025-03-03' });
  const consultation = run(intake, [
    ['start_consultation', {}, '2025-03-03', 'mediator'],
    ['record_consent', { party: 'worker' }, '2025-03-03', 'worker'],
  ]);
  const contacted = run(consultation, [
    ['contact_employer', { channel: 'phone', reached: true }, '2025-03-04', 'mediator'],
  ]);
  const consented = run(contacted, [['record_employer_answer', { answer: 'accept' }, '2025-03-05', 'employer_agent']]);
  const mediating = run(consented, [['start_mediation', { mode: 'video' }, '2025-03-06', 'mediator']]);
  const withTerms = run(mediating, [['set_agreement_terms', { terms: TERMS }, '2025-03-10', 'mediator']]);
  const signed = run(withTerms, [
    ['sign_agreement', { signer: 'worker', termsHash: TH }, '2025-03-10', 'worker'],
    ['sign_agreement', { signer: 'employer', termsHash: TH }, '2025-03-10', 'employer_agent'],
    ['sign_agreement', { signer: 'mediator', termsHash: TH, sealApplied: true }, '2025-03-10', 'mediator'],
  ]);
  const court = kind === 'union_mediation' ? 'mediation_body_basic_court' : 'inviting_court';
  // A post-filing case has no confirmation (特邀调解规定第二十条): its court path is in court-paths.test.ts.
  if (kind === 'court_post_filing_ordinary' || kind === 'court_post_filing_simple') {
    return { intake, consultation, contacted, consented, mediating, withTerms, signed };
  }
  const applied = run(signed, [
    [
      'apply_confirmation',
      { applicants: ['worker', 'employer'], materials: FULL_MATERIALS, court },
      '2025-03-11',
      'mediator',
    ],
  ]);
  const ruling = run(applied, [['issue_ruling', { rulingNo: '（2025）粤2071民特1号' }, '2025-03-11', 'judge']]);
  const refused = run(applied, [['refuse_confirmation', { ground: 'content_unclear' }, '2025-03-12', 'judge']]);
  return { intake, consultation, contacted, consented, mediating, withTerms, signed, applied, ruling, refused };
}

const F = fixtures() as Required<ReturnType<typeof fixtures>>;
const FC = fixtures('court_post_filing_simple');
const FP = fixtures('court_pre_filing');

describe('ACTIONS table', () => {
  it('uses only known stages and roles, and nothing starts from a terminal stage', () => {
    for (const a of Object.values(ACTIONS)) {
      for (const s of [...a.from, ...a.to]) expect(STAGE_CODES).toContain(s);
      for (const r of a.roles) expect(ROLES).toContain(r);
      for (const s of a.from) expect(isTerminal(s)).toBe(false);
    }
  });

  it('every stage is reachable from intake, and every non-terminal stage has a way forward', () => {
    const seen = new Set<Stage>(['intake']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const a of Object.values(ACTIONS)) {
        if (!a.from.some((s) => seen.has(s))) continue;
        for (const t of a.to) {
          if (!seen.has(t)) {
            seen.add(t);
            grew = true;
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...STAGE_CODES].sort());
    for (const s of STAGE_CODES) {
      if (!isTerminal(s))
        expect(Object.values(ACTIONS).some((a) => a.from.includes(s) && a.to.some((t) => t !== s))).toBe(true);
    }
  });

  it.each([
    ['start_consultation', ['intake'], ['consultation']],
    ['start_mediation', ['consented'], ['mediating']],
    ['apply_confirmation', ['agreement_signed'], ['confirmation_applied']],
    ['issue_ruling', ['confirmation_applied'], ['ruling_issued']],
    ['refuse_confirmation', ['confirmation_applied'], ['confirmation_refused']],
    ['reopen_mediation', ['confirmation_refused'], ['mediating']],
    ['apply_enforcement', ['ruling_issued', 'mediation_document_issued'], ['enforcement_applied']],
    ['apply_payment_order', ['agreement_signed'], ['payment_order_applied']],
  ] as const)('%s: %o → %o', (code, from, to) => {
    expect(ACTIONS[code].from).toEqual(from);
    expect(ACTIONS[code].to).toEqual(to);
  });

  it.each([
    ['issue_ruling', ['judge']],
    ['refuse_confirmation', ['judge']],
    ['apply_confirmation', ['mediator', 'court_clerk']],
  ] as const)('%s may only be done by %o', (code, roles) => expect(ACTIONS[code].roles).toEqual(roles));
});

describe('the seed story, end to end', () => {
  it('intake → … → ruling → paid → performed, with documents and clocks as effects', () => {
    expect(F.consultation.stage).toBe('consultation');
    const contact = ok(
      step(F.consultation, 'contact_employer', { channel: 'phone', reached: true }, '2025-03-04', 'mediator'),
    );
    expect(contact.effects).toContainEqual({ type: 'clock_met', clock: 'contact', on: '2025-03-04' });
    expect(contact.effects).toContainEqual({ type: 'document', document: 'negotiation_proposal' });
    expect(F.consented.stage).toBe('consented');
    expect(F.mediating.stage).toBe('mediating');

    const sign = ok(
      step(
        run(F.withTerms, [
          ['sign_agreement', { signer: 'worker', termsHash: TH }, '2025-03-10', 'worker'],
          ['sign_agreement', { signer: 'employer', termsHash: TH }, '2025-03-10', 'employer_agent'],
        ]),
        'sign_agreement',
        { signer: 'mediator', termsHash: TH, sealApplied: true },
        '2025-03-10',
        'mediator',
      ),
    );
    expect(sign.to).toBe('agreement_signed');
    expect(sign.state.agreementEffectiveOn).toBe('2025-03-10');
    expect(sign.effects).toContainEqual({ type: 'document', document: 'mediation_agreement' });
    expect(sign.effects).toContainEqual({
      type: 'clock_started',
      clock: 'confirmation_application',
      on: '2025-03-10',
      dueOn: '2025-04-09',
    });

    expect(F.ruling.stage).toBe('ruling_issued');
    const paid = run(F.ruling, [
      ['record_payment', { amountFen: 600_000, paidOn: '2025-03-20' }, '2025-03-20', 'employer_agent'],
      ['record_payment', { amountFen: 600_000, paidOn: '2025-04-18' }, '2025-04-18', 'employer_agent'],
    ]);
    const done = ok(step(paid, 'mark_performed', { workerConfirmed: true }, '2025-04-19', 'worker'));
    expect(done.to).toBe('performed');
    expect(done.state.visited).toEqual([
      'intake',
      'consultation',
      'employer_contacted',
      'consented',
      'mediating',
      'agreement_signed',
      'confirmation_applied',
      'ruling_issued',
      'performed',
    ]);
    for (const a of ACTION_CODES) {
      const r = step(done.state, a, {}, '2025-04-20', 'system_admin');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('terminal_stage');
    }
  });

  it('does not mutate the input state', () => {
    const before = structuredClone(F.mediating);
    step(F.mediating, 'set_agreement_terms', { terms: TERMS }, '2025-03-10', 'mediator');
    expect(F.mediating).toEqual(before);
  });
});

interface GuardRow {
  name: string;
  state: CaseState;
  action: string;
  payload: unknown;
  now: string;
  role: Role;
  code: string;
}

const guardRows: GuardRow[] = [
  // generic
  {
    name: 'unknown action',
    state: F.intake,
    action: 'teleport',
    payload: {},
    now: '2025-03-03',
    role: 'mediator',
    code: 'unknown_action',
  },
  {
    name: 'an action dated before the last recorded event',
    state: F.mediating,
    action: 'close_failed',
    payload: { reason: 'withdrawn' },
    now: '2025-03-05',
    role: 'worker',
    code: 'now_before_last_event',
  },
  {
    name: 'wrong stage: mediation before consent',
    state: F.contacted,
    action: 'start_mediation',
    payload: { mode: 'video' },
    now: '2025-03-05',
    role: 'mediator',
    code: 'wrong_stage',
  },
  {
    name: 'wrong role: a worker cannot start consultation',
    state: F.intake,
    action: 'start_consultation',
    payload: {},
    now: '2025-03-03',
    role: 'worker',
    code: 'forbidden_role',
  },
  {
    name: 'a misspelt payload key is refused',
    state: F.consented,
    action: 'start_mediation',
    payload: { mod: 'video' },
    now: '2025-03-06',
    role: 'mediator',
    code: 'invalid_payload',
  },
  {
    name: 'a judge cannot rule before an application',
    state: F.signed,
    action: 'issue_ruling',
    payload: {},
    now: '2025-03-11',
    role: 'judge',
    code: 'wrong_stage',
  },
  {
    name: 'only a judge rules',
    state: F.applied,
    action: 'issue_ruling',
    payload: {},
    now: '2025-03-11',
    role: 'mediator',
    code: 'forbidden_role',
  },
  // consent
  {
    name: 'mediation cannot start without both consents',
    state: { ...F.consented, consents: { worker: true, employer: false } },
    action: 'start_mediation',
    payload: { mode: 'phone' },
    now: '2025-03-06',
    role: 'mediator',
    code: 'consent_missing',
  },
  {
    name: 'employer consent before the employer was reached',
    state: F.consultation,
    action: 'record_consent',
    payload: { party: 'employer' },
    now: '2025-03-04',
    role: 'mediator',
    code: 'employer_not_contacted',
  },
  {
    name: 'a worker cannot consent for the employer',
    state: F.contacted,
    action: 'record_consent',
    payload: { party: 'employer' },
    now: '2025-03-05',
    role: 'worker',
    code: 'party_mismatch',
  },
  {
    name: 'a consent is recorded once',
    state: F.contacted,
    action: 'record_consent',
    payload: { party: 'worker' },
    now: '2025-03-05',
    role: 'worker',
    code: 'already_recorded',
  },
  // signatures (劳动争议调解仲裁法第十四条)
  {
    name: 'terms must exist before signing',
    state: F.mediating,
    action: 'sign_agreement',
    payload: { signer: 'worker', termsHash: TH },
    now: '2025-03-10',
    role: 'worker',
    code: 'terms_required',
  },
  {
    name: 'a worker cannot sign for the employer',
    state: F.withTerms,
    action: 'sign_agreement',
    payload: { signer: 'employer', termsHash: TH },
    now: '2025-03-10',
    role: 'worker',
    code: 'party_mismatch',
  },
  {
    name: 'a mediator cannot sign as the worker (recording a paper signature is its own action)',
    state: F.withTerms,
    action: 'sign_agreement',
    payload: { signer: 'worker', termsHash: TH },
    now: '2025-03-10',
    role: 'mediator',
    code: 'party_mismatch',
  },
  {
    name: 'the mediator signs with the seal',
    state: F.withTerms,
    action: 'sign_agreement',
    payload: { signer: 'mediator', termsHash: TH },
    now: '2025-03-10',
    role: 'mediator',
    code: 'seal_required',
  },
  {
    name: 'a signature given other terms is refused',
    state: F.withTerms,
    action: 'sign_agreement',
    payload: {
      signer: 'worker',
      termsHash: hashTerms(canonicalTerms({ ...TERMS, installments: [{ dueOn: '2025-03-20', amountFen: 100 }] })),
    },
    now: '2025-03-10',
    role: 'worker',
    code: 'terms_changed',
  },
  {
    name: 'a signature without a hash of the terms is refused',
    state: F.withTerms,
    action: 'sign_agreement',
    payload: { signer: 'worker' },
    now: '2025-03-10',
    role: 'worker',
    code: 'invalid_payload',
  },
  {
    name: 'only the mediator sets the terms, not the employer',
    state: F.mediating,
    action: 'set_agreement_terms',
    payload: { terms: TERMS },
    now: '2025-03-10',
    role: 'employer_agent',
    code: 'forbidden_role',
  },
  {
    name: 'only the mediator sets the terms, not the worker',
    state: F.mediating,
    action: 'set_agreement_terms',
    payload: { terms: TERMS },
    now: '2025-03-10',
    role: 'worker',
    code: 'forbidden_role',
  },
  {
    name: 'signing cannot carry new terms',
    state: F.withTerms,
    action: 'sign_agreement',
    payload: {
      signer: 'employer',
      termsHash: TH,
      terms: { ...TERMS, installments: [{ dueOn: '2025-03-20', amountFen: 100 }] },
    },
    now: '2025-03-10',
    role: 'employer_agent',
    code: 'invalid_payload',
  },
  // judicial confirmation (民事诉讼法第二百零五条)
  {
    name: 'confirmation on day 31 is too late',
    state: F.signed,
    action: 'apply_confirmation',
    payload: { applicants: ['worker', 'employer'], materials: FULL_MATERIALS, court: 'mediation_body_basic_court' },
    now: '2025-04-10',
    role: 'mediator',
    code: 'confirmation_window_closed',
  },
  {
    name: 'confirmation needs both parties',
    state: F.signed,
    action: 'apply_confirmation',
    payload: { applicants: ['worker'], materials: FULL_MATERIALS, court: 'mediation_body_basic_court' },
    now: '2025-03-11',
    role: 'mediator',
    code: 'joint_application_required',
  },
  {
    name: 'confirmation needs the agreement, IDs and contact details',
    state: F.signed,
    action: 'apply_confirmation',
    payload: {
      applicants: ['worker', 'employer'],
      materials: { ...FULL_MATERIALS, identityProofs: false },
      court: 'mediation_body_basic_court',
    },
    now: '2025-03-11',
    role: 'mediator',
    code: 'materials_incomplete',
  },
  {
    name: 'union mediation is not confirmed by an "inviting court"',
    state: F.signed,
    action: 'apply_confirmation',
    payload: { applicants: ['worker', 'employer'], materials: FULL_MATERIALS, court: 'inviting_court' },
    now: '2025-03-11',
    role: 'mediator',
    code: 'wrong_court',
  },
  {
    name: 'a court-sent case goes back to the court that sent it',
    state: FP.signed,
    action: 'apply_confirmation',
    payload: { applicants: ['worker', 'employer'], materials: FULL_MATERIALS, court: 'party_domicile_basic_court' },
    now: '2025-03-11',
    role: 'court_clerk',
    code: 'wrong_court',
  },
  {
    name: 'a worker alone cannot file the joint application',
    state: F.signed,
    action: 'apply_confirmation',
    payload: { applicants: ['worker', 'employer'], materials: FULL_MATERIALS, court: 'mediation_body_basic_court' },
    now: '2025-03-11',
    role: 'worker',
    code: 'forbidden_role',
  },
  // extension
  {
    name: 'union mediation cannot be extended',
    state: F.mediating,
    action: 'extend_mediation',
    payload: { workerConsents: true, employerConsents: true },
    now: '2025-03-10',
    role: 'mediator',
    code: 'not_court_sent',
  },
  {
    name: 'extension needs both parties’ consent',
    state: FC.mediating,
    action: 'extend_mediation',
    payload: { workerConsents: true, employerConsents: false },
    now: '2025-03-09',
    role: 'mediator',
    code: 'consent_missing',
  },
  // payments and performance
  {
    name: 'payments cannot exceed the agreement',
    state: F.ruling,
    action: 'record_payment',
    payload: { amountFen: 1_200_001, paidOn: '2025-03-12' },
    now: '2025-03-12',
    role: 'employer_agent',
    code: 'payment_exceeds_agreement',
  },
  {
    name: 'a payment cannot be dated in the future',
    state: F.ruling,
    action: 'record_payment',
    payload: { amountFen: 100, paidOn: '2025-03-13' },
    now: '2025-03-12',
    role: 'employer_agent',
    code: 'date_out_of_range',
  },
  {
    name: 'performed needs full payment',
    state: F.ruling,
    action: 'mark_performed',
    payload: { workerConfirmed: true },
    now: '2025-03-12',
    role: 'mediator',
    code: 'not_paid_in_full',
  },
  {
    name: 'enforcement before anything fell due',
    state: F.ruling,
    action: 'apply_enforcement',
    payload: {},
    now: '2025-03-20',
    role: 'worker',
    code: 'no_default_yet',
  },
  {
    name: 'payment order before default',
    state: F.signed,
    action: 'apply_payment_order',
    payload: {},
    now: '2025-03-15',
    role: 'worker',
    code: 'no_default_yet',
  },
  {
    // Was an agreement of wages and double wages, refused whole: its wage part is eligible now
    // (statute-timing.test.ts); an agreement with no eligible claim at all is still refused.
    name: 'payment order only for pay, injury medical costs, severance or damages (第十六条)',
    state: { ...F.signed, agreement: { ...TERMS, claimTypes: ['double_wage', 'annual_leave_pay'] } },
    action: 'apply_payment_order',
    payload: {},
    now: '2025-03-25',
    role: 'worker',
    code: 'claims_not_eligible',
  },
  // closing
  {
    name: 'a worker can only withdraw',
    state: F.mediating,
    action: 'close_failed',
    payload: { reason: 'deadlock', referral: 'arbitration' },
    now: '2025-03-10',
    role: 'worker',
    code: 'forbidden_role',
  },
  {
    name: 'the system only closes on the deadline',
    state: F.mediating,
    action: 'close_failed',
    payload: { reason: 'withdrawn' },
    now: '2025-03-10',
    role: 'system_admin',
    code: 'forbidden_role',
  },
  {
    name: 'a deadlock needs a referral',
    state: F.mediating,
    action: 'close_failed',
    payload: { reason: 'deadlock' },
    now: '2025-03-10',
    role: 'mediator',
    code: 'referral_required',
  },
  {
    name: 'no deadlock before mediation started',
    state: F.consultation,
    action: 'close_failed',
    payload: { reason: 'deadlock', referral: 'arbitration' },
    now: '2025-03-04',
    role: 'mediator',
    code: 'reason_not_allowed',
  },
  {
    name: '"deadline passed" only after the deadline',
    state: F.mediating,
    action: 'close_failed',
    payload: { reason: 'deadline_passed', referral: 'arbitration' },
    now: '2025-03-18',
    role: 'mediator',
    code: 'deadline_not_passed',
  },
  {
    // Was "the referral must be a lawsuit": a labor dispute goes to arbitration first (劳动争议调解仲裁法
    // 第五条、第十五条); a suit needs one of the direct-suit exceptions (see court-paths.test.ts).
    name: 'after a refusal, no lawsuit without a direct-suit exception (劳动争议调解仲裁法第五条)',
    state: F.refused,
    action: 'close_failed',
    payload: { reason: 'confirmation_refused', referral: 'lawsuit' },
    now: '2025-03-13',
    role: 'mediator',
    code: 'direct_suit_not_allowed',
  },
  {
    name: 'no "not performed" close before a payment is overdue',
    state: F.signed,
    action: 'close_failed',
    payload: { reason: 'agreement_not_performed', referral: 'arbitration' },
    now: '2025-03-20',
    role: 'mediator',
    code: 'no_default_yet',
  },
  {
    name: 'after re-mediation, new terms cannot total less than what was already paid',
    state: run(F.applied, [
      ['record_payment', { amountFen: 600_000, paidOn: '2025-03-12' }, '2025-03-12', 'employer_agent'],
      ['refuse_confirmation', { ground: 'content_unclear' }, '2025-03-12', 'judge'],
      ['reopen_mediation', { workerConsents: true, employerConsents: true }, '2025-03-13', 'mediator'],
    ]),
    action: 'set_agreement_terms',
    payload: { terms: { installments: [{ dueOn: '2025-04-01', amountFen: 500_000 }], claimTypes: ['wage_arrears'] } },
    now: '2025-03-14',
    role: 'mediator',
    code: 'terms_below_paid',
  },
  {
    name: 'reopening needs both consents',
    state: F.refused,
    action: 'reopen_mediation',
    payload: { workerConsents: false, employerConsents: true },
    now: '2025-03-13',
    role: 'mediator',
    code: 'consent_missing',
  },
];

describe('guards', () => {
  it.each(guardRows.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const res = step(r.state, r.action, r.payload, r.now, r.role);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.code).toBe(r.code);
      expect(res.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.messageEn).toMatch(/[A-Za-z]/);
    }
  });
});

describe('a payload refused in both languages', () => {
  it('explains the field in English although the app’s zod speaks Chinese', () => {
    z.config(z.locales.zhCN());
    try {
      const res = step(F.mediating, 'set_agreement_terms', { terms: { installments: [] } }, '2025-03-10', 'mediator');
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.code).toBe('invalid_payload');
        expect(res.message).toContain('terms.claimTypes');
        expect(res.messageEn).toContain('terms.claimTypes');
        expect(res.messageEn).not.toMatch(/\p{Script=Han}/u);
      }
    } finally {
      z.config(z.locales.en());
    }
  });
});

describe('consent and employer answers', () => {
  it('both consents move the case to 同意调解, in either order', () => {
    const workerLast = run(F.intake, [
      ['start_consultation', {}, '2025-03-03', 'mediator'],
      ['contact_employer', { channel: 'visit', reached: true }, '2025-03-04', 'mediator'],
      ['record_consent', { party: 'employer' }, '2025-03-04', 'employer_agent'],
    ]);
    expect(workerLast.stage).toBe('employer_contacted');
    expect(ok(step(workerLast, 'record_consent', { party: 'worker' }, '2025-03-04', 'worker')).to).toBe('consented');
  });

  it.each([
    ['decline', 'employer_contacted'],
    ['counter', 'employer_contacted'],
    ['accept', 'consented'],
  ] as const)('answer %s → %s', (answer, to) => {
    const r = ok(step(F.contacted, 'record_employer_answer', { answer }, '2025-03-05', 'employer_agent'));
    expect(r.to).toBe(to);
    expect(r.state.consents.employer).toBe(answer === 'accept');
  });

  it('an unanswered contact attempt keeps the case in consultation and counts the attempt', () => {
    const r = ok(
      step(F.consultation, 'contact_employer', { channel: 'phone', reached: false }, '2025-03-04', 'mediator'),
    );
    expect(r.to).toBe('consultation');
    expect(r.state.contactAttempts).toBe(1);
    expect(r.state.contactedOn).toBeUndefined();
    expect(r.effects.some((e) => e.type === 'warning' && e.code === 'employer_not_reached')).toBe(true);
    const closed = ok(
      step(
        r.state,
        'close_failed',
        { reason: 'employer_unreachable', referral: 'arbitration' },
        '2025-03-06',
        'mediator',
      ),
    );
    expect(closed.state.closure).toMatchObject({
      reason: 'employer_unreachable',
      referral: 'arbitration',
      fromStage: 'consultation',
    });
  });
});

describe('signatures: the agreement takes effect when worker, employer and mediator (with seal) have signed', () => {
  it.each([
    [['worker'], 'mediating'],
    [['worker', 'employer'], 'mediating'],
    [['employer', 'mediator'], 'mediating'],
    [['mediator', 'employer', 'worker'], 'agreement_signed'],
  ] as const)('signed by %o → %s', (signers, stage) => {
    let s = F.withTerms;
    for (const signer of signers) {
      const role: Role = signer === 'worker' ? 'worker' : signer === 'employer' ? 'employer_agent' : 'mediator';
      s = ok(step(s, 'sign_agreement', { signer, termsHash: TH, sealApplied: true }, '2025-03-10', role)).state;
    }
    expect(s.stage).toBe(stage);
  });

  it('each signature records the hash and version of the terms it was given', () => {
    const s = ok(
      step(F.withTerms, 'sign_agreement', { signer: 'worker', termsHash: TH }, '2025-03-10', 'worker'),
    ).state;
    expect(s.agreementVersion).toBe(1);
    expect(s.signedTerms?.worker).toEqual({ termsHash: TH, agreementVersion: 1, on: '2025-03-10', recordedBy: 'self' });
  });

  it('changing the terms after a signature voids the signatures, and the old hash no longer signs', () => {
    const one = ok(
      step(F.withTerms, 'sign_agreement', { signer: 'worker', termsHash: TH }, '2025-03-10', 'worker'),
    ).state;
    const cheaper = { ...TERMS, installments: [{ dueOn: '2025-03-20', amountFen: 100 }] };
    const changed = ok(step(one, 'set_agreement_terms', { terms: cheaper }, '2025-03-10', 'mediator'));
    expect(changed.state.signatures).toEqual({ worker: false, employer: false, mediator: false });
    expect(changed.state.agreementVersion).toBe(2);
    expect(changed.effects.some((e) => e.type === 'warning' && e.code === 'signatures_reset')).toBe(true);
    const stale = step(changed.state, 'sign_agreement', { signer: 'worker', termsHash: TH }, '2025-03-10', 'worker');
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.code).toBe('terms_changed');
  });

  it('setting the same terms again keeps the signatures', () => {
    const one = ok(
      step(F.withTerms, 'sign_agreement', { signer: 'worker', termsHash: TH }, '2025-03-10', 'worker'),
    ).state;
    const same = ok(
      step(one, 'set_agreement_terms', { terms: structuredClone(TERMS) }, '2025-03-10', 'mediator'),
    ).state;
    expect(same.signatures.worker).toBe(true);
    expect(same.agreementVersion).toBe(1);
  });

  it('the mediator records paper signatures of both parties as its own action', () => {
    const s = run(F.withTerms, [
      ['record_party_signature', { signer: 'worker', termsHash: TH, method: 'paper' }, '2025-03-10', 'mediator'],
      ['record_party_signature', { signer: 'employer', termsHash: TH, method: 'paper' }, '2025-03-10', 'mediator'],
      ['sign_agreement', { signer: 'mediator', termsHash: TH, sealApplied: true }, '2025-03-10', 'mediator'],
    ]);
    expect(s.stage).toBe('agreement_signed');
    expect(s.signedTerms?.worker?.recordedBy).toBe('mediator');
    expect(s.signedTerms?.mediator?.recordedBy).toBe('self');
  });
});

describe('judicial confirmation window (30 days, moved off rest days)', () => {
  it.each([
    ['2025-04-09', true, 'day 30'],
    ['2025-04-10', false, 'day 31'],
  ])('applying on %s → %s (%s)', (now, accepted) => {
    const r = step(
      F.signed,
      'apply_confirmation',
      { applicants: ['employer', 'worker'], materials: FULL_MATERIALS, court: 'mediation_body_basic_court' },
      now,
      'court_clerk',
    );
    expect(r.ok).toBe(accepted);
  });

  it('an agreement signed 2025-09-01 can still be confirmed on 2025-10-09 (day 30 fell on National Day)', () => {
    const s: CaseState = { ...F.signed, agreementEffectiveOn: '2025-09-01' };
    const pay = { applicants: ['worker', 'employer'], materials: FULL_MATERIALS, court: 'mediation_body_basic_court' };
    expect(step(s, 'apply_confirmation', pay, '2025-10-09', 'mediator').ok).toBe(true);
    expect(step(s, 'apply_confirmation', pay, '2025-10-10', 'mediator').ok).toBe(false);
  });
});

describe('the mediation clock: no case sits in mediation past it', () => {
  // union: applied 2025-03-03 → last day 2025-03-18
  it('union case: last day 2025-03-18', () => expect(mediationDueOn(F.mediating)).toBe('2025-03-18'));

  it.each([
    ['sign_agreement', { signer: 'worker', termsHash: TH }, 'worker', true],
    ['close_failed', { reason: 'deadline_passed', referral: 'arbitration' }, 'mediator', true],
    ['close_failed', { reason: 'deadline_passed', referral: 'arbitration' }, 'system_admin', true],
    ['close_failed', { reason: 'deadlock', referral: 'arbitration' }, 'mediator', false],
    ['close_failed', { reason: 'withdrawn' }, 'worker', false],
  ] as const)('after the deadline, %s %o by %s → accepted %s', (action, payload, role, accepted) => {
    const r = step(F.withTerms, action, payload, '2025-03-19', role);
    expect(r.ok).toBe(accepted);
    if (!r.ok && !accepted) expect(r.code).toBe('mediation_deadline_passed');
  });

  it.each([
    ['consultation', 'contact_employer', { channel: 'phone', reached: true }],
    ['contacted', 'record_employer_answer', { answer: 'accept' }],
    ['consented', 'start_mediation', { mode: 'phone' }],
  ] as const)('a %s case past the clock cannot %s', (fixture, action, payload) => {
    const r = step(F[fixture], action, payload, '2025-03-19', 'mediator');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('mediation_deadline_passed');
  });

  // Was "even after the clock ran out": an extension must be agreed before the period ends
  // (人民法院在线调解规则第二十五条第（六）项), so the day after is refused now.
  it('court-sent (simple, 7 days): once, +30 days, both consenting, agreed by the last day of the period', () => {
    expect(mediationDueOn(FC.mediating)).toBe('2025-03-10');
    const late = step(
      FC.mediating,
      'extend_mediation',
      { workerConsents: true, employerConsents: true },
      '2025-03-11',
      'judge',
    );
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.code).toBe('mediation_deadline_passed');
    const ext = ok(
      step(FC.mediating, 'extend_mediation', { workerConsents: true, employerConsents: true }, '2025-03-10', 'judge'),
    );
    expect(ext.effects).toContainEqual({ type: 'clock_extended', clock: 'mediation', dueOn: '2025-04-09' });
    expect(mediationExpired(ext.state, '2025-04-09')).toBe(false);
    const again = step(
      ext.state,
      'extend_mediation',
      { workerConsents: true, employerConsents: true },
      '2025-03-12',
      'judge',
    );
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.code).toBe('extension_used');
    // within the extended period ordinary closing is possible again
    expect(
      step(ext.state, 'close_failed', { reason: 'deadlock', referral: 'lawsuit' }, '2025-03-12', 'mediator').ok,
    ).toBe(true);
  });
});

describe('after the agreement', () => {
  it('a refused confirmation can be re-mediated: signatures cleared, a new period from the reopening day', () => {
    const r = ok(
      step(F.refused, 'reopen_mediation', { workerConsents: true, employerConsents: true }, '2025-03-13', 'mediator'),
    );
    expect(r.to).toBe('mediating');
    expect(r.state.signatures).toEqual({ worker: false, employer: false, mediator: false });
    expect(r.state.agreementEffectiveOn).toBeUndefined();
    expect(r.state.remediationCount).toBe(1);
    expect(mediationDueOn(r.state)).toBe('2025-03-28');
    expect(r.effects).toContainEqual({
      type: 'clock_started',
      clock: 'mediation',
      on: '2025-03-13',
      dueOn: '2025-03-28',
    });
  });

  // Was "taken to court": a labor dispute goes to arbitration first (劳动争议调解仲裁法第五条、第十五条).
  it('a refused confirmation closed without a named referral goes to arbitration, carrying the file over', () => {
    const r = ok(step(F.refused, 'close_failed', { reason: 'confirmation_refused' }, '2025-03-13', 'mediator'));
    expect(r.state.closure?.referral).toBe('arbitration');
    expect(r.effects).toContainEqual({ type: 'referral', referral: 'arbitration', carryOverFile: true });
    expect(r.effects.some((e) => e.type === 'warning')).toBe(false);
  });

  it('enforcement once a payment is overdue; a warning when the 2-year period is over (第二百五十条)', () => {
    const r = ok(step(F.ruling, 'apply_enforcement', {}, '2025-03-21', 'worker'));
    expect(r.to).toBe('enforcement_applied');
    expect(r.effects.some((e) => e.type === 'warning')).toBe(false);
    const late = ok(step(F.ruling, 'apply_enforcement', {}, '2027-04-21', 'worker'));
    expect(late.effects.some((e) => e.type === 'warning' && e.code === 'enforcement_period_passed')).toBe(true);
    // last installment 2025-04-20 → period ends 2027-04-20 (a Tuesday)
    expect(
      ok(step(F.ruling, 'apply_enforcement', {}, '2027-04-20', 'worker')).effects.some((e) => e.type === 'warning'),
    ).toBe(false);
  });

  it('a payment order for an overdue wage agreement (劳动争议调解仲裁法第十六条)', () => {
    expect(ok(step(F.signed, 'apply_payment_order', {}, '2025-03-21', 'worker')).to).toBe('payment_order_applied');
  });

  it('a partly paid agreement is in default only for what fell due', () => {
    const paid = run(F.ruling, [
      ['record_payment', { amountFen: 600_000, paidOn: '2025-03-20' }, '2025-03-20', 'employer_agent'],
    ]);
    expect(step(paid, 'apply_enforcement', {}, '2025-04-01', 'worker').ok).toBe(false);
    expect(step(paid, 'apply_enforcement', {}, '2025-04-21', 'worker').ok).toBe(true);
  });

  it('a union case referred to court gets an "arbitration first" warning (第五条)', () => {
    const r = ok(
      step(F.mediating, 'close_failed', { reason: 'deadlock', referral: 'lawsuit' }, '2025-03-12', 'mediator'),
    );
    expect(r.effects.some((e) => e.type === 'warning' && e.code === 'arbitration_first')).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Property: random action sequences never reach an illegal state.

const TERMS_CHOICES: AgreementTerms[] = [
  TERMS,
  { installments: [{ dueOn: '2025-03-15', amountFen: 100_000 }], claimTypes: ['economic_compensation'] },
  { installments: [], claimTypes: ['other'], summary: '赔礼道歉' },
  { installments: [{ dueOn: '2025-04-01', amountFen: 50_000 }], claimTypes: ['double_wage'] },
];

type PayloadFn = (today: string, state: CaseState) => unknown;

const payloadArb: Record<ActionCode, fc.Arbitrary<PayloadFn>> = {
  start_consultation: fc.constant(() => ({})),
  record_consent: fc.constantFrom('worker', 'employer').map((party) => () => ({ party })),
  contact_employer: fc.constantFrom(true, true, false).map((reached) => () => ({ channel: 'phone', reached })),
  record_employer_answer: fc.constantFrom('accept', 'accept', 'decline', 'counter').map((answer) => () => ({ answer })),
  start_mediation: fc
    .record({
      mode: fc.constantFrom('in_person', 'phone', 'video'),
      mediatedBy: fc.constantFrom(undefined, 'organisation', 'individual'),
    })
    .map((p) => () => (p.mediatedBy ? p : { mode: p.mode })),
  extend_mediation: fc
    .tuple(fc.boolean(), fc.boolean(), fc.constantFrom(undefined, 30, 30, 10, 90))
    .map(([w, e, days]) => () => ({ workerConsents: w || e, employerConsents: e, ...(days ? { days } : {}) })),
  continue_mediation: fc
    .tuple(fc.boolean(), fc.boolean())
    .map(([w, e]) => () => ({ workerConsents: w || e, employerConsents: e })),
  set_agreement_terms: fc.constantFrom(...TERMS_CHOICES).map((terms) => () => ({ terms })),
  // Mostly the hash of the terms on the case, sometimes a stale one (must be refused).
  sign_agreement: fc
    .record({
      signer: fc.constantFrom('worker', 'employer', 'mediator'),
      stale: fc.constantFrom(false, false, false, false, true),
      sealApplied: fc.constantFrom(true, true, true, false),
    })
    .map((p) => (_today: string, state: CaseState) => ({
      signer: p.signer,
      termsHash: p.stale || !state.agreementHash ? TH.replace(/^./, 'x') : state.agreementHash,
      sealApplied: p.sealApplied,
    })),
  record_party_signature: fc
    .record({ signer: fc.constantFrom('worker', 'employer'), stale: fc.constantFrom(false, false, false, true) })
    .map((p) => (_today: string, state: CaseState) => ({
      signer: p.signer,
      termsHash: p.stale || !state.agreementHash ? TH.replace(/^./, 'x') : state.agreementHash,
      method: 'paper',
    })),
  apply_confirmation: fc
    .record({
      applicants: fc.constantFrom(
        ['worker', 'employer'],
        ['employer', 'worker'],
        ['worker', 'employer'],
        ['worker'],
        [],
      ),
      court: fc.constantFrom('inviting_court', 'inviting_court', 'mediation_body_basic_court', ...CONFIRMATION_COURTS),
      full: fc.constantFrom(true, true, true, false),
      proof: fc.constantFrom(true, true, true, false),
    })
    .map((p) => () => ({
      applicants: p.applicants,
      court: p.court,
      materials: { agreement: true, identityProofs: true, contactDetails: p.full, mediationProof: p.proof },
    })),
  issue_ruling: fc.constant(() => ({})),
  refuse_confirmation: fc.constantFrom(...REFUSAL_GROUNDS).map((ground) => () => ({ ground })),
  reopen_mediation: fc
    .tuple(fc.boolean(), fc.boolean())
    .map(([w, e]) => () => ({ workerConsents: w || e, employerConsents: e })),
  record_payment: fc
    .constantFrom(50_000, 100_000, 600_000)
    .map((amountFen) => (today: string) => ({ amountFen, paidOn: today })),
  mark_performed: fc.boolean().map((c) => () => ({ workerConfirmed: c })),
  apply_enforcement: fc.constant(() => ({})),
  apply_payment_order: fc.constant(() => ({})),
  close_failed: fc
    .record({
      reason: fc.constantFrom(...CLOSE_REASONS),
      referral: fc.constantFrom('lawsuit', 'arbitration', undefined),
    })
    .map((p) => () => (p.referral ? p : { reason: p.reason })),
  amend_agreement: fc
    .record({ terms: fc.constantFrom(...TERMS_CHOICES), w: fc.boolean(), e: fc.boolean() })
    .map((p) => () => ({ terms: p.terms, workerConsents: p.w || p.e, employerConsents: p.e })),
  submit_agreement_to_court: fc
    .record({ requested: fc.constantFrom('mediation_document', 'mediation_document', 'withdrawal') })
    .map((p) => () => ({ requested: p.requested })),
  record_mediation_document: fc.constant((today: string) => ({
    documentNo: '（2025）粤2071民初1号',
    issuedOn: today,
    servedOn: { worker: today, employer: today },
  })),
  record_withdrawal: fc.constant((today: string) => ({ rulingNo: '（2025）粤2071民初2号', ruledOn: today })),
};

// A step picks, at run time, either an action valid from the current stage (mostly, so the
// walk gets deep into the workflow) or any action at all (to hit the refusals).
const stepArb = fc.record({
  mode: fc.constantFrom('valid', 'valid', 'valid', 'valid_or_close', 'any'),
  choice: fc.noBias(fc.nat(1_000_000)),
  roleSeed: fc.noBias(fc.nat(1_000_000)),
  useAllowedRole: fc.constantFrom(true, true, true, true, false),
  advance: fc.constantFrom(0, 0, 0, 0, 0, 1, 1, 2, 4),
  payloads: fc.record(payloadArb),
});

/** `xs[seed mod length]`: a pick from a pool that must not be empty. */
function pickFrom<T>(xs: readonly T[], seed: number): T {
  const x = xs[seed % xs.length];
  if (x === undefined) throw new Error('pickFrom: empty pool');
  return x;
}

function pickAction(stage: Stage, mode: string, choice: number): ActionCode {
  if (mode === 'any') return pickFrom(ACTION_CODES, choice);
  const valid = ACTION_CODES.filter(
    (a) => ACTIONS[a].from.includes(stage) && (mode === 'valid_or_close' || a !== 'close_failed'),
  );
  const pool = valid.length > 0 ? valid : ACTION_CODES;
  return pickFrom(pool, choice);
}

const reachedStages = new Set<Stage>();

/** A case of each kind with its agreement signed on 2025-03-10 (the fixtures' path). */
const SIGNED_BY_KIND: Record<CaseKind, CaseState> = {
  union_mediation: fixtures('union_mediation').signed,
  court_pre_filing: fixtures('court_pre_filing').signed,
  court_post_filing_ordinary: fixtures('court_post_filing_ordinary').signed,
  court_post_filing_simple: fixtures('court_post_filing_simple').signed,
};

describe('property: random action sequences', () => {
  it('never reach an illegal state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CaseKind>(
          'union_mediation',
          'court_pre_filing',
          'court_post_filing_ordinary',
          'court_post_filing_simple',
        ),
        fc.integer({ min: 0, max: 2 }),
        fc.array(stepArb, { minLength: 40, maxLength: 100 }),
        // One walk in four starts from a signed agreement, so the paths after it (confirmation, the
        // post-filing court path, performance, enforcement) are explored for every kind of case and
        // not only by the few walks that get an agreement signed inside a 7- or 15-day period.
        fc.constantFrom('new', 'new', 'new', 'signed'),
        (kind, acceptDelay, steps, start) => {
          let state =
            start === 'signed'
              ? SIGNED_BY_KIND[kind]
              : newCase({ kind, appliedOn: '2025-03-03', acceptedOn: addDays('2025-03-03', acceptDelay) });
          let today = start === 'signed' ? '2025-03-10' : state.acceptedOn;
          reachedStages.add(state.stage);
          for (const st of steps) {
            // time runs faster once the ruling exists, so installments fall due
            const titled = state.stage === 'ruling_issued' || state.stage === 'mediation_document_issued';
            today = addDays(today, titled ? st.advance * 7 : st.advance);
            const s = { ...st, action: pickAction(state.stage, st.mode, st.choice) };
            const allowed = ACTIONS[s.action].roles;
            const role: Role = s.useAllowedRole ? pickFrom(allowed, s.roleSeed) : pickFrom(ROLES, s.roleSeed);
            const payload = s.payloads[s.action](today, state);
            const before = structuredClone(state);
            const r = transition(state, s.action, payload, today, { role, calendar, hashTerms });
            expect(state).toEqual(before); // pure: input untouched

            if (isTerminal(before.stage)) {
              // closed or performed cases accept nothing but reading
              expect(r.ok).toBe(false);
              if (!r.ok) expect(r.code).toBe('terminal_stage');
              continue;
            }
            if (!r.ok) continue;

            const to = r.state.stage;
            // the transition is in the table, by a permitted role
            expect(ACTIONS[s.action].from).toContain(before.stage);
            expect(ACTIONS[s.action].to).toContain(to);
            expect(ACTIONS[s.action].roles).toContain(role);
            expect(r.from).toBe(before.stage);
            expect(r.to).toBe(to);

            // no transition skips a required stage
            const visited = r.state.visited;
            expect(visited[visited.length - 1]).toBe(to);
            if (to !== before.stage) {
              expect(visited.length).toBe(before.visited.length + 1);
              for (const req of REQUIRED_BEFORE[to]) expect(visited.slice(0, -1)).toContain(req);
            } else {
              expect(visited).toEqual(before.visited);
            }

            // a case past its mediation clock only accepts the three permitted actions
            if (PRE_AGREEMENT_OPEN_STAGES.includes(before.stage) && mediationExpired(before, today)) {
              expect(ACTIONS_AFTER_MEDIATION_DEADLINE).toContain(s.action);
              if (s.action === 'close_failed') expect(r.state.closure?.reason).toBe('deadline_passed');
            }

            // stage invariants
            if (to === 'consented' || to === 'mediating') {
              expect(r.state.consents).toEqual({ worker: true, employer: true });
            }
            if (
              [
                'agreement_signed',
                'confirmation_applied',
                'ruling_issued',
                'confirmation_refused',
                'enforcement_applied',
                'payment_order_applied',
                'agreement_submitted',
                'mediation_document_issued',
                'suit_withdrawn',
              ].includes(to)
            ) {
              // Changed with the agreement-effect rule: a pre-filing (委派) agreement is in force on both
              // parties' signatures (特邀调解规定第二十四条第三款); the mediator's may follow, and the
              // confirmation application waits for it.
              const sig = r.state.signatures;
              expect(sig.worker && sig.employer).toBe(true);
              const confirmationOn = !['agreement_signed', 'payment_order_applied'].includes(to);
              if (kind !== 'court_pre_filing' || confirmationOn) expect(sig.mediator).toBe(true);
              expect(r.state.agreementEffectiveOn).toBeDefined();
              // every signature was given exactly the terms in force
              for (const signer of ['worker', 'employer', 'mediator'] as const)
                if (sig[signer]) expect(r.state.signedTerms?.[signer]?.termsHash).toBe(r.state.agreementHash);
              expect(r.state.agreementHash).toBe(hashTerms(canonicalTerms(r.state.agreement!)));
            }
            if (to === 'confirmation_applied') {
              expect(today <= addDays(r.state.agreementEffectiveOn!, 30 + 10)).toBe(true);
            }
            if (to === 'closed_failed') expect(r.state.closure).toBeDefined();
            if (to === 'performed') {
              expect(r.state.paidFen).toBe(
                (r.state.agreement?.installments ?? []).reduce((a, i) => a + i.amountFen, 0),
              );
            }
            expect(r.state.paidFen).toBeLessThanOrEqual(
              (r.state.agreement?.installments ?? []).reduce((a, i) => a + i.amountFen, 0),
            );
            // Changed with the extension rules: post-filing once by 30; pre-filing by the agreed days,
            // repeatedly (特邀调解规定第二十七条第一款); union never; and only before the period ran out.
            if (kind === 'union_mediation') expect(r.state.extensionDays).toBe(0);
            else if (kind !== 'court_pre_filing') expect([0, 30]).toContain(r.state.extensionDays);
            if (s.action === 'extend_mediation') expect(mediationPeriodOver(before, today)).toBe(false);
            if (r.state.mediationContinuedOn) expect(kind).toBe('union_mediation');

            reachedStages.add(to);
            state = r.state;
          }
        },
      ),
      // A fixed seed: the coverage check below (every stage reached, enforcement included) must not
      // depend on luck; random seeds missed enforcement_applied about one run in ten.
      { numRuns: 1500, seed: 20261201 },
    );
    // 1,500 random workflows take about 10 s on a quiet machine and over 25 s on a loaded
    // two-core CI runner: a budget of its own instead of the 30 s default, so load is not a failure.
  }, 120_000);

  it('explored every stage (the generator reaches deep into the workflow)', () => {
    expect([...reachedStages].sort()).toEqual([...STAGE_CODES].sort());
  });
});
