/** Judicial confirmation: the joint application and the court's ruling or refusal. */
import type { CaseState } from '../../../../../contracts/disputes/case-state.js';
import {
  confirmationDueOn,
  COURT_DECISION_DAYS,
  enforcementDueOn,
  enforcementStartsOn,
  isCourtSent,
} from '../clocks.js';
import { addDays } from '../dates.js';
import { fail, moveTo, type HandlerCtx, type TransitionError } from './kit.js';
import type { ActionPayload } from './payloads.js';

export function applyConfirmation(
  next: CaseState,
  p: ActionPayload<'apply_confirmation'>,
  c: HandlerCtx,
): TransitionError | void {
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
}

export function issueRuling(next: CaseState, _p: ActionPayload<'issue_ruling'>, c: HandlerCtx): TransitionError | void {
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
}

export function refuseConfirmation(
  next: CaseState,
  p: ActionPayload<'refuse_confirmation'>,
  c: HandlerCtx,
): TransitionError | void {
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
}
