import { index, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * What an enterprise checking its own refunds without an account holds: an SMS code sent to the
 * register's contact phone (`code`, stored as an HMAC under the server's key), then the session
 * a right code opens (`session`, stored as a SHA-256 of its token). Keyed by the USCC, which the
 * employers register keeps; never the code or the token itself.
 */
export const FEE_ACCESS_KINDS = ['code', 'session'] as const;
export type FeeAccessKind = (typeof FEE_ACCESS_KINDS)[number];

export const feeEnterpriseAccess = pgTable(
  'fee_enterprise_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    kind: varchar('kind', { length: 8 }).$type<FeeAccessKind>().notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fee_enterprise_access_uscc').on(t.uscc, t.kind)],
);
