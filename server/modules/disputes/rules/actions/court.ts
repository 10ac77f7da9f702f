/**
 * The court's side of an agreement. Judicial confirmation (the joint application and the court's
 * ruling or refusal) for union and pre-filing cases; for post-filing cases (委托调解) the
 * agreement's submission to the court and the court's mediation document or withdrawal ruling
 * (最高人民法院关于人民法院特邀调解的规定第二十条). After a refused confirmation, the amendment of
 * the agreement (民事诉讼法第二百零六条).
 */
import type { CaseState } from '../../../../../contracts/disputes/case-state.js';
import { isPostFiling } from '../../../../../contracts/disputes/confirmation.js';
import {
  confirmationDueOn,
  COURT_DECISION_DAYS,
  enforcementDueOn,
  enforcementStartsOn,
  isCourtSent,
} from '../clocks.js';
import { addDays, maxDate, type IsoDate } from '../dates.js';
import { setAgreementTerms } from './agreement.js';
import { fail, moveTo, type HandlerCtx, type TransitionError } from './kit.js';
import { reopenMediation } from './mediation.js';
import type { ActionPayload } from './payloads.js';

/**
 * The day the case's enforceable title took effect: the confirmation ruling (民事诉讼法第二百零六条)
 * or the court's mediation document once served on both parties (第一百条第三款). Enforcement and
 * its 2-year period run from it alike (第二百四十七条、第二百五十条).
 */
export function enforceableTitleOn(s: CaseState): IsoDate | undefined {
  return s.rulingIssuedOn ?? s.mediationDocument?.effectiveOn;
}

