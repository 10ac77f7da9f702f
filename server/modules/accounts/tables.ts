import { index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Role } from '../../../contracts/roles.js';
import { courts } from '../courts/tables.js';
import { employers } from '../employers/tables.js';
import { organizations } from '../organizations/tables.js';
import { people } from '../people/tables.js';
import { regions } from '../regions/tables.js';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 64 }).notNull().unique(),
    phone: varchar('phone', { length: 20 }).unique(),
    displayName: varchar('display_name', { length: 64 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().$type<Role[]>().notNull(),
    /** Region the account may see; null means the whole country (system administrators). */
    regionCode: varchar('region_code', { length: 6 }).references(() => regions.code),
    organizationId: uuid('organization_id').references(() => organizations.id),
    courtId: uuid('court_id').references(() => courts.id),
    employerId: uuid('employer_id').references(() => employers.id),
    personId: uuid('person_id').references(() => people.id),
    status: varchar('status', { length: 12 }).$type<'active' | 'disabled'>().notNull().default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('accounts_region_idx').on(t.regionCode)],
);

/** Server-side sessions, so several app instances can share them through the database. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not hand out live sessions. */
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 256 }),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);
