import type { CaseState } from '../../../contracts/disputes/case-state.js';
import type { CloseReason } from '../../../contracts/disputes/stages.js';
import type { ActionCode } from './rules/state-machine.js';

// What each party is told when its case moves, in words meant for it: the worker and the paying
// party (the liable party, else the employer) get their own sentences; staff instructions stay
// with staff (the state machine's notify effects). Pure: the service sends what this returns.

export type PartyAudience = 'worker' | 'acting';

export interface PartyNotice {
  to: PartyAudience;
  message: string;
}

export interface NoticeContext {
  /** The paying party's name, as the worker knows it. */
  actingName: string;
  workerName: string;
  /** Where the worker follows the case: the public site's /track page. */
  trackUrl: string;
  /** The court that confirms or rules (the worker is told where). */
  courtName: string | null;
}

const yuan = (fen: number) =>
  `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

const NEXT_STEP_ARBITRATION =
  '您可以向劳动人事争议仲裁委员会申请仲裁（仲裁时效一般为一年，请尽快），如需帮助可联系调解员。';

/** Why a case ended, told to the worker in plain words, with what the worker can do next. */
const CLOSED_FOR_WORKER: Record<CloseReason, string> = {
  employer_unreachable: `调解员联系不上对方，本次调解结束。${NEXT_STEP_ARBITRATION}`,
  employer_declined: `对方不同意调解，本次调解结束。${NEXT_STEP_ARBITRATION}`,
  deadlock: `双方未能达成一致，本次调解结束。${NEXT_STEP_ARBITRATION}`,
  deadline_passed: `调解期限已到，双方未达成协议，本次调解结束。${NEXT_STEP_ARBITRATION}`,
  refused_to_sign: `一方不愿签署协议，本次调解结束。${NEXT_STEP_ARBITRATION}`,
  withdrawn: '您已撤回调解申请，本案结束。如有需要，可以重新申请。',
  confirmation_refused: `法院未确认调解协议，本次调解结束。${NEXT_STEP_ARBITRATION}`,
  agreement_not_performed: `对方没有按协议付款，本案转劳动仲裁处理。${NEXT_STEP_ARBITRATION}`,
  document_refused: '调解书送达前一方反悔，本案由法院继续审理并判决，法院会通知您。',
};

const CLOSED_FOR_ACTING: Record<CloseReason, string> = {
  employer_unreachable: '调解组织未能联系到贵方，本次调解已结束，职工可以依法申请仲裁或起诉。',
  employer_declined: '贵方不同意调解，本次调解已结束，职工可以依法申请仲裁或起诉。',
  deadlock: '双方未能达成一致，本次调解已结束。',
  deadline_passed: '调解期限已到，双方未达成协议，本次调解已结束。',
  refused_to_sign: '一方不愿签署协议，本次调解已结束。',
  withdrawn: '职工已撤回调解申请，本案结束。',
  confirmation_refused: '法院未确认调解协议，本次调解已结束。',
  agreement_not_performed: '贵方未按协议付款，本案已转劳动仲裁处理。',
  document_refused: '调解书送达前一方反悔，本案由法院继续审理并判决。',
};

function termsSentence(state: CaseState): { total: number; plan: string } {
  const installments = state.agreement?.installments ?? [];
  const total = installments.reduce((s, i) => s + i.amountFen, 0);
  const last = installments.at(-1)?.dueOn;
  const plan =
    installments.length > 1 ? `分 ${installments.length} 期，最后一期 ${last} 前付清` : last ? `${last} 前付清` : '';
  return { total, plan };
}

/**
 * The notices an action gives the parties, from the state before and after it. Empty when the
 * parties have nothing new to hear (or the state machine's own notice already tells them).
 */
export function partyNotices(
  action: ActionCode,
  before: CaseState,
  after: CaseState,
  ctx: NoticeContext,
  payload: Record<string, unknown> = {},
): PartyNotice[] {
  const out: PartyNotice[] = [];
  if (action === 'record_employer_answer' && after.employerAnswer && after.employerAnswer !== 'accept') {
    out.push({
      to: 'worker',
      message:
        after.employerAnswer === 'decline'
          ? `${ctx.actingName}答复不同意调解。调解员会联系您，说明接下来怎么办。`
          : `${ctx.actingName}提出了自己的金额方案，调解员会联系您商量。`,
    });
  }
  if ((action === 'set_agreement_terms' || action === 'amend_agreement') && after.agreement) {
    const { total, plan } = termsSentence(after);
    out.push(
      {
        to: 'worker',
        message: `调解协议已拟好：${ctx.actingName}向您支付 ${yuan(total)}${plan ? `，${plan}` : ''}。请打开 ${ctx.trackUrl} 核对，用手机验证码签署。`,
      },
      {
        to: 'acting',
        message: `调解协议已拟好：贵方向${ctx.workerName}支付 ${yuan(total)}${plan ? `，${plan}` : ''}。请打开此前短信中的链接核对，签署时验证码发到本手机。`,
      },
    );
  }
  if (action === 'apply_confirmation' && after.confirmationAppliedOn && !before.confirmationAppliedOn) {
    const court = ctx.courtName ?? '法院';
    const message = `调解协议已向${court}申请司法确认。法院一般在受理后三十日内作出裁定，结果会短信通知。`;
    out.push({ to: 'worker', message }, { to: 'acting', message });
  }
  if (action === 'record_payment' && after.paidFen > before.paidFen) {
    const paid = after.paidFen - before.paidFen;
    const { total } = termsSentence(after);
    const left = total - after.paidFen;
    const on = typeof payload.paidOn === 'string' ? `（${payload.paidOn}）` : '';
    const rest = left > 0 ? `尚余 ${yuan(left)}。` : '协议款项已全部付清。';
    out.push(
      { to: 'worker', message: `已登记${ctx.actingName}付款 ${yuan(paid)}${on}，累计 ${yuan(after.paidFen)}；${rest}` },
      { to: 'acting', message: `已登记贵方付款 ${yuan(paid)}${on}，累计 ${yuan(after.paidFen)}；${rest}` },
    );
  }
  if (after.performedOn && !before.performedOn) {
    out.push(
      { to: 'worker', message: '协议款项已全部付清，本案履行完毕并结案。感谢您的信任。' },
      { to: 'acting', message: '协议款项已全部付清，本案履行完毕并结案。' },
    );
  }
  if (after.closure && !before.closure) {
    out.push(
      { to: 'worker', message: `本案已结束：${CLOSED_FOR_WORKER[after.closure.reason]}` },
      { to: 'acting', message: `本案已结束：${CLOSED_FOR_ACTING[after.closure.reason]}` },
    );
  }
  return out;
}

/** What a worker is told when a payment is overdue (the clocks job), and what the paying party is told. */
export function overdueNotices(ctx: NoticeContext, dueOn: string, overdueFen: number): PartyNotice[] {
  return [
    {
      to: 'worker',
      message: `${ctx.actingName}应于 ${dueOn} 前支付的 ${yuan(overdueFen)}尚未登记到账。如已收到请告知调解员；未收到的，调解员会联系对方，您也可以依法申请强制执行或支付令。`,
    },
    {
      to: 'acting',
      message: `贵方应于 ${dueOn} 前向${ctx.workerName}支付的 ${yuan(overdueFen)}尚未登记到账，请尽快支付并告知调解员。`,
    },
  ];
}
