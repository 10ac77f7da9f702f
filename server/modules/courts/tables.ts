import { index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { CourtLevel } from '../../../contracts/courts.js';
import { regions } from '../regions/tables.js';

export const courts = pgTable(
  'courts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 128 }).notNull(),
    /** Case-number prefix such as 粤2071 (used in ruling numbers). */
    code: varchar('code', { length: 16 }).notNull().unique(),
    level: varchar('level', { length: 16 }).$type<CourtLevel>().notNull(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    address: varchar('address', { length: 256 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('courts_region_idx').on(t.regionCode)],
);
