/** Mediation: starting it, extending its clock, and mediating again after a refused confirmation. */
import type { CaseState } from '../../../../../contracts/disputes/case-state.js';
import { isCourtSent, MEDIATION_EXTENSION_DAYS, mediationDueOn } from '../clocks.js';
import { fail, moveTo, type HandlerCtx, type TransitionError } from './kit.js';
import type { ActionPayload } from './payloads.js';

export function startMediation(
  next: CaseState,
  p: ActionPayload<'start_mediation'>,
  c: HandlerCtx,
): TransitionError | void {
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
}

export function extendMediation(
  next: CaseState,
  p: ActionPayload<'extend_mediation'>,
  c: HandlerCtx,
): TransitionError | void {
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
}

export function reopenMediation(
  next: CaseState,
  p: ActionPayload<'reopen_mediation'>,
  c: HandlerCtx,
): TransitionError | void {
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
}
