/**
 * The case workflow as a pure state machine: `transition(state, action, payload, now, ctx)`
 * checks the stage, the actor's role, the payload and the statutory guards, and returns
 * either the next state with its effects or a refusal with a Chinese and an English message.
 * No database, no clock reads: `now` is injected and read as a China calendar date.
 */
import { z } from 'zod';
import {
  ACTION_CODES,
  ACTION_INFO,
  isActionCode,
  type ActionCode,
  type ActionInfo,
} from '../../../../contracts/disputes/actions.js';
import type {
  AgreementTerms,
  CaseState,
  Party,
  SignatureRecord,
  Signer,
} from '../../../../contracts/disputes/case-state.js';
import { CONFIRMATION_COURTS, REFUSAL_GROUNDS } from '../../../../contracts/disputes/confirmation.js';
import type { Role } from '../../../../contracts/roles.js';
import {
  confirmationDueOn,
  COURT_DECISION_DAYS,
  enforcementDueOn,
  enforcementStartsOn,
  isCourtSent,
  MEDIATION_EXTENSION_DAYS,
  MEDIATION_PERIODS,
  mediationDueOn,
  mediationExpired,
  type CaseKind,
  type ClockCode,
  type ClockFacts,
} from './clocks.js';
import { addDays, isIsoDate, maxDate, toChinaDate, type IsoDate } from './dates.js';
import {
  CLAIM_TYPES,
  CLOSE_REASONS,
  CLOSE_REASONS_BY_STAGE,
  CLOSE_REASON_LABELS,
  PAYMENT_ORDER_CLAIM_TYPES,
  PRE_AGREEMENT_OPEN_STAGES,
  REFERRALS,
  STAGE_BY_CODE,
  type CloseReason,
  type Referral,
  type Stage,
} from './stages.js';
import { createCalendar, type WorkingCalendar } from './working-days.js';

export interface NewCaseInput {
  kind: CaseKind;
  appliedOn: IsoDate;
  acceptedOn: IsoDate;
}

/** A case just registered at intake (applications may be oral: 劳动争议调解仲裁法第十二条). */
export function newCase(input: NewCaseInput): CaseState {
  if (!isIsoDate(input.appliedOn)) throw new RangeError(`invalid appliedOn: ${input.appliedOn}`);
  if (!isIsoDate(input.acceptedOn)) throw new RangeError(`invalid acceptedOn: ${input.acceptedOn}`);
  if (input.acceptedOn < input.appliedOn) throw new RangeError('acceptedOn is before appliedOn');
  if (!(input.kind in MEDIATION_PERIODS)) throw new RangeError(`invalid kind: ${String(input.kind)}`);
  return {
    stage: 'intake',
    kind: input.kind,
    appliedOn: input.appliedOn,
    acceptedOn: input.acceptedOn,
    visited: ['intake'],
    contactAttempts: 0,
    consents: { worker: false, employer: false },
    extensionDays: 0,
    remediationCount: 0,
    signatures: { worker: false, employer: false, mediator: false },
    paidFen: 0,
  };
}

export type {
  AgreementTerms,
  CaseState,
  Installment,
  Party,
  SignatureRecord,
  Signer,
} from '../../../../contracts/disputes/case-state.js';
export {
  CONFIRMATION_COURTS,
  REFUSAL_GROUNDS,
  type ConfirmationCourt,
  type RefusalGround,
} from '../../../../contracts/disputes/confirmation.js';
export { ACTION_CODES, isActionCode, type ActionCode };

// ---------------------------------------------------------------------------
// Payload schemas

const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });
const empty = z.strictObject({});

const termsSchema = z.strictObject({
  installments: z.array(z.strictObject({ dueOn: isoDate, amountFen: z.number().int().positive() })).max(120),
  claimTypes: z.array(z.enum(CLAIM_TYPES)).min(1),
  summary: z.string().max(2000).optional(),
});

