/** Closing a case that did not settle, with its referral. */
import type { CaseState } from '../../../../../contracts/disputes/case-state.js';
import { amountOverdueFen } from '../case-figures.js';
import { mediationDueOn, mediationExpired } from '../clocks.js';
import { CLOSE_REASON_LABELS, CLOSE_REASONS_BY_STAGE } from '../stages.js';
import { fail, moveTo, type HandlerCtx, type TransitionError } from './kit.js';
import type { ActionPayload } from './payloads.js';

export function closeFailed(next: CaseState, p: ActionPayload<'close_failed'>, c: HandlerCtx): TransitionError | void {
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
}
