import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export type MessageChannel = 'sms' | 'email';
/** A one-time code (counted per phone, short-lived) or any other notice. */
export type MessageKind = 'code' | 'notice';
/**
 * pending → sending (claimed under a lease) → sent | failed; `delivered` when the log provider
 * took it (nothing left the building); `failed` also when it waited too long to be worth sending.
 */
export type MessageStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'failed';
export type AttemptStatus = 'ok' | 'transient' | 'permanent';

/**
 * Every SMS and e-mail is written here in the transaction of the change that causes it; the
 * dispatcher (dispatcher.ts) sends it afterwards, outside any transaction, and records each
 * attempt in `notification_attempts`.
 */
export const outbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: varchar('channel', { length: 8 }).$type<MessageChannel>().notNull(),
    kind: varchar('kind', { length: 8 }).$type<MessageKind>().notNull().default('notice'),
    recipient: varchar('recipient', { length: 128 }).notNull(),
    subject: varchar('subject', { length: 200 }),
    body: text('body').notNull(),
    /** The template the body was rendered from (templates.ts), and its variables (SMS gateways send by template). */
    template: varchar('template', { length: 48 }),
    variables: jsonb('variables').$type<Record<string, string>>(),
    /** What the message is about, e.g. "dispute_case:<id>", for listing per record. */
    topic: varchar('topic', { length: 80 }),
    regionCode: varchar('region_code', { length: 6 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    status: varchar('status', { length: 12 }).$type<MessageStatus>().notNull().default('pending'),
    /** Attempts since it was written (or since an administrator retried it). */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** While 'sending': the instance that claimed it must be done by then, or another takes it over. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: varchar('last_error', { length: 500 }),
    provider: varchar('provider', { length: 16 }),
    providerMessageId: varchar('provider_message_id', { length: 128 }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_topic_idx').on(t.topic),
    index('outbox_created_idx').on(t.createdAt),
    index('outbox_recipient_idx').on(t.recipient),
    // The dispatcher's claim reads only the few rows still to send.
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

/** One row per try to hand a message to its provider. */
export const attempts = pgTable(
  'notification_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    attemptNo: integer('attempt_no').notNull(),
    provider: varchar('provider', { length: 16 }).notNull(),
    status: varchar('status', { length: 10 }).$type<AttemptStatus>().notNull(),
    providerMessageId: varchar('provider_message_id', { length: 128 }),
    error: varchar('error', { length: 500 }),
    durationMs: integer('duration_ms').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attempts_message_idx').on(t.messageId, t.attemptNo)],
);