const PAYLOADS = {
  start_consultation: empty,
  record_consent: z.strictObject({ party: z.enum(['worker', 'employer']) }),
  contact_employer: z.strictObject({
    channel: z.enum(['phone', 'sms', 'visit', 'letter', 'video', 'online']),
    reached: z.boolean(),
  }),
  record_employer_answer: z.strictObject({
    answer: z.enum(['accept', 'decline', 'counter']),
    note: z.string().max(2000).optional(),
  }),
  start_mediation: z.strictObject({ mode: z.enum(['in_person', 'phone', 'video']) }),
  extend_mediation: z.strictObject({ workerConsents: z.boolean(), employerConsents: z.boolean() }),
  set_agreement_terms: z.strictObject({ terms: termsSchema }),
  sign_agreement: z.strictObject({
    signer: z.enum(['worker', 'employer', 'mediator']),
    /** The hash of the terms the signer was shown (agreementHash); other terms are not signed. */
    termsHash: z.string().min(16).max(128),
    /** The mediation body's seal, required with the mediator's signature. */
    sealApplied: z.boolean().optional(),
  }),
  record_party_signature: z.strictObject({
    signer: z.enum(['worker', 'employer']),
    termsHash: z.string().min(16).max(128),
    /** Signed on the printed agreement at the session, which the studio keeps. */
    method: z.enum(['paper']),
  }),
  apply_confirmation: z.strictObject({
    applicants: z.array(z.enum(['worker', 'employer'])),
    materials: z.strictObject({
      agreement: z.boolean(),
      identityProofs: z.boolean(),
      contactDetails: z.boolean(),
    }),
    court: z.enum(CONFIRMATION_COURTS),
  }),
  issue_ruling: z.strictObject({ rulingNo: z.string().max(64).optional() }),
  refuse_confirmation: z.strictObject({ ground: z.enum(REFUSAL_GROUNDS), note: z.string().max(2000).optional() }),
  reopen_mediation: z.strictObject({ workerConsents: z.boolean(), employerConsents: z.boolean() }),
  record_payment: z.strictObject({ amountFen: z.number().int().positive(), paidOn: isoDate }),
  mark_performed: z.strictObject({ workerConfirmed: z.boolean() }),
  apply_enforcement: empty,
  apply_payment_order: empty,
  close_failed: z.strictObject({
    reason: z.enum(CLOSE_REASONS),
    referral: z.enum(REFERRALS).optional(),
    note: z.string().max(2000).optional(),
  }),
} as const satisfies Record<ActionCode, z.ZodType>;

export type ActionPayload<A extends ActionCode> = z.infer<(typeof PAYLOADS)[A]>;

/** An action's metadata (contracts/disputes/actions.ts) with the schema of its payload. */
export interface ActionDef extends ActionInfo {
  payload: z.ZodType;
}

export const ACTIONS: Readonly<Record<ActionCode, ActionDef>> = Object.fromEntries(
  ACTION_CODES.map((code): [ActionCode, ActionDef] => [code, { ...ACTION_INFO[code], payload: PAYLOADS[code] }]),
) as Record<ActionCode, ActionDef>;

/** While the mediation clock has run out, only these actions are accepted. */
export const ACTIONS_AFTER_MEDIATION_DEADLINE: readonly ActionCode[] = [
  'close_failed',
  'extend_mediation',
  'sign_agreement',
  'record_party_signature',
];

// ---------------------------------------------------------------------------
// Results

export type DocumentKind =
  'negotiation_proposal' | 'mediation_agreement' | 'confirmation_application' | 'civil_ruling' | 'referral_letter';

export type Effect =
  | { type: 'stage_changed'; from: Stage; to: Stage }
  | { type: 'clock_started'; clock: ClockCode; on: IsoDate; dueOn: IsoDate }
  | { type: 'clock_met'; clock: ClockCode; on: IsoDate }
  | { type: 'clock_extended'; clock: 'mediation'; dueOn: IsoDate }
  | { type: 'document'; document: DocumentKind }
  | { type: 'notify'; audience: Role[]; message: string; messageEn: string }
  | { type: 'referral'; referral: Referral; carryOverFile: true }
  | { type: 'warning'; code: string; message: string; messageEn: string };

export type TransitionErrorCode =
  | 'unknown_action'
  | 'now_before_last_event'
  | 'terminal_stage'
  | 'wrong_stage'
  | 'forbidden_role'
  | 'invalid_payload'
  | 'mediation_deadline_passed'
  | 'deadline_not_passed'
  | 'employer_not_contacted'
  | 'party_mismatch'
  | 'already_recorded'
  | 'consent_missing'
  | 'not_court_sent'
  | 'extension_used'
  | 'terms_required'
  | 'terms_changed'
  | 'terms_below_paid'
  | 'seal_required'
  | 'confirmation_window_closed'
  | 'joint_application_required'
  | 'materials_incomplete'
  | 'wrong_court'
  | 'date_out_of_range'
  | 'payment_exceeds_agreement'
  | 'not_paid_in_full'
  | 'worker_confirmation_required'
  | 'no_default_yet'
  | 'claims_not_eligible'
  | 'reason_not_allowed'
  | 'referral_required'
  | 'referral_must_be_lawsuit';

export interface TransitionOk {
  ok: true;
  from: Stage;
  to: Stage;
  effects: Effect[];
  state: CaseState;
}

export interface TransitionError {
  ok: false;
  code: TransitionErrorCode;
  message: string;
  messageEn: string;
}

export type TransitionResult = TransitionOk | TransitionError;