export function applyConfirmation(
  next: CaseState,
  p: ActionPayload<'apply_confirmation'>,
  c: HandlerCtx,
): TransitionError | void {
  if (isPostFiling(next.kind)) {
    return fail(
      'confirmation_not_for_post_filing',
      '本案是法院立案后委托调解的案件，达成的调解协议应提交法院，由法院审查后制作调解书或依当事人申请裁定准许撤诉，不适用司法确认（《最高人民法院关于人民法院特邀调解的规定》第二十条；《民事诉讼法》第二百零五条适用于诉讼外调解协议）。请使用“向法院提交调解协议”。',
      'This case was referred by the court after the suit was filed (entrusted mediation): the agreement goes to the court, which reviews it and makes a mediation document, or allows the suit to be withdrawn if the parties ask. Judicial confirmation is for agreements reached outside a lawsuit (SPC Provisions on Specially Invited Mediation (特邀调解规定) art. 20; Civil Procedure Law (民事诉讼法) art. 205). Use “Submit the agreement to the court”.',
    );
  }
  const due = confirmationDueOn(next.agreementEffectiveOn!, c.calendar);
  if (c.today > due) {
    return fail(
      'confirmation_window_closed',
      `申请司法确认须在调解协议生效之日起三十日内提出，已于 ${due} 届满（《民事诉讼法》第二百零五条）。`,
      `Judicial confirmation must be applied for within 30 days of the agreement taking effect; that ran out on ${due} (Civil Procedure Law (民事诉讼法) art. 205).`,
    );
  }
  if (!(p.applicants.includes('worker') && p.applicants.includes('employer'))) {
    return fail(
      'joint_application_required',
      '司法确认须由双方当事人共同申请（《民事诉讼法》第二百零五条）。',
      'Judicial confirmation must be applied for jointly by both parties (Civil Procedure Law (民事诉讼法) art. 205).',
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

/**
 * The two years to apply for enforcement (民事诉讼法第二百五十条) of a title that took effect on
 * `effectiveOn`: from the agreement's last day of performance, not before the title took effect.
 */
function startEnforcementClock(next: CaseState, effectiveOn: string, c: HandlerCtx) {
  const start = enforcementStartsOn(
    effectiveOn,
    next.agreement?.installments.map((i) => i.dueOn),
  );
  c.effects.push({
    type: 'clock_started',
    clock: 'enforcement',
    on: start,
    dueOn: enforcementDueOn(start, c.calendar),
  });
}

export function issueRuling(next: CaseState, _p: ActionPayload<'issue_ruling'>, c: HandlerCtx): TransitionError | void {
  next.rulingIssuedOn = c.today;
  moveTo(next, 'ruling_issued', c.effects);
  c.effects.push({ type: 'clock_met', clock: 'court_decision', on: c.today });
  c.effects.push({ type: 'document', document: 'civil_ruling' });
  startEnforcementClock(next, c.today, c);
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
  // 民事诉讼法第二百零六条 names a suit as the way out; for a labor dispute that way runs through
  // arbitration first (劳动争议调解仲裁法第五条), a direct suit only where the law allows one.
  c.effects.push({
    type: 'notify',
    audience: ['worker', 'employer_agent', 'mediator'],
    message:
      '法院裁定驳回确认申请。当事人可以通过调解变更原协议或者达成新协议；不再调解的，劳动争议须先申请劳动仲裁，仅法律规定的情形可以直接起诉（《民事诉讼法》第二百零六条；《劳动争议调解仲裁法》第五条）。',
    messageEn:
      'The court refused to confirm. The parties may amend the agreement or reach a new one by mediation; otherwise a labor dispute goes to arbitration first, a direct suit only where the law allows (Civil Procedure Law (民事诉讼法) art. 206; Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 5).',
  });
}

/**
 * 特邀调解规定第二十条: 委托调解达成调解协议，特邀调解员应当向人民法院提交调解协议，由人民法院审查并制作
 * 调解书结案；达成调解协议后，当事人申请撤诉的，人民法院应当依法作出裁定. Only for post-filing cases; the
 * parties' request (a mediation document or withdrawal) goes with it. The court serves its document.
 */
export function submitAgreementToCourt(
  next: CaseState,
  p: ActionPayload<'submit_agreement_to_court'>,
  c: HandlerCtx,
): TransitionError | void {
  if (!isPostFiling(next.kind)) {
    return fail(
      'not_post_filing',
      '只有法院立案后委托调解的案件才向法院提交调解协议；立案前委派调解和工会调解的协议，可以由双方共同申请司法确认（《民事诉讼法》第二百零五条）。',
      'Only cases the court referred after filing submit their agreement to the court; an agreement from pre-filing or union mediation may be confirmed on the parties’ joint application (Civil Procedure Law (民事诉讼法) art. 205).',
    );
  }
  next.courtSubmission = { on: c.today, requested: p.requested };
  moveTo(next, 'agreement_submitted', c.effects);
  c.effects.push({ type: 'document', document: 'agreement_submission' });
  c.effects.push({
    type: 'notify',
    audience: ['worker', 'employer_agent', 'judge'],
    message:
      p.requested === 'withdrawal'
        ? '调解协议已提交法院，原告申请撤诉，法院将依法作出裁定。'
        : '调解协议已提交法院，法院审查后制作调解书，调解书经双方签收后生效。',
    messageEn:
      p.requested === 'withdrawal'
        ? 'The agreement has been submitted to the court; the plaintiff applies to withdraw, and the court will rule on it.'
        : 'The agreement has been submitted to the court, which will review it and make a mediation document; it takes effect once both parties sign for it.',
  });
}

/** No court date before the submission, nor after today. */
function courtDatesInOrder(next: CaseState, dates: readonly IsoDate[], c: HandlerCtx): TransitionError | void {
  const from = next.courtSubmission?.on ?? next.agreementEffectiveOn!;
  if (dates.some((d) => d < from || d > c.today)) {
    return fail(
      'court_dates_out_of_order',
      `法院文书的日期须在调解协议提交法院（${from}）之后、且不晚于今天。`,
      `The court’s dates must be on or after the agreement went to the court (${from}) and not in the future.`,
    );
  }
}

/**
 * The court's mediation document: 调解书经双方当事人签收后，即具有法律效力 (民事诉讼法第一百条第三款),
 * so it is in effect from the later of the two services, and enforceable from then like a ruling.
 */
export function recordMediationDocument(
  next: CaseState,
  p: ActionPayload<'record_mediation_document'>,
  c: HandlerCtx,
): TransitionError | void {
  const bad = courtDatesInOrder(next, [p.issuedOn, p.servedOn.worker, p.servedOn.employer], c);
  if (bad) return bad;
  if (p.servedOn.worker < p.issuedOn || p.servedOn.employer < p.issuedOn) {
    return fail(
      'court_dates_out_of_order',
      '调解书的送达（签收）日期不能早于制作日期。',
      'A party cannot have signed for the mediation document before it was made.',
    );
  }
  const effectiveOn = maxDate([p.servedOn.worker, p.servedOn.employer])!;
  next.mediationDocument = { documentNo: p.documentNo, issuedOn: p.issuedOn, servedOn: p.servedOn, effectiveOn };
  moveTo(next, 'mediation_document_issued', c.effects);
  startEnforcementClock(next, effectiveOn, c);
  c.effects.push({
    type: 'notify',
    audience: ['worker', 'employer_agent', 'mediator'],
    message: `法院调解书（${p.documentNo}）已于 ${effectiveOn} 经双方签收生效。一方不履行的，对方可以申请强制执行。`,
    messageEn: `The court’s mediation document (${p.documentNo}) took effect on ${effectiveOn}, once both parties signed for it. If a party does not perform, the other may apply for enforcement.`,
  });
}

/** 当事人申请撤诉的，人民法院依法作出裁定 (特邀调解规定第二十条): the court case ends here. */
export function recordWithdrawal(
  next: CaseState,
  p: ActionPayload<'record_withdrawal'>,
  c: HandlerCtx,
): TransitionError | void {
  const bad = courtDatesInOrder(next, [p.ruledOn], c);
  if (bad) return bad;
  next.withdrawal = { rulingNo: p.rulingNo, ruledOn: p.ruledOn };
  moveTo(next, 'suit_withdrawn', c.effects);
  c.effects.push({
    type: 'notify',
    audience: ['worker', 'employer_agent', 'mediator'],
    message: `法院已裁定准许撤诉（${p.rulingNo}）。`,
    messageEn: `The court allowed the suit to be withdrawn (${p.rulingNo}).`,
  });
}

/**
 * 民事诉讼法第二百零六条: 裁定驳回申请，当事人可以通过调解方式变更原调解协议. The amended terms come
 * by mediation, so a new mediation period runs (as on reopening); the terms are set at once, every
 * earlier signature is void, and the amended agreement is signed again and may be confirmed anew.
 */
export function amendAgreement(
  next: CaseState,
  p: ActionPayload<'amend_agreement'>,
  c: HandlerCtx,
): TransitionError | void {
  const refusedHash = next.agreementHash;
  const reopened = reopenMediation(next, { workerConsents: p.workerConsents, employerConsents: p.employerConsents }, c);
  if (reopened) return reopened;
  const set = setAgreementTerms(next, { terms: p.terms }, c);
  if (set) return set;
  if (next.agreementHash === refusedHash) {
    return fail(
      'terms_unchanged',
      '变更后的协议与被驳回的协议内容相同，请按法院驳回的理由修改协议内容。',
      'The amended terms are the same as the refused ones; change them to meet the court’s reasons.',
    );
  }
}
