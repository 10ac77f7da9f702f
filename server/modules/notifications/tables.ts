import { index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Every SMS and e-mail goes through this outbox. The default provider only records the message
 * (the UI shows it); a real gateway would pick rows up and set `sentAt`.
 */
export const outbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: varchar('channel', { length: 8 }).$type<'sms' | 'email'>().notNull(),
    recipient: varchar('recipient', { length: 128 }).notNull(),
    subject: varchar('subject', { length: 200 }),
    body: text('body').notNull(),
    /** What the message is about, e.g. "dispute_case:<id>", for listing per record. */
    topic: varchar('topic', { length: 80 }),
    regionCode: varchar('region_code', { length: 6 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_topic_idx').on(t.topic), index('outbox_created_idx').on(t.createdAt)],
);
