import { z } from 'zod';
import { DESTINATION_KINDS, UNION_LEVELS } from './codes.js';
import { BATCH_STATUSES, LINE_STATES, PAYMENT_STATUSES } from './run-codes.js';
import { bankAccountSchema } from './responses.js';
import { pageOf } from '../paging.js';

/**
 * Refund runs, batches, lines and the bank's results: the requests and answers of
 * /api/fee-refunds/runs, /batches, /lines, /bank-returns (the contract other systems call).
 */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const regionCode = z.string().regex(/^\d{6}$/);

/** POST /api/fee-refunds/runs */
export const feeRunRequestSchema = z.object({ regionCode, month });
export type FeeRunRequest = z.infer<typeof feeRunRequestSchema>;

export const feeBatchSummarySchema = z.object({ id: z.string(), lines: z.number().int(), totalFen: z.number().int() });

export const feeRunSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  month: z.string(),
  /** Collections computed into this run. */
  collections: z.number().int(),
  /** Collections of the month left out: { unreconciled, unregistered, no_policy }. */
  skipped: z.record(z.string(), z.number().int()),
  /** Lines kept as preparation fund, lines with no account to pay to. */
  held: z.object({ lines: z.number().int(), totalFen: z.number().int() }),
  noAccount: z.object({ lines: z.number().int(), totalFen: z.number().int() }),
  batches: z.array(feeBatchSummarySchema),
  createdAt: z.string(),
});
export type FeeRun = z.infer<typeof feeRunSchema>;
export const feeRunPageSchema = pageOf(feeRunSchema);

export const feeBatchSchema = z.object({
  id: z.string(),
  batchNo: z.string(),
  runId: z.string(),
  regionCode: z.string(),
  month: z.string(),
  debtor: bankAccountSchema,
  status: z.enum(BATCH_STATUSES),
  lines: z.number().int(),
  totalFen: z.number().int(),
  /** Payments settled so far: paid, returned, still out. */
  settled: z.object({ paid: z.number().int(), returned: z.number().int(), out: z.number().int() }),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** Whether the signed-in user may act on it now (submit: the maker; approve: anyone else). */
  canSubmit: z.boolean(),
  canApprove: z.boolean(),
  version: z.number().int(),
});
export type FeeBatch = z.infer<typeof feeBatchSchema>;
export const feeBatchPageSchema = pageOf(feeBatchSchema);

export const feePaymentSchema = z.object({
  endToEndId: z.string(),
  batchNo: z.string(),
  amountFen: z.number().int(),
  creditor: bankAccountSchema,
  status: z.enum(PAYMENT_STATUSES),
  reasonCode: z.string().nullable(),
  reasonText: z.string().nullable(),
  settledAt: z.string().nullable(),
});

export const feeLineSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  month: z.string(),
  destination: z.enum(DESTINATION_KINDS),
  amountFen: z.number().int(),
  creditor: bankAccountSchema.nullable(),
  state: z.enum(LINE_STATES),
  dueOn: z.string(),
  paidOn: z.string().nullable(),
  overdue: z.boolean(),
  payments: z.array(feePaymentSchema),
});
export type FeeLine = z.infer<typeof feeLineSchema>;
export const feeLinePageSchema = pageOf(feeLineSchema);

/** POST /api/fee-refunds/bank-returns */
export const feeBankReturnSchema = z.object({
  id: z.string(),
  format: z.enum(['pain.002', 'camt.054', 'csv']),
  /** Results naming a payment of ours; of those: newly paid, newly returned, already so. */
  matched: z.number().int(),
  paid: z.number().int(),
  /** Of the newly paid: paid into a county federation's pooled account (a `county_pooled` line). */
  pooled: z.number().int(),
  returned: z.number().int(),
  unchanged: z.number().int(),
  /** Results naming no payment of ours (another system's, or a typo). */
  unknown: z.number().int(),
});
export type FeeBankReturn = z.infer<typeof feeBankReturnSchema>;

/** POST /api/fee-refunds/rebatch: returned lines whose account has been fixed, into new batches. */
export const feeRebatchRequestSchema = z.object({ regionCode, month: month.optional() });
export const feeRebatchSchema = z.object({
  batches: z.array(feeBatchSummarySchema),
  /** Returned lines still waiting: the registry's account is the one the bank returned. */
  waiting: z.number().int(),
});

/** GET /api/fee-refunds/balance?regionCode=&year=: where every fen collected in the year is. */
export const feeBalanceQuerySchema = z.object({ regionCode, year: z.coerce.number().int().min(2000).max(2100) });
export const feeBalanceSchema = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  /** Collections whose money reached the treasury in the year (入库日期). */
  collectedFen: z.number().int(),
  /** Paid to the enterprises (the bank confirmed it). */
  refundedFen: z.number().int(),
  /** Kept by the union levels under the policy. */
  retainedFen: z.number().int(),
  /** Neither yet: held as preparation fund, computed but not paid, not computed (unreconciled …). */
  pendingFen: z.number().int(),
  pending: z.object({ heldFen: z.number().int(), unpaidFen: z.number().int(), uncomputedFen: z.number().int() }),
  byLevel: z.array(z.object({ level: z.enum(UNION_LEVELS), retainedFen: z.number().int() })),
  /** collected − (refunded + retained + pending): 0, or the identity is broken. */
  differenceFen: z.number().int(),
});
export type FeeBalance = z.infer<typeof feeBalanceSchema>;
