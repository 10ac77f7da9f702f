// The states of refund lines, batches and payments with their labels, without zod (pages import
// them at run time; see codes.ts).
import type { Label } from './codes.js';

/**
 * A refund line's state:
 * - `held`: kept as preparation fund (筹备金) until the enterprise sets up a union;
 * - `no_account`: due, but the registry has no account to pay it to (fix the registry, re-batch);
 * - `in_batch`: in a batch not yet settled by the bank;
 * - `paid`: the bank paid it (to the enterprise's account, or to its county federation's pooled
 *   account for a `county_pooled` line); `returned`: the bank sent it back (closed account …).
 */
export const LINE_STATES = ['held', 'no_account', 'in_batch', 'paid', 'returned'] as const;
export type LineState = (typeof LINE_STATES)[number];

export const LINE_STATE_LABELS: Readonly<Record<LineState, Label>> = {
  held: { zh: '暂存筹备金', en: 'Held as preparation fund' },
  no_account: { zh: '缺少收款账户', en: 'No account to pay to' },
  in_batch: { zh: '支付中', en: 'Being paid' },
  paid: { zh: '已返还', en: 'Paid' },
  returned: { zh: '被退回', en: 'Returned by the bank' },
};

/**
 * The label of a line's state for people: a paid `county_pooled` line is paid into the county
 * federation's pooled account (归集账户), not to the enterprise's own account, and says so.
 */
export function lineStateLabel(state: LineState, destination: string): Label {
  if (state === 'paid' && destination === 'county_pooled')
    return { zh: '已划入县级工会归集账户', en: "Paid into the county federation's pooled account" };
  return LINE_STATE_LABELS[state];
}

/** A batch: prepared (`draft`), submitted by its maker, approved by a checker, settled (`closed`). */
export const BATCH_STATUSES = ['draft', 'submitted', 'approved', 'closed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const BATCH_STATUS_LABELS: Readonly<Record<BatchStatus, Label>> = {
  draft: { zh: '待提交', en: 'Draft' },
  submitted: { zh: '待复核', en: 'Awaiting approval' },
  approved: { zh: '已复核，待银行结果', en: 'Approved, awaiting the bank' },
  closed: { zh: '已办结', en: 'Settled' },
};

/** One payment of a line: `out` (in a batch's file), `paid`, `returned`. */
export const PAYMENT_STATUSES = ['out', 'paid', 'returned'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STATUS_LABELS: Readonly<Record<PaymentStatus, Label>> = {
  out: { zh: '待银行结果', en: 'Awaiting the bank' },
  paid: { zh: '已入账', en: 'Paid' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** Why collections of a month were not computed in a run. */
export const RUN_SKIP_REASONS = ['unreconciled', 'unregistered', 'no_policy'] as const;
export type RunSkipReason = (typeof RUN_SKIP_REASONS)[number];

export const RUN_SKIP_LABELS: Readonly<Record<RunSkipReason, Label>> = {
  unreconciled: { zh: '未与银行入账对平', en: 'Not reconciled with the bank' },
  unregistered: { zh: '企业不在名录中', en: 'Enterprise not in the registry' },
  no_policy: { zh: '没有适用的返还政策', en: 'No refund policy applies' },
};
