/**
 * The case workflow as a pure state machine: `transition(state, action, payload, now, ctx)`
 * checks the stage, the actor's role, the payload and the statutory guards, and returns
 * either the next state with its effects or a refusal with a Chinese and an English message.
 * No database, no clock reads: `now` is injected and read as a China calendar date.
 *
 * Each action is one row of `ACTION_RULES` below: its stages and roles come from
 * contracts/disputes/actions.ts (shared with the web), its payload schema from
 * actions/payloads.ts, its handler from the actions/ file of its phase.
 */
import {
  ACTION_CODES,
  ACTION_INFO,
  isActionCode,
  type ActionCode,
  type ActionInfo,
} from '../../../../contracts/disputes/actions.js';
import type { CaseState } from '../../../../contracts/disputes/case-state.js';
import type { Role } from '../../../../contracts/roles.js';
import {
  amendAgreement,
  applyConfirmation,
  issueRuling,
  recordMediationDocument,
  recordWithdrawal,
  refuseConfirmation,
  submitAgreementToCourt,
} from './actions/court.js';
import { closeFailed } from './actions/closing.js';
import { contactEmployer, recordConsent, recordEmployerAnswer, startConsultation } from './actions/intake.js';
import { defineAction, fail, issueTextEn, type ActionRule, type Effect, type TransitionError } from './actions/kit.js';
import { confirmationMaterialsRefusal } from './actions/confirmation-materials.js';
import { continueMediation, extendMediation, reopenMediation, startMediation } from './actions/mediation.js';
import { recordPartySignature, setAgreementTerms, signAgreement } from './actions/agreement.js';
import { PAYLOADS } from './actions/payloads.js';
import { applyEnforcement, applyPaymentOrder, markPerformed, recordPayment } from './actions/performance.js';
import { lastEventOn } from './case-figures.js';
import { isCourtSent, MEDIATION_PERIODS, mediationDueOn, mediationExpired, type CaseKind } from './clocks.js';
import { isIsoDate, toChinaDate, type IsoDate } from './dates.js';
import { PRE_AGREEMENT_OPEN_STAGES, STAGE_BY_CODE, type Stage } from './stages.js';
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

export type { ActionPayload } from './actions/payloads.js';
export type { DocumentKind, Effect, TransitionError, TransitionErrorCode } from './actions/kit.js';
export { agreementTotalFen, amountOverdueFen, canonicalTerms, clockFactsOf, lastEventOn } from './case-figures.js';
export { enforceableTitleOn } from './actions/court.js';
export { REMUNERATION_CLAIM_TYPES } from './actions/closing.js';

// ---------------------------------------------------------------------------
// The action table

const always = (): boolean => true;

/** Every action: its payload schema, its handler, and whether it survives the mediation deadline. */
const ACTION_RULES: Readonly<Record<ActionCode, ActionRule>> = {
  start_consultation: defineAction({ payload: PAYLOADS.start_consultation, handler: startConsultation }),
  record_consent: defineAction({ payload: PAYLOADS.record_consent, handler: recordConsent }),
  contact_employer: defineAction({ payload: PAYLOADS.contact_employer, handler: contactEmployer }),
  record_employer_answer: defineAction({ payload: PAYLOADS.record_employer_answer, handler: recordEmployerAnswer }),
  start_mediation: defineAction({ payload: PAYLOADS.start_mediation, handler: startMediation }),
  // An extension must be agreed before the period runs out (在线调解规则第二十五条), so the lock refuses it after.
  extend_mediation: defineAction({ payload: PAYLOADS.extend_mediation, handler: extendMediation }),
  // Union mediation: going on past the 15 days by both parties' agreement (劳动争议调解仲裁法第十四条).
  continue_mediation: defineAction({
    payload: PAYLOADS.continue_mediation,
    handler: continueMediation,
    afterMediationDeadline: always,
  }),
  set_agreement_terms: defineAction({ payload: PAYLOADS.set_agreement_terms, handler: setAgreementTerms }),
  // An agreement reached in time may still be signed after the clock ran out.
  sign_agreement: defineAction({
    payload: PAYLOADS.sign_agreement,
    handler: signAgreement,
    afterMediationDeadline: always,
  }),
  record_party_signature: defineAction({ payload: PAYLOADS.record_party_signature, handler: recordPartySignature }),
  // The court's checks first, then the proof of mediation and the complete agreement (民诉法解释第三百五十四条).
  apply_confirmation: defineAction({
    payload: PAYLOADS.apply_confirmation,
    handler: (next, p, c) => applyConfirmation(next, p, c) ?? confirmationMaterialsRefusal(next, p),
  }),
  issue_ruling: defineAction({ payload: PAYLOADS.issue_ruling, handler: issueRuling }),
  refuse_confirmation: defineAction({ payload: PAYLOADS.refuse_confirmation, handler: refuseConfirmation }),
  reopen_mediation: defineAction({ payload: PAYLOADS.reopen_mediation, handler: reopenMediation }),
  record_payment: defineAction({ payload: PAYLOADS.record_payment, handler: recordPayment }),
  mark_performed: defineAction({ payload: PAYLOADS.mark_performed, handler: markPerformed }),
  apply_enforcement: defineAction({ payload: PAYLOADS.apply_enforcement, handler: applyEnforcement }),
  apply_payment_order: defineAction({ payload: PAYLOADS.apply_payment_order, handler: applyPaymentOrder }),
  close_failed: defineAction({
    payload: PAYLOADS.close_failed,
    handler: closeFailed,
    afterMediationDeadline: (p) => p.reason === 'deadline_passed',
  }),
  amend_agreement: defineAction({ payload: PAYLOADS.amend_agreement, handler: amendAgreement }),
  submit_agreement_to_court: defineAction({
    payload: PAYLOADS.submit_agreement_to_court,
    handler: submitAgreementToCourt,
  }),
  record_mediation_document: defineAction({
    payload: PAYLOADS.record_mediation_document,
    handler: recordMediationDocument,
  }),
  record_withdrawal: defineAction({ payload: PAYLOADS.record_withdrawal, handler: recordWithdrawal }),
};

