import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { CaseFacts, CaseRecord, EventPayload, SavedAnalysis } from '../../../contracts/disputes/case-json.js';
import { accounts } from '../accounts/tables.js';
import { courts } from '../courts/tables.js';
import { employers } from '../employers/tables.js';
import { mediationBodies } from '../organizations/tables.js';
import { people } from '../people/tables.js';
import { regions } from '../regions/tables.js';
import type { JointMediationConfig } from './rules/joint-mediation.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const disputeCases = pgTable(
  'dispute_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNumber: varchar('case_number', { length: 40 }).notNull().unique(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    courtId: uuid('court_id').references(() => courts.id),
    mediationBodyId: uuid('mediation_body_id').references(() => mediationBodies.id),
    /** union_mediation | court_pre_filing | court_post_filing_ordinary | court_post_filing_simple */
    kind: varchar('kind', { length: 32 }).notNull(),
    channel: varchar('channel', { length: 12 }).$type<'counter' | 'online'>().notNull(),
    stage: varchar('stage', { length: 32 }).notNull(),
    sector: varchar('sector', { length: 24 }).notNull(),
    claimTypes: text('claim_types').array().notNull(),
    claimTotalFen: bigint('claim_total_fen', { mode: 'number' }).notNull(),
    settledFen: bigint('settled_fen', { mode: 'number' }),
    workerPersonId: uuid('worker_person_id')
      .notNull()
      .references(() => people.id),
    workerCount: integer('worker_count').notNull().default(1),
    employerId: uuid('employer_id').references(() => employers.id),
    /** The party the studio contacts (for construction: the liable contractor, per the wage regulation). */
    respondentEmployerId: uuid('respondent_employer_id').references(() => employers.id),
    mediatorAccountId: uuid('mediator_account_id').references(() => accounts.id),
    judgeAccountId: uuid('judge_account_id').references(() => accounts.id),
    joint: boolean('joint').notNull().default(false),
    /** Element-based intake form (要素式): employment period, wages, hours, contract, claims, construction chain… */
    facts: jsonb('facts').$type<CaseFacts>().notNull(),
    /** The labor-law engine's result saved with the case. */
    analysis: jsonb('analysis').$type<SavedAnalysis>(),
    /** Consents, signatures, agreement terms, confirmation, ruling: the case's legal record. */
    record: jsonb('record').$type<CaseRecord>().notNull().default({}),
    appliedOn: date('applied_on').notNull(),
    acceptedOn: date('accepted_on').notNull(),
    contactedOn: date('contacted_on'),
    mediationStartedOn: date('mediation_started_on'),
    extensionDays: integer('extension_days').notNull().default(0),
    agreementEffectiveOn: date('agreement_effective_on'),
    confirmationAppliedOn: date('confirmation_applied_on'),
    rulingIssuedOn: date('ruling_issued_on'),
    closedOn: date('closed_on'),
    closedReason: varchar('closed_reason', { length: 32 }),
    referral: varchar('referral', { length: 16 }),
    /** Earliest due date among running clocks, kept for the "at risk" list. */
    nextDueOn: date('next_due_on'),
    /** （2025）粤2071民特12号: unique, from the court's per-year counter. */
    rulingNo: varchar('ruling_no', { length: 40 }).unique(),
    version: integer('version').notNull().default(1),
    /**
     * What the list's search looks in: number, names and phones of the parties (search-text.ts),
     * written by case-writer.ts with the facts; never the resident ID.
     */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The case list pages newest first (a backward walk of these indexes), with or without a stage.
    index('dispute_cases_order_idx').on(t.appliedOn, t.caseNumber),
    index('dispute_cases_stage_order_idx').on(t.stage, t.appliedOn, t.caseNumber),
    index('dispute_cases_stage_region_idx').on(t.stage, t.regionCode),
    index('dispute_cases_region_idx').on(t.regionCode),
    index('dispute_cases_mediator_idx').on(t.mediatorAccountId, t.stage),
    index('dispute_cases_court_stage_idx').on(t.courtId, t.stage),
    index('dispute_cases_employer_idx').on(t.employerId),
    index('dispute_cases_respondent_idx').on(t.respondentEmployerId),
    index('dispute_cases_worker_idx').on(t.workerPersonId),
    index('dispute_cases_due_idx').on(t.nextDueOn),
    // Any part of a number or name (ILIKE '%…%'): trigrams (pg_trgm, loaded on PGlite by db/client.ts).
    index('dispute_cases_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export const disputeEvents = pgTable(
  'dispute_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => disputeCases.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorLabel: varchar('actor_label', { length: 64 }).notNull(),
    action: varchar('action', { length: 40 }).notNull(),
    fromStage: varchar('from_stage', { length: 32 }),
    toStage: varchar('to_stage', { length: 32 }),
    payload: jsonb('payload').$type<EventPayload>(),
  },
  (t) => [index('dispute_events_case_idx').on(t.caseId, t.id)],
);

export const disputeSessions = pgTable(
  'dispute_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => disputeCases.id),
    mode: varchar('mode', { length: 12 }).$type<'in_person' | 'phone' | 'video'>().notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    location: varchar('location', { length: 200 }),
    meetingUrl: varchar('meeting_url', { length: 500 }),
    heldAt: timestamp('held_at', { withTimezone: true }),
    minutes: text('minutes'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_sessions_case_idx').on(t.caseId)],
);

export const disputePayments = pgTable(
  'dispute_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => disputeCases.id),
    seq: integer('seq').notNull(),
    dueOn: date('due_on').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on'),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
  },
  (t) => [uniqueIndex('dispute_payments_seq').on(t.caseId, t.seq)],
);

export const disputeEvidence = pgTable(
  'dispute_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => disputeCases.id),
    filename: varchar('filename', { length: 200 }).notNull(),
    mime: varchar('mime', { length: 64 }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    description: varchar('description', { length: 200 }),
    uploadedBy: varchar('uploaded_by', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_evidence_case_idx').on(t.caseId)],
);

/**
 * employer_link: the employer's answer-and-sign link; worker_code / worker_sign: the SMS codes for
 * tracking and for signing; worker_session: the token a verified code gives the worker's phone.
 */
export type TokenPurpose = 'employer_link' | 'employer_sign' | 'worker_code' | 'worker_sign' | 'worker_session';

/** One-time links (employer answers) and codes (worker tracking and signing), stored hashed. */
export const disputeAccessTokens = pgTable(
  'dispute_access_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => disputeCases.id),
    purpose: varchar('purpose', { length: 24 }).$type<TokenPurpose>().notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_tokens_case_idx').on(t.caseId, t.purpose)],
);

/** Mediator profile: expertise for assignment and declared conflicts of interest. */
export const mediatorProfiles = pgTable('mediator_profiles', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  expertise: text('expertise').array().notNull(),
  available: boolean('available').notNull().default(true),
  conflictEmployerIds: uuid('conflict_employer_ids').array().notNull().default([]),
});

/** Working-day calendar corrections (holidays / make-up workdays) published after a release. */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: date('date').primaryKey(),
  kind: varchar('kind', { length: 8 }).$type<'holiday' | 'workday'>().notNull(),
  note: varchar('note', { length: 100 }),
});

/**
 * Small configuration documents editable in the app. The joint-mediation triggers are the only one
 * so far (settings.ts reads them back through their schema); a second key makes `value` a union.
 */
export const settings = pgTable('settings', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').$type<JointMediationConfig>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
