import { DESTINATION_KIND_LABELS } from '../../../../contracts/fee-refunds/codes.js';
import { lineStateLabel, type LineState } from '../../../../contracts/fee-refunds/run-codes.js';
import type { FeeEnterpriseLine } from '../../../../contracts/fee-refunds/public.js';
import type { FeeLine } from '../../../../contracts/fee-refunds/runs.js';

// The staff's view of a line (runs/lines.ts) in words meant for the enterprise: what the state means
// for it and what it should do, the account it is paid to by its last four digits only.

/** What the enterprise should do or expect, per state; a paid line needs nothing. */
const ADVICE: Readonly<Record<LineState, { zh: string; en: string } | null>> = {
  held: {
    zh: '贵单位尚未建立工会，这笔返还作为工会筹备金暂存，建会并开设工会账户后返还至工会账户。',
    en: 'Your enterprise has no union yet: this refund is held as union preparation fund and paid to the union account once a union is set up and its account opened.',
  },
  no_account: {
    zh: '尚未登记收款账户，请联系当地工会登记工会账户（或缴费账户），登记后即安排返还。',
    en: 'No account is registered to pay it to: please register the union account (or the paying account) with your local union office; the refund is then paid.',
  },
  in_batch: {
    zh: '已交银行支付，请留意账户入账。',
    en: 'Sent to the bank for payment; watch the account for the credit.',
  },
  paid: null,
  returned: {
    zh: '银行退回了这笔款项（账户已销户、户名不符等）。请携工会账户信息到当地工会办理账户变更，变更后将重新支付。',
    en: 'The bank returned this payment (account closed, name not matching …). Please update the union account with your local union office; it is then paid again.',
  },
};

/** Paid into the county federation's pooled account: the enterprise's union gets it from there. */
const POOLED_ADVICE = {
  zh: '这笔返还已划入所在县（市、区）总工会的归集账户。贵单位建立工会并开设工会账户后，请联系县（市、区）总工会办理转付。',
  en: "This refund was paid into the pooled account of your county's federation of trade unions. Once your enterprise's union has an account, ask the county federation to pass it on.",
};

export function enterpriseLine(line: FeeLine): FeeEnterpriseLine {
  return {
    id: line.id,
    month: line.month,
    amountFen: line.amountFen,
    destination: line.destination,
    destinationText: DESTINATION_KIND_LABELS[line.destination],
    account: line.creditor ? { name: line.creditor.accountName, last4: line.creditor.accountNo.slice(-4) } : null,
    state: line.state,
    stateText: lineStateLabel(line.state, line.destination),
    advice: line.state === 'paid' && line.destination === 'county_pooled' ? POOLED_ADVICE : ADVICE[line.state],
    dueOn: line.dueOn,
    paidOn: line.paidOn,
  };
}