export interface TransitionContext {
  /** The role the actor is acting in. */
  role: Role;
  /** Defaults to the built-in calendar (package data, no overrides). */
  calendar?: WorkingCalendar;
  /** A cryptographic hash of canonicalTerms(terms) (the server passes SHA-256); needed to set terms. */
  hashTerms?: (canonical: string) => string;
}

/** The terms as one string with a fixed key order, so the same terms always hash the same. */
export function canonicalTerms(terms: AgreementTerms): string {
  return JSON.stringify({
    installments: terms.installments.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen })),
    claimTypes: [...terms.claimTypes],
    summary: terms.summary ?? null,
  });
}

function fail(code: TransitionErrorCode, message: string, messageEn: string): TransitionError {
  return { ok: false, code, message, messageEn };
}

let defaultCalendar: WorkingCalendar | undefined;
function calendarOf(ctx: TransitionContext): WorkingCalendar {
  if (ctx.calendar) return ctx.calendar;
  defaultCalendar ??= createCalendar();
  return defaultCalendar;
}

export function agreementTotalFen(terms: AgreementTerms | undefined): number {
  return (terms?.installments ?? []).reduce((s, i) => s + i.amountFen, 0);
}

/** Amount that fell due before `today` (installments whose due day has passed). */
export function amountOverdueFen(state: CaseState, today: IsoDate): number {
  const due = (state.agreement?.installments ?? []).filter((i) => i.dueOn < today).reduce((s, i) => s + i.amountFen, 0);
  return Math.max(0, due - state.paidFen);
}

/** The facts the clocks need, taken from a case state. */
export function clockFactsOf(state: CaseState): ClockFacts {
  return {
    stage: state.stage,
    kind: state.kind,
    appliedOn: state.appliedOn,
    acceptedOn: state.acceptedOn,
    mediationRestartedOn: state.mediationRestartedOn,
    extensionDays: state.extensionDays,
    contactedOn: state.contactedOn,
    mediationStartedOn: state.mediationStartedOn,
    agreementEffectiveOn: state.agreementEffectiveOn,
    confirmationAppliedOn: state.confirmationAppliedOn,
    rulingIssuedOn: state.rulingIssuedOn,
    confirmationRefusedOn: state.confirmationRefusedOn,
    paymentDueDates: state.agreement?.installments.map((i) => i.dueOn),
    performedOn: state.performedOn,
    enforcementAppliedOn: state.enforcementAppliedOn,
    paymentOrderAppliedOn: state.paymentOrderAppliedOn,
  };
}

/** The latest date recorded on the case; an action may not be dated before it. */
export function lastEventOn(s: CaseState): IsoDate {
  const dates = [
    s.appliedOn,
    s.acceptedOn,
    s.contactedOn,
    s.mediationStartedOn,
    s.mediationRestartedOn,
    s.agreementEffectiveOn,
    s.confirmationAppliedOn,
    s.rulingIssuedOn,
    s.confirmationRefusedOn,
    s.lastPaidOn,
    s.performedOn,
    s.enforcementAppliedOn,
    s.paymentOrderAppliedOn,
    s.closure?.closedOn,
  ].filter((d): d is IsoDate => d !== undefined);
  return maxDate(dates)!;
}

function clone(s: CaseState): CaseState {
  return structuredClone(s);
}

function moveTo(next: CaseState, to: Stage, effects: Effect[]): void {
  if (next.stage !== to) {
    effects.push({ type: 'stage_changed', from: next.stage, to });
    next.stage = to;
    next.visited.push(to);
  }
}

const ROLE_SIGNER: Partial<Record<Role, Signer>> = {
  worker: 'worker',
  employer_agent: 'employer',
  mediator: 'mediator',
};
const ROLE_PARTY: Partial<Record<Role, Party>> = { worker: 'worker', employer_agent: 'employer' };
const PARTY_ZH: Record<Signer, string> = { worker: '职工', employer: '用人单位', mediator: '调解员' };

/**
 * Apply `action` to `state`. `now` is an instant or a China date ("YYYY-MM-DD");
 * all date guards use its China calendar date.
 */
