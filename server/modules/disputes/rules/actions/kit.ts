/**
 * What every action handler shares: the effects and refusals it may return, the context it is
 * given, and `defineAction`, which ties a payload schema to its handler so the handler receives
 * exactly the type the schema parses (no cast between the two).
 */
import { z } from 'zod';
import type { CaseState, Party, Signer } from '../../../../../contracts/disputes/case-state.js';
import type { Role } from '../../../../../contracts/roles.js';
import type { ClockCode } from '../clocks.js';
import type { IsoDate } from '../dates.js';
import type { Referral, Stage } from '../stages.js';
import type { WorkingCalendar } from '../working-days.js';

export type DocumentKind =
  | 'negotiation_proposal'
  | 'mediation_agreement'
  | 'confirmation_application'
  | 'civil_ruling'
  | 'referral_letter'
  | 'agreement_submission';

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
  | 'extension_days_invalid'
  | 'not_union_mediation'
  | 'payment_order_part_required'
  | 'amount_exceeds_overdue'
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
  | 'referral_must_be_lawsuit'
  | 'confirmation_not_for_post_filing'
  | 'not_post_filing'
  | 'court_dates_out_of_order'
  | 'direct_suit_not_allowed'
  | 'terms_unchanged';

export interface TransitionError {
  ok: false;
  code: TransitionErrorCode;
  message: string;
  messageEn: string;
  /** The payload field the refusal is about, when it is one (the answer's `field`). */
  field?: string;
}

export function fail(code: TransitionErrorCode, message: string, messageEn: string, field?: string): TransitionError {
  return field ? { ok: false, code, message, messageEn, field } : { ok: false, code, message, messageEn };
}

/** What a handler is given besides the case copy it changes and its parsed payload. */
export interface HandlerCtx {
  today: IsoDate;
  calendar: WorkingCalendar;
  role: Role;
  effects: Effect[];
  hashTerms?: (canonical: string) => string;
}

/** Changes `next` in place and pushes effects, or returns a refusal (then `next` is dropped). */
export type Handler<P> = (next: CaseState, payload: P, c: HandlerCtx) => TransitionError | void;

export function moveTo(next: CaseState, to: Stage, effects: Effect[]): void {
  if (next.stage !== to) {
    effects.push({ type: 'stage_changed', from: next.stage, to });
    next.stage = to;
    next.visited.push(to);
  }
}

export const ROLE_SIGNER: Partial<Record<Role, Signer>> = {
  worker: 'worker',
  employer_agent: 'employer',
  mediator: 'mediator',
};
export const ROLE_PARTY: Partial<Record<Role, Party>> = { worker: 'worker', employer_agent: 'employer' };
export const PARTY_ZH: Record<Signer, string> = { worker: '职工', employer: '用人单位', mediator: '调解员' };

/** A payload that passed its schema, with the handler bound to it. */
export interface PreparedAction {
  ok: true;
  run: (next: CaseState, c: HandlerCtx) => TransitionError | void;
  /** Whether this payload may still be acted on once the mediation clock has run out. */
  allowedAfterMediationDeadline: boolean;
}

export interface RejectedPayload {
  ok: false;
  issues: z.core.$ZodIssue[];
}

const englishLocale = z.locales.en();

/**
 * What is wrong with a payload field, in English: the English half of a bilingual message
 * ("日期无效 / invalid date"), a message already in English, or zod's English text for the issue
 * (the app's zod speaks Chinese, so its own messages are not).
 */
export function issueTextEn(issue: z.core.$ZodIssue): string {
  const bilingual = / \/ ([^/]+)$/.exec(issue.message);
  if (bilingual) return bilingual[1]!;
  if (!/\p{Script=Han}/u.test(issue.message)) return issue.message;
  try {
    const out = englishLocale.localeError(issue as never);
    return typeof out === 'string' ? out : (out?.message ?? 'invalid value');
  } catch {
    return 'invalid value';
  }
}

export interface ActionRule {
  payload: z.ZodType;
  prepare: (raw: unknown) => PreparedAction | RejectedPayload;
}

export interface ActionSpec<S extends z.ZodType> {
  payload: S;
  handler: Handler<z.infer<S>>;
  /** Left out: the action is refused while the mediation clock has run out. */
  afterMediationDeadline?: (payload: z.infer<S>) => boolean;
}

/**
 * One row of the action table. Generic in the schema, so a handler whose payload type differs
 * from what its schema parses does not compile; the parsed value stays inside the closure.
 */
export function defineAction<S extends z.ZodType>(spec: ActionSpec<S>): ActionRule {
  return {
    payload: spec.payload,
    prepare(raw) {
      const parsed = spec.payload.safeParse(raw);
      if (!parsed.success) return { ok: false, issues: parsed.error.issues };
      const data = parsed.data;
      return {
        ok: true,
        run: (next, c) => spec.handler(next, data, c),
        allowedAfterMediationDeadline: spec.afterMediationDeadline?.(data) ?? false,
      };
    },
  };
}
