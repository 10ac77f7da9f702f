import { boolean, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { regions } from '../regions/tables.js';

export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: varchar('uscc', { length: 18 }).notNull().unique(),
    /** Set when the check character fails and a user accepted it anyway (older real codes do). */
    usccCheckWarning: boolean('uscc_check_warning').notNull().default(false),
    name: varchar('name', { length: 128 }).notNull(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    industryCode: varchar('industry_code', { length: 24 }).notNull(),
    address: varchar('address', { length: 256 }),
    contactName: varchar('contact_name', { length: 32 }),
    contactPhone: varchar('contact_phone', { length: 20 }),
    contactEmail: varchar('contact_email', { length: 128 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('employers_region_idx').on(t.regionCode), index('employers_name_idx').on(t.name)],
);