export function transition(
  state: CaseState,
  action: string,
  payload: unknown,
  now: Date | string,
  ctx: TransitionContext,
): TransitionResult {
  if (!isActionCode(action)) return fail('unknown_action', `未知操作：${action}`, `Unknown action: ${action}`);
  const a = ACTIONS[action];
  const stageInfo = STAGE_BY_CODE[state.stage];
  if (stageInfo.terminal) {
    return fail(
      'terminal_stage',
      `案件已${stageInfo.zh}，只能查看，不能再操作。`,
      `The case is ${stageInfo.en.toLowerCase()}; it can only be read.`,
    );
  }
  if (!a.from.includes(state.stage)) {
    return fail(
      'wrong_stage',
      `案件当前处于“${stageInfo.zh}”阶段，不能“${a.zh}”。`,
      `“${a.en}” is not possible while the case is at “${stageInfo.en}”.`,
    );
  }
  if (!a.roles.includes(ctx.role)) {
    return fail('forbidden_role', `当前角色无权执行“${a.zh}”。`, `Your role may not “${a.en}”.`);
  }
  const parsed = a.payload.safeParse(payload ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    return fail('invalid_payload', `提交的信息不完整或有误：${detail}`, `Invalid input: ${detail}`);
  }
  const today = toChinaDate(now);
  const calendar = calendarOf(ctx);
  const last = lastEventOn(state);
  if (today < last) {
    return fail(
      'now_before_last_event',
      `操作日期 ${today} 早于案件最近一次记录的日期 ${last}，请核对系统时间。`,
      `The action date ${today} is before the case’s latest recorded date ${last}; check the clock.`,
    );
  }

  // The platform never lets a case sit in mediation past its clock.
  if (PRE_AGREEMENT_OPEN_STAGES.includes(state.stage) && mediationExpired(state, today)) {
    const p = parsed.data as { reason?: CloseReason };
    const allowed =
      action === 'extend_mediation' ||
      action === 'sign_agreement' ||
      (action === 'close_failed' && p.reason === 'deadline_passed');
    if (!allowed) {
      const due = mediationDueOn(state);
      return fail(
        'mediation_deadline_passed',
        `调解期限已于 ${due} 届满，只能以“调解期限届满”终止并分流${isCourtSent(state.kind) ? '、经双方同意延长期限' : ''}或签署已谈妥的协议。`,
        `The mediation period ran out on ${due}: the case can only be closed as “deadline passed”${isCourtSent(state.kind) ? ', extended with both parties’ consent' : ''} or have an agreed settlement signed.`,
      );
    }
  }

  const next = clone(state);
  const effects: Effect[] = [];
  const r = HANDLERS[action](next, parsed.data as never, {
    today,
    calendar,
    role: ctx.role,
    effects,
    hashTerms: ctx.hashTerms,
  });
  if (r) return r;
  return { ok: true, from: state.stage, to: next.stage, effects, state: next };
}

interface HandlerCtx {
  today: IsoDate;
  calendar: WorkingCalendar;
  role: Role;
  effects: Effect[];
  hashTerms?: (canonical: string) => string;
}

type Handler<A extends ActionCode> = (next: CaseState, p: ActionPayload<A>, c: HandlerCtx) => TransitionError | void;

function bothConsentsReached(next: CaseState, c: HandlerCtx): void {
  if (next.consents.worker && next.consents.employer && next.stage === 'employer_contacted') {
    moveTo(next, 'consented', c.effects);
    c.effects.push({
      type: 'notify',
      audience: ['mediator'],
      message: '双方均已同意调解，请安排调解。',
      messageEn: 'Both parties agreed to mediate; schedule the mediation.',
    });
  }
}

/**
 * A signature is valid only for the terms it was given: the hash the signer saw must be the
 * hash of the terms now on the case (劳动争议调解仲裁法第十四条: 经调解达成协议的，应当制作调解协议书，
 * 由双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效).
 */
function recordSignature(
  next: CaseState,
  signer: Signer,
  termsHash: string,
  recordedBy: SignatureRecord['recordedBy'],
  sealApplied: boolean | undefined,
  c: HandlerCtx,
): TransitionError | void {
  if (!next.agreement || !next.agreementHash) {
    return fail(
      'terms_required',
      '请先由调解员录入协议内容（金额、期限、请求事项）再签署。',
      'The mediator must enter the agreement terms before anyone signs.',
    );
  }
  if (termsHash !== next.agreementHash) {
    return fail(
      'terms_changed',
      '协议内容已变更，您看到的不是最新版本，请刷新后核对协议再签署。',
      'The terms have changed since you saw them; reload, read the current terms and sign again.',
    );
  }
  if (next.signatures[signer]) {
    return fail('already_recorded', `${PARTY_ZH[signer]}已签署。`, 'That signature is already recorded.');
  }
  if (signer === 'mediator' && !sealApplied) {
    return fail(
      'seal_required',
      '调解员签名时须加盖调解组织印章，协议方能生效（《劳动争议调解仲裁法》第十四条）。',
      'The mediator’s signature must come with the mediation body’s seal (LDMAL art. 14).',
    );
  }
  next.signatures[signer] = true;
  next.signedTerms = {
    ...next.signedTerms,
    [signer]: { termsHash, agreementVersion: next.agreementVersion ?? 1, on: c.today, recordedBy },
  };
  const s = next.signatures;
  if (!(s.worker && s.employer && s.mediator)) return;

  next.agreementEffectiveOn = c.today;
  moveTo(next, 'agreement_signed', c.effects);
  c.effects.push({ type: 'clock_met', clock: 'mediation', on: c.today });
  c.effects.push({ type: 'document', document: 'mediation_agreement' });
  c.effects.push({
    type: 'clock_started',
    clock: 'confirmation_application',
    on: c.today,
    dueOn: confirmationDueOn(c.today, c.calendar),
  });
  const last = maxDate(next.agreement.installments.map((i) => i.dueOn));
  if (last) c.effects.push({ type: 'clock_started', clock: 'performance', on: c.today, dueOn: last });
  c.effects.push({
    type: 'notify',
    audience: ['worker', 'employer_agent', 'mediator'],
    message: `调解协议已生效。双方可在 ${confirmationDueOn(c.today, c.calendar)} 前共同申请司法确认。`,
    messageEn: `The agreement is in force. Both parties may jointly apply for judicial confirmation by ${confirmationDueOn(c.today, c.calendar)}.`,
  });
}

