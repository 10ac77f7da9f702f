import { integer, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * The fingerprint of the field-encryption key the database's resident IDs are written with
 * (one row). Every instance compares its own key at start: several instances on one PostgreSQL
 * that each made up a key in their own data folder would write IDs the others cannot read.
 */
export const encryptionKeyCheck = pgTable('encryption_key_check', {
  id: integer('id').primaryKey().default(1),
  fingerprint: varchar('fingerprint', { length: 64 }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});
