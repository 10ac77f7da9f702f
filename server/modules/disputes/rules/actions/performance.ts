/** Performance of the agreement: payments, completion, enforcement and payment orders. */
import { isPostFiling } from '../../../../../contracts/disputes/confirmation.js';
import type { CaseState } from '../../../../../contracts/disputes/case-state.js';
import { agreementTotalFen, amountOverdueFen } from '../case-figures.js';
import { enforcementDueOn, enforcementStartsOn } from '../clocks.js';
import { PAYMENT_ORDER_CLAIM_TYPES } from '../stages.js';
import { enforceableTitleOn } from './court.js';
import { fail, moveTo, type HandlerCtx, type TransitionError } from './kit.js';
import type { ActionPayload } from './payloads.js';

export function recordPayment(
  next: CaseState,
  p: ActionPayload<'record_payment'>,
  c: HandlerCtx,
): TransitionError | void {
  if (p.paidOn > c.today || (next.agreementEffectiveOn && p.paidOn < next.agreementEffectiveOn)) {
    return fail(
      'date_out_of_range',
      p.paidOn > c.today
        ? `付款日期 ${p.paidOn} 晚于今天（${c.today}）：未来的付款不能登记。`
        : `付款日期 ${p.paidOn} 早于协议生效日（${next.agreementEffectiveOn}）。`,
      p.paidOn > c.today
        ? `The payment date ${p.paidOn} is after today (${c.today}): a future payment cannot be recorded.`
        : `The payment date ${p.paidOn} is before the agreement took effect (${next.agreementEffectiveOn}).`,
      'paidOn',
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
      // A staff instruction; the parties hear of each payment from party-notices.ts.
      audience: ['mediator'],
      message: '协议款项已全部登记到账，请职工确认后标记履行完毕。',
      messageEn: 'All agreed money is recorded as paid; once the worker confirms, mark the case performed.',
    });
  }
}

export function markPerformed(
  next: CaseState,
  p: ActionPayload<'mark_performed'>,
  c: HandlerCtx,
): TransitionError | void {
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
}

export function applyEnforcement(
  next: CaseState,
  _p: ActionPayload<'apply_enforcement'>,
  c: HandlerCtx,
): TransitionError | void {
  if (amountOverdueFen(next, c.today) <= 0) {
    return fail(
      'no_default_yet',
      '尚无到期未付的款项，暂不能申请强制执行。',
      'No agreed payment is overdue yet, so enforcement cannot be applied for.',
    );
  }
  const start = enforcementStartsOn(
    enforceableTitleOn(next)!,
    next.agreement?.installments.map((i) => i.dueOn),
  );
  const due = enforcementDueOn(start, c.calendar);
  if (c.today > due) {
    c.effects.push({
      type: 'warning',
      code: 'enforcement_period_passed',
      message: `申请执行期间（二年）已于 ${due} 届满（《民事诉讼法》第二百五十条）。法院仍会受理，但被执行人可以提出时效异议；如有中止、中断事由请一并提供。`,
      messageEn: `The 2-year enforcement period ran out on ${due} (Civil Procedure Law (民事诉讼法) art. 250). The court will still accept the application, but the debtor may object; supply any grounds for suspension or interruption.`,
    });
  }
  next.enforcementAppliedOn = c.today;
  moveTo(next, 'enforcement_applied', c.effects);
  c.effects.push({ type: 'clock_met', clock: 'enforcement', on: c.today });
}

/**
 * A payment order (支付令) for what the employer has not paid under the agreement. 劳动争议调解仲裁法
 * 第十六条 covers agreements to pay 劳动报酬、工伤医疗费、经济补偿或者赔偿金
 * (PAYMENT_ORDER_CLAIM_TYPES); an agreement that also settles other claims keeps that remedy for
 * its eligible part. The application names the part (claim types) and its amount; it is refused
 * only when the agreement has no eligible part, nothing due is unpaid, or the amount named is more
 * than what is due and unpaid. An agreement made of eligible claims only may name neither: the
 * whole overdue amount is sought.
 */
export function applyPaymentOrder(
  next: CaseState,
  p: ActionPayload<'apply_payment_order'>,
  c: HandlerCtx,
): TransitionError | void {
  if (isPostFiling(next.kind)) {
    return fail(
      'claims_not_eligible',
      '委托调解的案件由法院制作调解书，调解书生效后可直接申请强制执行，不适用支付令（《劳动争议调解仲裁法》第十六条适用于调解组织主持达成的调解协议）。',
      'A post-filing case ends with the court’s mediation document, which is enforced directly; a payment order (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 16) is for agreements reached before a mediation body.',
    );
  }
  const agreed = next.agreement?.claimTypes ?? [];
  const eligible = agreed.filter((t) => PAYMENT_ORDER_CLAIM_TYPES.includes(t));
  if (eligible.length === 0) {
    return fail(
      'claims_not_eligible',
      '支付令只适用于支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金的调解协议（《劳动争议调解仲裁法》第十六条），本协议没有这类事项。',
      'A payment order is only for agreements to pay wages, work-injury medical costs, severance or damages (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 16); this agreement has none.',
    );
  }
  const overdue = amountOverdueFen(next, c.today);
  if (overdue <= 0) {
    return fail(
      'no_default_yet',
      '用人单位在协议约定期限内尚未违约，暂不能申请支付令。',
      'The employer is not yet in default under the agreement, so a payment order cannot be sought.',
    );
  }
  const onlyEligible = eligible.length === agreed.length;
  const named = p.claimTypes ?? (onlyEligible ? eligible : undefined);
  const amountFen = p.amountFen ?? (onlyEligible ? overdue : undefined);
  if (!named || amountFen === undefined) {
    const others = agreed.filter((t) => !eligible.includes(t)).join('、');
    return fail(
      'payment_order_part_required',
      `协议还包括不适用支付令的事项（${others}），请写明申请支付令的部分（claimTypes）及其金额（amountFen）。`,
      `The agreement also settles claims a payment order does not cover (${others}); name the part sought (claimTypes) and its amount (amountFen).`,
    );
  }
  const wrong = [...new Set(named)].filter((t) => !eligible.includes(t));
  if (wrong.length > 0) {
    return fail(
      'claims_not_eligible',
      `所列事项（${wrong.join('、')}）不在协议中或不适用支付令；可申请的是：${eligible.join('、')}（《劳动争议调解仲裁法》第十六条）。`,
      `The claims named (${wrong.join(', ')}) are not in the agreement or not covered by a payment order; eligible: ${eligible.join(', ')} (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 16).`,
    );
  }
  if (amountFen > overdue) {
    return fail(
      'amount_exceeds_overdue',
      `申请金额 ${yuan(amountFen)} 元超过协议到期未付的金额 ${yuan(overdue)} 元。`,
      `The amount, ${yuan(amountFen)} yuan, is more than what is due and unpaid under the agreement: ${yuan(overdue)} yuan.`,
    );
  }
  next.paymentOrder = { claimTypes: [...new Set(named)], amountFen };
  next.paymentOrderAppliedOn = c.today;
  moveTo(next, 'payment_order_applied', c.effects);
}

/** Fen as yuan with thousands separators and two decimals (84,000.00), as the case page shows money. */
function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