/** An action's metadata (contracts/disputes/actions.ts) with the schema of its payload. */
export interface ActionDef extends ActionInfo {
  payload: ActionRule['payload'];
}

export const ACTIONS: Readonly<Record<ActionCode, ActionDef>> = Object.fromEntries(
  ACTION_CODES.map((code): [ActionCode, ActionDef] => [
    code,
    { ...ACTION_INFO[code], payload: ACTION_RULES[code].payload },
  ]),
) as Record<ActionCode, ActionDef>;

/** While the mediation clock has run out, only these actions are accepted. */
export const ACTIONS_AFTER_MEDIATION_DEADLINE: readonly ActionCode[] = [
  'close_failed',
  'continue_mediation',
  'sign_agreement',
  'record_party_signature',
];

// ---------------------------------------------------------------------------
// Results

export interface TransitionOk {
  ok: true;
  from: Stage;
  to: Stage;
  effects: Effect[];
  state: CaseState;
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

let defaultCalendar: WorkingCalendar | undefined;
function calendarOf(ctx: TransitionContext): WorkingCalendar {
  if (ctx.calendar) return ctx.calendar;
  defaultCalendar ??= createCalendar();
  return defaultCalendar;
}

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
  const prepared = ACTION_RULES[action].prepare(payload ?? {});
  if (!prepared.ok) {
    const where = (i: { path: PropertyKey[] }) => i.path.map(String).join('.') || '(payload)';
    const detail = prepared.issues.map((i) => `${where(i)}: ${i.message}`).join('; ');
    const detailEn = prepared.issues.map((i) => `${where(i)}: ${issueTextEn(i)}`).join('; ');
    return fail('invalid_payload', `提交的信息不完整或有误：${detail}`, `Invalid input: ${detailEn}`);
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
    if (!prepared.allowedAfterMediationDeadline) {
      const due = mediationDueOn(state);
      return isCourtSent(state.kind)
        ? fail(
            'mediation_deadline_passed',
            `调解期限已于 ${due} 届满，期满后不能再延长（《人民法院在线调解规则》第二十五条），只能以“调解期限届满”终止并分流，或签署已谈妥的协议。`,
            `The mediation period ran out on ${due} and can no longer be extended (Online Mediation Rules of the People’s Courts (在线调解规则) art. 25): the case can only be closed as “deadline passed” or have an agreed settlement signed.`,
          )
        : fail(
            'mediation_deadline_passed',
            `调解期限（十五日）已于 ${due} 届满，当事人可以申请仲裁。只能以“调解期限届满”终止并分流、记录双方同意继续调解，或签署已谈妥的协议。`,
            `The 15 days of mediation ran out on ${due}; a party may apply for arbitration. The case can only be closed as “deadline passed”, have both parties’ agreement to continue recorded, or have an agreed settlement signed.`,
          );
    }
  }

  const next = structuredClone(state);
  const effects: Effect[] = [];
  const r = prepared.run(next, {
    today,
    calendar,
    role: ctx.role,
    effects,
    hashTerms: ctx.hashTerms,
  });
  if (r) return r;
  return { ok: true, from: state.stage, to: next.stage, effects, state: next };
}
