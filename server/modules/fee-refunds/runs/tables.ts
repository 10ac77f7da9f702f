import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type {
  DestinationKind,
  EligibilityGroup,
  FeeNote,
  UnionLevel,
} from '../../../../contracts/fee-refunds/codes.js';
import type { BatchStatus, LineState, PaymentStatus } from '../../../../contracts/fee-refunds/run-codes.js';
import { accounts } from '../../accounts/tables.js';
import { regions } from '../../regions/tables.js';
import { feeCollections } from '../tables.js';

/*
 * The refund side of fee refunds: runs compute lines from reconciled collections, lines are paid
 * through batches, a batch's payments come back from the bank as paid or returned. What makes a
 * double payment impossible is here, in constraints, not only in the services:
 * - a collection is computed once per policy version (fee_refund_allocations unique);
 * - a line has at most one payment that is out or paid (partial unique index on the payments);
 * - a batch is approved once, by someone other than its maker (fee_refund_approvals: one row per
 *   batch, a check that the two accounts differ).
 */

/** The columns of a union's own account (a region's paying account, a county's pooled account). */
const unionAccountColumns = () => ({
  regionCode: varchar('region_code', { length: 6 })
    .primaryKey()
    .references(() => regions.code),
  bankCode: varchar('bank_code', { length: 12 }).notNull(),
  accountNo: text('account_no').notNull(),
  accountName: varchar('account_name', { length: 128 }).notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The union's account a region's refunds are paid from (the federation's account the treasury
 * credits the fees to). A line is paid from the account of its enterprise's county, else city,
 * else province; one batch per account.
 */
export const feePayingAccounts = pgTable('fee_paying_accounts', unionAccountColumns(), (t) => [
  check('fee_paying_accounts_format', sql`${t.accountNo} ~ '^[0-9]{10,30}$' and ${t.bankCode} ~ '^[0-9]{12}$'`),
]);

/**
 * A county federation's pooled account (县级工会归集账户). A policy may route the refunds of
 * enterprises without a union account (or without a union) here rather than to the enterprise's
 * own paying account (`county_pooled`); the county federation passes the money on once the
 * enterprise's union has an account. Counties only: a city or province has no such account.
 */
export const feePooledAccounts = pgTable('fee_pooled_accounts', unionAccountColumns(), (t) => [
  check('fee_pooled_accounts_format', sql`${t.accountNo} ~ '^[0-9]{10,30}$' and ${t.bankCode} ~ '^[0-9]{12}$'`),
  check('fee_pooled_accounts_county', sql`${t.regionCode} ~ '^[0-9]{4}(0[1-9]|[1-9][0-9])$'`),
]);

/** One computation of a region's month (入库月份): the collections it took, the lines it made. */
export const feeRefundRuns = pgTable(
  'fee_refund_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    /** YYYY-MM: the month the collections reached the treasury (入库日期). */
    month: varchar('month', { length: 7 }).notNull(),
    collections: integer('collections').notNull(),
    /** Collections of the month left out, and why: { unreconciled, unregistered, noPolicy }. */
    skipped: jsonb('skipped').$type<Record<string, number>>().notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fee_refund_runs_region_month').on(t.regionCode, t.month),
    check('fee_refund_runs_month', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/**
 * A refund line: what one enterprise gets back from one run to one destination account. The
 * creditor account is the one the line was last paid to (a re-batch after a return takes the
 * registry's account again).
 */
export const feeRefundLines = pgTable(
  'fee_refund_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => feeRefundRuns.id),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    enterpriseName: varchar('enterprise_name', { length: 128 }).notNull(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    month: varchar('month', { length: 7 }).notNull(),
    destination: varchar('destination', { length: 32 }).$type<DestinationKind>().notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    creditorBankCode: varchar('creditor_bank_code', { length: 12 }),
    creditorAccountNo: text('creditor_account_no'),
    creditorAccountName: varchar('creditor_account_name', { length: 128 }),
    /** The account the line is paid from (fee_paying_accounts.region_code). */
    payingRegionCode: varchar('paying_region_code', { length: 6 }),
    state: varchar('state', { length: 16 }).$type<LineState>().notNull(),
    /** One month after the line's data arrived (the latest import of its collections). */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fee_refund_lines_uscc').on(t.uscc),
    index('fee_refund_lines_run').on(t.runId),
    index('fee_refund_lines_region_state').on(t.regionCode, t.state),
    check('fee_refund_lines_amount', sql`${t.amountFen} >= 0`),
  ],
);

/**
 * How one collection was computed under one policy version: the ledger the balance sums. The
 * unique pair is what keeps a collection out of a second run.
 */
export const feeRefundAllocations = pgTable(
  'fee_refund_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => feeCollections.id),
    policyId: varchar('policy_id', { length: 64 }).notNull(),
    runId: uuid('run_id')
      .notNull()
      .references(() => feeRefundRuns.id),
    /** null: nothing returned (the whole amount retained by the levels). */
    lineId: uuid('line_id').references(() => feeRefundLines.id),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    group: varchar('eligibility_group', { length: 16 }).$type<EligibilityGroup>().notNull(),
    collectedFen: bigint('collected_fen', { mode: 'number' }).notNull(),
    /** Returned to the enterprise (paid or to be paid) and held (preparation fund). */
    returnedFen: bigint('returned_fen', { mode: 'number' }).notNull(),
    heldFen: bigint('held_fen', { mode: 'number' }).notNull(),
    retainedByLevel: jsonb('retained_by_level').$type<Record<UnionLevel, number>>().notNull(),
    retainedFen: bigint('retained_fen', { mode: 'number' }).notNull(),
    notes: jsonb('notes').$type<FeeNote[]>().notNull(),
  },
  (t) => [
    unique('fee_refund_allocations_once').on(t.collectionId, t.policyId),
    index('fee_refund_allocations_line').on(t.lineId),
    index('fee_refund_allocations_run').on(t.runId),
    check(
      'fee_refund_allocations_balance',
      sql`${t.collectedFen} = ${t.returnedFen} + ${t.heldFen} + ${t.retainedFen} and ${t.returnedFen} >= 0
        and ${t.heldFen} >= 0 and ${t.retainedFen} >= 0`,
    ),
  ],
);

/** The lines of one run paid from one account, prepared by one person and approved by another. */
export const feeRefundBatches = pgTable(
  'fee_refund_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Printed on the page and the files: FR-<region>-<month>-<n>. */
    batchNo: varchar('batch_no', { length: 35 }).notNull().unique(),
    runId: uuid('run_id')
      .notNull()
      .references(() => feeRefundRuns.id),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    payingRegionCode: varchar('paying_region_code', { length: 6 }).notNull(),
    debtorBankCode: varchar('debtor_bank_code', { length: 12 }).notNull(),
    debtorAccountNo: text('debtor_account_no').notNull(),
    debtorAccountName: varchar('debtor_account_name', { length: 128 }).notNull(),
    status: varchar('status', { length: 16 }).$type<BatchStatus>().notNull(),
    lines: integer('lines').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => accounts.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    fileFirstSentAt: timestamp('file_first_sent_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fee_refund_batches_run').on(t.runId),
    index('fee_refund_batches_region').on(t.regionCode, t.status),
    check('fee_refund_batches_four_eyes', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.submittedBy}`),
    check('fee_refund_batches_total', sql`${t.totalFen} >= 0 and ${t.lines} >= 0`),
  ],
);

/** The approval of a batch: one row per batch, so two checkers at the same moment approve it once. */
export const feeRefundApprovals = pgTable(
  'fee_refund_approvals',
  {
    batchId: uuid('batch_id')
      .primaryKey()
      .references(() => feeRefundBatches.id),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => accounts.id),
    approvedBy: uuid('approved_by')
      .notNull()
      .references(() => accounts.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('fee_refund_approvals_four_eyes', sql`${t.approvedBy} <> ${t.submittedBy}`)],
);

/**
 * One attempt to pay a line: the instruction in a batch's payment file (its EndToEndId) and what
 * the bank said. A returned payment stays; a re-batch adds a new one.
 */
export const feeRefundPayments = pgTable(
  'fee_refund_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => feeRefundLines.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => feeRefundBatches.id),
    endToEndId: varchar('end_to_end_id', { length: 35 }).notNull().unique(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    creditorBankCode: varchar('creditor_bank_code', { length: 12 }).notNull(),
    creditorAccountNo: text('creditor_account_no').notNull(),
    creditorAccountName: varchar('creditor_account_name', { length: 128 }).notNull(),
    status: varchar('status', { length: 16 }).$type<PaymentStatus>().notNull(),
    reasonCode: varchar('reason_code', { length: 35 }),
    reasonText: text('reason_text'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    /** The bank file that settled it (fee_bank_results). */
    resultId: uuid('result_id'),
  },
  (t) => [
    uniqueIndex('fee_refund_payments_one_live')
      .on(t.lineId)
      .where(sql`${t.status} in ('out', 'paid')`),
    index('fee_refund_payments_batch').on(t.batchId),
    check('fee_refund_payments_amount', sql`${t.amountFen} > 0`),
  ],
);

/** A bank result file as imported (pain.002, camt.054 or CSV) and what it changed. */
export const feeBankResults = pgTable('fee_bank_results', {
  id: uuid('id').primaryKey().defaultRandom(),
  format: varchar('format', { length: 16 }).notNull(),
  sha256: varchar('sha256', { length: 64 }).notNull(),
  regionCode: varchar('region_code', { length: 6 }),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  createdBy: uuid('created_by').references(() => accounts.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The deadline reminders sent: one per account and day (the job may run more than once a day,
 * on several instances; the primary key lets one of them send it).
 */
export const feeRefundReminders = pgTable(
  'fee_refund_reminders',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    day: date('day', { mode: 'string' }).notNull(),
    overdueLines: integer('overdue_lines').notNull(),
    atRiskLines: integer('at_risk_lines').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] })],
);
