import { integer, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * Fixed-window counters for anything that sends an SMS, checks a code or a password, keyed by
 * what is limited (`login:account:<id>`, `sms:phone:<number>`, `code:case:<id>` …). Kept in the
 * database, so every app instance counts against the same limit, and updated in one statement.
 */
export const throttleBuckets = pgTable('throttle_buckets', {
  key: varchar('key', { length: 200 }).primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull().default(0),
  /** Consecutive windows that ended over the limit: each one doubles the lockout (backoff). */
  strikes: integer('strikes').notNull().default(0),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
