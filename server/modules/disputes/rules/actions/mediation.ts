/** Mediation: starting it, extending its clock, going on past it, and mediating again after a refused confirmation. */
import type { CaseState } from '../../../../../contracts/disputes/case-state.js';
import { isCourtSent, MEDIATION_PERIODS, mediationDueOn, mediationPeriodOver } from '../clocks.js';
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
  // Who conducts it decides whether the agreement needs the organisation's seal (特邀调解规定第二十四条
  // 第二款). Union mediation is always the union's mediation organisation (劳动争议调解仲裁法第十四条).
  if (p.mediatedBy) {
    if (!isCourtSent(next.kind) && p.mediatedBy !== 'organisation') {
      return fail(
        'invalid_payload',
        '工会劳动争议调解由调解组织主持（mediatedBy 只能为 organisation）。',
        'Union mediation is conducted by the mediation organisation (mediatedBy must be organisation).',
      );
    }
    next.mediatedBy = p.mediatedBy;
  }
  moveTo(next, 'mediating', c.effects);
}

/**
 * Extending a court-referred mediation, with both parties' consent and before the period runs out
 * (人民法院在线调解规则第二十五条第（六）项: a period that runs out without agreement ends the mediation;
 * the mediation-clock lock refuses an extension after it). Pre-filing (委派): by the days the
 * parties agree, as often as they agree (特邀调解规定第二十七条第一款: 双方当事人同意延长的，不受此限;
 * 在线调解规则第二十四条). Post-filing (委托): once, by 30 days (最高法2025年意见第三条).
 */
export function extendMediation(
  next: CaseState,
  p: ActionPayload<'extend_mediation'>,
  c: HandlerCtx,
): TransitionError | void {
  const rule = MEDIATION_PERIODS[next.kind].extension;
  if (rule.kind === 'none') {
    return fail(
      'not_court_sent',
      '工会调解的十五日不是可以延长的期限（《劳动争议调解仲裁法》第十四条）。双方都愿意继续调解的，请记录“双方同意继续调解”；职工可以随时申请仲裁。',
      'The 15 days of union mediation cannot be extended (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 14). If both parties want to go on, record their agreement to continue mediating; the worker may apply for arbitration at any time.',
    );
  }
  if (!p.workerConsents || !p.employerConsents) {
    return fail(
      'consent_missing',
      '延长调解期限须经双方当事人同意。',
      'Extending the mediation period needs both parties’ consent.',
    );
  }
  // The lock refuses this too; kept here so that the handler holds the rule on its own.
  if (mediationPeriodOver(next, c.today)) {
    const due = mediationDueOn(next);
    return fail(
      'mediation_deadline_passed',
      `调解期限已于 ${due} 届满，期满后不能再延长；延长须在期限届满前经双方同意（《人民法院在线调解规则》第二十五条）。`,
      `The mediation period ran out on ${due}; an extension must be agreed before it runs out (Online Mediation Rules of the People’s Courts (在线调解规则) art. 25).`,
    );
  }
  if (rule.kind === 'fixed') {
    if (next.extensionDays > 0) {
      return fail(
        'extension_used',
        '立案后委托调解的期限已延长过一次，不能再延长。',
        'The mediation period of a filed case has already been extended once.',
      );
    }
    if (p.days !== undefined && p.days !== rule.days) {
      return fail(
        'extension_days_invalid',
        `立案后委托调解经双方同意可延长 ${rule.days} 日（days 须为 ${rule.days}）。`,
        `A filed case’s mediation may be extended by ${rule.days} days with both parties’ consent (days must be ${rule.days}).`,
      );
    }
    next.extensionDays = rule.days;
  } else {
    if (p.days === undefined) {
      return fail(
        'extension_days_invalid',
        '请填写双方当事人同意延长的天数（days）。',
        'Enter the number of days both parties agreed to extend by (days).',
      );
    }
    next.extensionDays += p.days;
  }
  const dueOn = mediationDueOn(next);
  c.effects.push({ type: 'clock_extended', clock: 'mediation', dueOn });
}

/**
 * Union mediation past its 15 days (劳动争议调解仲裁法第十四条第三款: 自劳动争议调解组织收到调解申请
 * 之日起十五日内未达成调解协议的，当事人可以依法申请仲裁). The law gives the worker a right, it does not
 * end the mediation: when both parties want to go on, the agreement is recorded (not an extension
 * of any period), the mediation-clock lock no longer applies, and the worker is told, on the case
 * and by message, that arbitration is open to them at any time. It may be recorded before the 15
 * days are over, taking effect when they are.
 */
export function continueMediation(
  next: CaseState,
  p: ActionPayload<'continue_mediation'>,
  c: HandlerCtx,
): TransitionError | void {
  if (isCourtSent(next.kind)) {
    return fail(
      'not_union_mediation',
      '法院委派、委托的调解不能“继续调解”；须在期限届满前经双方同意延长。',
      'Court-referred mediation cannot simply continue; extend it, with both parties’ consent, before it runs out.',
    );
  }
  if (next.mediationContinuedOn) {
    return fail(
      'already_recorded',
      `双方同意继续调解已于 ${next.mediationContinuedOn} 记录。`,
      `The agreement to continue was recorded on ${next.mediationContinuedOn}.`,
    );
  }
  if (!p.workerConsents || !p.employerConsents) {
    return fail(
      'consent_missing',
      '十五日后继续调解须双方当事人都同意。',
      'Mediating on past the 15 days needs both parties’ agreement.',
    );
  }
  next.mediationContinuedOn = c.today;
  const due = mediationDueOn(next);
  const over = mediationPeriodOver(next, c.today);
  const message = over
    ? `调解已超过十五日（${due} 届满）。双方同意继续调解，但这不是延长期限：您可以随时依法申请劳动争议仲裁（《劳动争议调解仲裁法》第十四条），请留意仲裁时效。`
    : `双方同意在十五日期限（${due} 届满）后继续调解。期限届满后，您可以随时依法申请劳动争议仲裁（《劳动争议调解仲裁法》第十四条），请留意仲裁时效。`;
  const messageEn = over
    ? `Mediation has passed its 15 days (they ended on ${due}). Both parties agreed to go on, but this extends nothing: you may apply for labor arbitration at any time (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 14); mind the arbitration time limit.`
    : `Both parties agreed to go on mediating after the 15 days end on ${due}. From then on you may apply for labor arbitration at any time (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 14); mind the arbitration time limit.`;
  c.effects.push({ type: 'warning', code: 'arbitration_open', message, messageEn });
  c.effects.push({ type: 'notify', audience: ['worker'], message, messageEn });
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
  next.mediationContinuedOn = undefined;
  next.remediationCount += 1;
  moveTo(next, 'mediating', c.effects);
  c.effects.push({ type: 'clock_started', clock: 'mediation', on: c.today, dueOn: mediationDueOn(next) });
}
