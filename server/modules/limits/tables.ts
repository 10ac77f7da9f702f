import { index, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

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

/** Which public page a phone proof belongs to: a code or session of one never opens another. */
export const PHONE_ACCESS_PURPOSES = ['stations', 'membership'] as const;
export type PhoneAccessPurpose = (typeof PHONE_ACCESS_PURPOSES)[number];

/**
 * A phone's proof without an account, for every public page that asks for one: the texted code
 * (a keyed hash, the asking module's recipe) and the session a right code opens (a SHA-256 of its
 * token); never the code or token itself. Checked by `phone-codes.ts` with the limits above.
 */
export const phoneAccess = pgTable(
  'phone_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: varchar('purpose', { length: 16 }).$type<PhoneAccessPurpose>().notNull(),
    phone: varchar('phone', { length: 20 }).notNull(),
    kind: varchar('kind', { length: 8 }).$type<'code' | 'session'>().notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('phone_access_phone').on(t.purpose, t.phone, t.kind, t.createdAt)],
);