const HANDLERS: { [A in ActionCode]: Handler<A> } = {
  start_consultation(next, _p, c) {
    moveTo(next, 'consultation', c.effects);
  },

  record_consent(next, p, c) {
    const own = ROLE_PARTY[c.role];
    if (own && own !== p.party) {
      return fail('party_mismatch', '只能记录本方的同意。', 'You can only record your own side’s consent.');
    }
    if (p.party === 'employer' && next.stage !== 'employer_contacted') {
      return fail(
        'employer_not_contacted',
        '尚未联系上用人单位，不能记录单位同意调解。',
        'The employer has not been reached yet; its consent cannot be recorded.',
      );
    }
    if (next.consents[p.party]) {
      return fail('already_recorded', `${PARTY_ZH[p.party]}的同意已记录。`, 'That consent is already recorded.');
    }
    next.consents[p.party] = true;
    if (p.party === 'employer') next.employerAnswer = 'accept';
    bothConsentsReached(next, c);
  },

  contact_employer(next, p, c) {
    next.contactAttempts += 1;
    if (!p.reached) {
      c.effects.push({
        type: 'warning',
        code: 'employer_not_reached',
        message: `第 ${next.contactAttempts} 次联系用人单位未果。无法联系的，可以“无法联系用人单位”终止调解（《人民法院在线调解规则》第二十五条）。`,
        messageEn: `Contact attempt ${next.contactAttempts} failed. If the employer cannot be reached, mediation may be ended as “employer unreachable” (Online Mediation Rules art. 25).`,
      });
      return;
    }
    if (!next.contactedOn) {
      next.contactedOn = c.today;
      c.effects.push({ type: 'clock_met', clock: 'contact', on: c.today });
      c.effects.push({ type: 'document', document: 'negotiation_proposal' });
    }
    moveTo(next, 'employer_contacted', c.effects);
  },

  record_employer_answer(next, p, c) {
    next.employerAnswer = p.answer;
    if (p.answer === 'accept') {
      next.consents.employer = true;
      bothConsentsReached(next, c);
      return;
    }
    // A decline or a counter-proposal withdraws any consent given earlier.
    next.consents.employer = false;
    c.effects.push(
      p.answer === 'decline'
        ? {
            type: 'notify',
            audience: ['mediator', 'worker'],
            message: '用人单位不同意调解。调解员可以继续做工作，或以“用人单位不同意调解”终止并帮助职工转仲裁或立案。',
            messageEn:
              'The employer declined to mediate. The mediator may keep trying, or close the case as “employer declined” and refer the worker.',
          }
        : {
            type: 'notify',
            audience: ['mediator', 'worker'],
            message: '用人单位提出了反方案，请调解员与职工沟通。',
            messageEn: 'The employer made a counter-proposal; the mediator should discuss it with the worker.',
          },
    );
  },

  start_mediation(next, p, c) {
    if (!next.consents.worker || !next.consents.employer) {
      return fail(
        'consent_missing',
        '须双方当事人均同意调解后才能开始调解。',
        'Both parties must consent before mediation starts.',
      );
    }
    next.mediationStartedOn = c.today;
    next.mediationMode = p.mode;
    moveTo(next, 'mediating', c.effects);
  },

  extend_mediation(next, p, c) {
    if (!isCourtSent(next.kind)) {
      return fail(
        'not_court_sent',
        '工会调解的期限为15日，不能延长；期满未达成协议的，当事人可以申请仲裁（《劳动争议调解仲裁法》第十四条）。',
        'Union mediation lasts 15 days and cannot be extended; after that a party may apply for arbitration (LDMAL art. 14).',
      );
    }
    if (next.extensionDays > 0) {
      return fail(
        'extension_used',
        '调解期限已延长过一次，不能再延长。',
        'The mediation period has already been extended once.',
      );
    }
    if (!p.workerConsents || !p.employerConsents) {
      return fail(
        'consent_missing',
        '延长调解期限须经双方当事人同意。',
        'Extending the mediation period needs both parties’ consent.',
      );
    }
    next.extensionDays = MEDIATION_EXTENSION_DAYS;
    c.effects.push({ type: 'clock_extended', clock: 'mediation', dueOn: mediationDueOn(next) });
  },

  set_agreement_terms(next, p, c) {
    if (agreementTotalFen(p.terms) < next.paidFen) {
      return fail(
        'terms_below_paid',
        '新协议约定的金额少于此前已支付的款项，请把已付款项计入协议。',
        'The new terms total less than what has already been paid; include the payments made.',
      );
    }
    if (!c.hashTerms) throw new Error('set_agreement_terms needs ctx.hashTerms');
    const hash = c.hashTerms(canonicalTerms(p.terms));
    if (hash === next.agreementHash) return;
    const anySigned = next.signatures.worker || next.signatures.employer || next.signatures.mediator;
    if (anySigned) {
      c.effects.push({
        type: 'warning',
        code: 'signatures_reset',
        message: '协议内容已修改，此前的签字作废，需各方重新签署。',
        messageEn: 'The terms changed; earlier signatures are void and everyone must sign again.',
      });
    }
    next.signatures = { worker: false, employer: false, mediator: false };
    next.signedTerms = {};
    next.agreement = p.terms;
    next.agreementHash = hash;
    next.agreementVersion = (next.agreementVersion ?? 0) + 1;
  },

  sign_agreement(next, p, c) {
    const own = ROLE_SIGNER[c.role];
    if (own !== p.signer) {
      return fail(
        'party_mismatch',
        '只能以本人（本方）身份签署；调解员登记当事人的书面签字请用“登记当事人书面签字”。',
        'You can only sign for your own side; a mediator records a party’s paper signature with “Record a party’s signature”.',
      );
    }
    return recordSignature(next, p.signer, p.termsHash, 'self', p.sealApplied, c);
  },

  record_party_signature(next, p, c) {
    return recordSignature(next, p.signer, p.termsHash, 'mediator', undefined, c);
  },

  apply_confirmation(next, p, c) {
    const due = confirmationDueOn(next.agreementEffectiveOn!, c.calendar);
    if (c.today > due) {
      return fail(
        'confirmation_window_closed',
        `申请司法确认须在调解协议生效之日起三十日内提出，已于 ${due} 届满（《民事诉讼法》第二百零五条）。`,
        `Judicial confirmation must be applied for within 30 days of the agreement taking effect; that ran out on ${due} (Civil Procedure Law art. 205).`,
      );
    }
    if (!(p.applicants.includes('worker') && p.applicants.includes('employer'))) {
      return fail(
        'joint_application_required',
        '司法确认须由双方当事人共同申请（《民事诉讼法》第二百零五条）。',
        'Judicial confirmation must be applied for jointly by both parties (Civil Procedure Law art. 205).',
      );
    }
    const m = p.materials;
    if (!m.agreement || !m.identityProofs || !m.contactDetails) {
      return fail(
        'materials_incomplete',
        '申请材料须包括调解协议、双方身份证明和联系方式。',
        'The application needs the agreement, both parties’ identity proofs and contact details.',
      );
    }
    const courtSent = isCourtSent(next.kind);
    if (courtSent !== (p.court === 'inviting_court')) {
      return fail(
        'wrong_court',
        courtSent
          ? '法院委派或委托调解的，应向作出邀请的人民法院申请。'
          : '调解组织自行调解的，应向当事人住所地、标的物所在地或调解组织所在地的基层人民法院（或依法有管辖权的中级人民法院）申请。',
        courtSent
          ? 'A court-sent case is confirmed by the court that sent it.'
          : 'A case the studio took on itself goes to the basic court of a party’s domicile, the subject matter or the mediation body (or the intermediate court with jurisdiction).',
      );
    }
    next.confirmationAppliedOn = c.today;
    next.confirmationCourt = p.court;
    moveTo(next, 'confirmation_applied', c.effects);
    c.effects.push({ type: 'clock_met', clock: 'confirmation_application', on: c.today });
    c.effects.push({ type: 'document', document: 'confirmation_application' });
    c.effects.push({
      type: 'clock_started',
      clock: 'court_decision',
      on: c.today,
      dueOn: addDays(c.today, COURT_DECISION_DAYS),
    });
  },

  issue_ruling(next, _p, c) {
    next.rulingIssuedOn = c.today;
    moveTo(next, 'ruling_issued', c.effects);
    c.effects.push({ type: 'clock_met', clock: 'court_decision', on: c.today });
    c.effects.push({ type: 'document', document: 'civil_ruling' });
    const start = enforcementStartsOn(
      c.today,
      next.agreement?.installments.map((i) => i.dueOn),
    );
    c.effects.push({
      type: 'clock_started',
      clock: 'enforcement',
      on: start,
      dueOn: enforcementDueOn(start, c.calendar),
    });
    c.effects.push({
      type: 'notify',
      audience: ['worker', 'employer_agent', 'mediator'],
      message: '法院已裁定调解协议有效。一方拒绝履行或未全部履行的，对方可以申请强制执行。',
      messageEn:
        'The court ruled the agreement valid. If a party does not perform in full, the other may apply for enforcement.',
    });
  },

  refuse_confirmation(next, p, c) {
    next.confirmationRefusedOn = c.today;
    next.refusalGround = p.ground;
    moveTo(next, 'confirmation_refused', c.effects);
    c.effects.push({ type: 'clock_met', clock: 'court_decision', on: c.today });
    c.effects.push({
      type: 'notify',
      audience: ['worker', 'employer_agent', 'mediator'],
      message:
        '法院裁定驳回确认申请。当事人可以通过调解变更原协议或达成新协议，也可以向人民法院提起诉讼（《民事诉讼法》第二百零六条）。',
      messageEn:
        'The court refused to confirm. The parties may amend the agreement or reach a new one by mediation, or sue (Civil Procedure Law art. 206).',
    });
  },

  reopen_mediation(next, p, c) {
    if (!p.workerConsents || !p.employerConsents) {
      return fail('consent_missing', '重新调解须经双方当事人同意。', 'Mediating again needs both parties’ consent.');
    }
    next.signatures = { worker: false, employer: false, mediator: false };
    next.signedTerms = {};
    next.agreementEffectiveOn = undefined;
    next.confirmationAppliedOn = undefined;
    next.confirmationCourt = undefined;
    next.confirmationRefusedOn = undefined;
    next.refusalGround = undefined;
    next.mediationRestartedOn = c.today;
    next.mediationStartedOn = c.today;
    next.extensionDays = 0;
    next.remediationCount += 1;
    moveTo(next, 'mediating', c.effects);
    c.effects.push({ type: 'clock_started', clock: 'mediation', on: c.today, dueOn: mediationDueOn(next) });
  },

  record_payment(next, p, c) {
    if (p.paidOn > c.today || (next.agreementEffectiveOn && p.paidOn < next.agreementEffectiveOn)) {
      return fail(
        'date_out_of_range',
        '付款日期须在协议生效之后、且不晚于今天。',
        'The payment date must be on or after the agreement date and not in the future.',
      );
    }
    const total = agreementTotalFen(next.agreement);
    if (next.paidFen + p.amountFen > total) {
      return fail(
        'payment_exceeds_agreement',
        '登记的付款超过协议约定的金额，请核对。',
        'The payments would exceed the agreed amount; please check.',
      );
    }
    next.paidFen += p.amountFen;
    next.lastPaidOn = next.lastPaidOn && next.lastPaidOn > p.paidOn ? next.lastPaidOn : p.paidOn;
    if (next.paidFen === total) {
      c.effects.push({
        type: 'notify',
        audience: ['worker', 'mediator'],
        message: '协议款项已全部登记到账，请职工确认后标记履行完毕。',
        messageEn: 'All agreed money is recorded as paid; once the worker confirms, mark the case performed.',
      });
    }
  },

  mark_performed(next, p, c) {
    if (next.paidFen < agreementTotalFen(next.agreement)) {
      return fail(
        'not_paid_in_full',
        '协议款项尚未全部支付，不能标记履行完毕。',
        'The agreed amount has not been paid in full.',
      );
    }
    if (!p.workerConfirmed) {
      return fail(
        'worker_confirmation_required',
        '须职工确认已收到全部款项。',
        'The worker must confirm having received everything.',
      );
    }
    next.performedOn = c.today;
    moveTo(next, 'performed', c.effects);
    c.effects.push({ type: 'clock_met', clock: 'performance', on: c.today });
  },

  apply_enforcement(next, _p, c) {
    if (amountOverdueFen(next, c.today) <= 0) {
      return fail(
        'no_default_yet',
        '尚无到期未付的款项，暂不能申请强制执行。',
        'No agreed payment is overdue yet, so enforcement cannot be applied for.',
      );
    }
    const start = enforcementStartsOn(
      next.rulingIssuedOn!,
      next.agreement?.installments.map((i) => i.dueOn),
    );
    const due = enforcementDueOn(start, c.calendar);
    if (c.today > due) {
      c.effects.push({
        type: 'warning',
        code: 'enforcement_period_passed',
        message: `申请执行期间（二年）已于 ${due} 届满（《民事诉讼法》第二百五十条）。法院仍会受理，但被执行人可以提出时效异议；如有中止、中断事由请一并提供。`,
        messageEn: `The 2-year enforcement period ran out on ${due} (Civil Procedure Law art. 250). The court will still accept the application, but the debtor may object; supply any grounds for suspension or interruption.`,
      });
    }
    next.enforcementAppliedOn = c.today;
    moveTo(next, 'enforcement_applied', c.effects);
    c.effects.push({ type: 'clock_met', clock: 'enforcement', on: c.today });
  },

  apply_payment_order(next, _p, c) {
    const claims = next.agreement?.claimTypes ?? [];
    const bad = claims.filter((t) => !PAYMENT_ORDER_CLAIM_TYPES.includes(t));
    if (claims.length === 0 || bad.length > 0) {
      return fail(
        'claims_not_eligible',
        '支付令只适用于支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金的调解协议（《劳动争议调解仲裁法》第十六条）。',
        'A payment order is only for agreements to pay wages, work-injury medical costs, severance or damages (LDMAL art. 16).',
      );
    }
    if (amountOverdueFen(next, c.today) <= 0) {
      return fail(
        'no_default_yet',
        '用人单位在协议约定期限内尚未违约，暂不能申请支付令。',
        'The employer is not yet in default under the agreement, so a payment order cannot be sought.',
      );
    }
    next.paymentOrderAppliedOn = c.today;
    moveTo(next, 'payment_order_applied', c.effects);
  },

  close_failed(next, p, c) {
    const allowed = CLOSE_REASONS_BY_STAGE[next.stage] ?? [];
    const label = CLOSE_REASON_LABELS[p.reason];
    if (!allowed.includes(p.reason)) {
      return fail(
        'reason_not_allowed',
        `当前阶段不能以“${label.zh}”终止。`,
        `The case cannot be closed as “${label.en}” at this stage.`,
      );
    }
    if (c.role === 'worker' && p.reason !== 'withdrawn') {
      return fail('forbidden_role', '职工本人只能撤回申请。', 'A worker can only withdraw the application.');
    }
    if (c.role === 'system_admin' && p.reason !== 'deadline_passed') {
      return fail(
        'forbidden_role',
        '系统只能在调解期限届满时自动终止案件。',
        'The system may only close cases whose mediation period ran out.',
      );
    }
    if (p.reason === 'deadline_passed' && !mediationExpired(next, c.today)) {
      return fail(
        'deadline_not_passed',
        `调解期限至 ${mediationDueOn(next)} 才届满。`,
        `The mediation period runs until ${mediationDueOn(next)}.`,
      );
    }
    if (p.reason === 'agreement_not_performed' && amountOverdueFen(next, c.today) <= 0) {
      return fail(
        'no_default_yet',
        '协议约定的履行期限尚未届满或款项已付清。',
        'Nothing under the agreement is overdue.',
      );
    }
    if (p.reason !== 'withdrawn' && !p.referral) {
      return fail(
        'referral_required',
        '终止调解时须选择转立案或转仲裁。',
        'Choose a referral (court filing or arbitration).',
      );
    }
    if (p.reason === 'confirmation_refused' && p.referral !== 'lawsuit') {
      return fail(
        'referral_must_be_lawsuit',
        '法院驳回确认申请后，不再调解的，可以向人民法院提起诉讼（《民事诉讼法》第二百零六条）。',
        'After a refused confirmation the way forward, other than mediating again, is a lawsuit (Civil Procedure Law art. 206).',
      );
    }
    if (
      p.referral === 'lawsuit' &&
      p.reason !== 'confirmation_refused' &&
      (next.kind === 'union_mediation' || next.kind === 'court_pre_filing')
    ) {
      c.effects.push({
        type: 'warning',
        code: 'arbitration_first',
        message:
          '劳动争议一般须先申请劳动仲裁，对裁决不服的再向法院起诉（《劳动争议调解仲裁法》第五条）；仅凭工资欠条主张欠薪等情形可直接起诉。请核实。',
        messageEn:
          'Labor disputes normally go to arbitration before court (LDMAL art. 5); a claim resting only on a wage IOU may go straight to court. Please check.',
      });
    }
    next.closure = { reason: p.reason, referral: p.referral, closedOn: c.today, fromStage: next.stage };
    moveTo(next, 'closed_failed', c.effects);
    if (p.referral) {
      c.effects.push({ type: 'referral', referral: p.referral, carryOverFile: true });
      c.effects.push({ type: 'document', document: 'referral_letter' });
    }
  },
};
