import { actionFitsKind } from '../../../contracts/disputes/actions.js';
import type { CaseState } from '../../../contracts/disputes/case-state.js';
import {
  CONFIRMATION_COURTS,
  COURT_OUTCOME_REQUESTS,
  REFUSAL_GROUNDS,
} from '../../../contracts/disputes/confirmation.js';
import { CLOSE_REASONS } from '../../../contracts/disputes/stages.js';
import type { Actor } from '../../core/context.js';
import { sha256Hex } from '../../core/crypto.js';
import { roleFor } from './access.js';
import { ACTIONS_WHILE_HELD, isIdentityHeld } from './identity-hold.js';
import type { disputeCases } from './tables.js';
import { ACTION_CODES, transition, type ActionCode, type TransitionErrorCode } from './rules/state-machine.js';
import { toChinaDate } from './rules/dates.js';
import type { WorkingCalendar } from './rules/working-days.js';

// What a person is offered on a case: every action the state machine would accept now from
// someone in their role, asked of the machine itself with a dry run, not guessed from the stage.

type CaseRow = typeof disputeCases.$inferSelect;

/**
 * Refusals that depend on what the person fills in (an amount, a court, a reason, the materials)
 * rather than on the case: an action refused only for these is still offered, and the form says
 * what is wrong when it is sent. Any other refusal (nothing overdue, not paid in full, that party
 * already signed or consented, wrong stage…) means the action cannot be taken now.
 */
const REFUSED_FOR_INPUT: ReadonlySet<TransitionErrorCode> = new Set<TransitionErrorCode>([
  'invalid_payload',
  'now_before_last_event',
  'extension_days_invalid',
  'payment_order_part_required',
  'amount_exceeds_overdue',
  'terms_changed',
  'terms_below_paid',
  'terms_unchanged',
  'seal_required',
  'joint_application_required',
  'materials_incomplete',
  'wrong_court',
  'date_out_of_range',
  'worker_confirmation_required',
  'reason_not_allowed',
  'referral_required',
  'referral_must_be_lawsuit',
  'court_dates_out_of_order',
  'direct_suit_not_allowed',
]);

/**
 * The payloads an action is tried with: the most a person could offer (both parties consenting,
 * all materials, one fen paid today, the terms as they stand), one per party where the party is
 * the payload's choice, so "the employer has signed" still offers the worker's signature.
 */
function probesOf(code: ActionCode, s: CaseState, today: string): unknown[] {
  const both = { workerConsents: true, employerConsents: true };
  const hash = s.agreementHash ?? '0'.repeat(64);
  const terms = s.agreement ?? { installments: [{ dueOn: today, amountFen: 1 }], claimTypes: ['wage_arrears'] };
  switch (code) {
    case 'start_consultation':
    case 'issue_ruling':
    case 'apply_enforcement':
    case 'apply_payment_order':
      return [{}];
    case 'record_consent':
      return [{ party: 'worker' }, { party: 'employer' }];
    case 'contact_employer':
      return [{ channel: 'phone', reached: true }];
    case 'record_employer_answer':
      return [{ answer: 'accept' }];
    case 'start_mediation':
      return [{ mode: 'in_person' }];
    case 'extend_mediation':
      return [both];
    case 'continue_mediation':
    case 'reopen_mediation':
      return [both];
    case 'set_agreement_terms':
      return [{ terms }];
    case 'amend_agreement':
      return [{ terms, ...both }];
    case 'sign_agreement':
      return (['worker', 'employer', 'mediator'] as const).map((signer) => ({
        signer,
        termsHash: hash,
        sealApplied: true,
      }));
    case 'record_party_signature':
      return (['worker', 'employer'] as const).map((signer) => ({ signer, termsHash: hash, method: 'paper' }));
    case 'apply_confirmation':
      return [
        {
          applicants: ['worker', 'employer'],
          materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
          court: s.confirmationCourt ?? CONFIRMATION_COURTS[0],
        },
      ];
    case 'refuse_confirmation':
      return [{ ground: REFUSAL_GROUNDS[0] }];
    case 'record_payment':
      return [{ amountFen: 1, paidOn: today }];
    case 'mark_performed':
      return [{ workerConfirmed: true }];
    case 'close_failed':
      return CLOSE_REASONS.map((reason) => ({ reason }));
    case 'submit_agreement_to_court':
      return COURT_OUTCOME_REQUESTS.map((requested) => ({ requested }));
    case 'record_mediation_document':
      return [{ documentNo: '-', issuedOn: today, servedOn: { worker: today, employer: today } }];
    case 'record_withdrawal':
      return [{ rulingNo: '-', ruledOn: today }];
  }
}

/** Would the state machine take `code` from this actor now, with some payload a person could send? */
function accepted(code: ActionCode, state: CaseState, actor: Actor, now: Date, calendar: WorkingCalendar): boolean {
  const role = roleFor(actor, code);
  if (!role) return false;
  return probesOf(code, state, toChinaDate(now)).some((payload) => {
    const r = transition(state, code, payload, now, { role, calendar, hashTerms: sha256Hex });
    return r.ok || REFUSED_FOR_INPUT.has(r.code);
  });
}

/** The actions this actor is offered on the case now (a historic case, kept without its state, offers none). */
export function availableActions(actor: Actor, row: CaseRow, now: Date, calendar: WorkingCalendar): ActionCode[] {
  const state = row.record.state;
  if (!state) return [];
  const held = isIdentityHeld(row.facts);
  return ACTION_CODES.filter(
    (code) =>
      (!held || ACTIONS_WHILE_HELD.has(code)) &&
      actionFitsKind(code, row.kind) &&
      accepted(code, state, actor, now, calendar),
  );
}
