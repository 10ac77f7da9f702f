import { index, pgTable, varchar } from 'drizzle-orm/pg-core';
import type { RegionLevel } from '../../../contracts/regions.js';

export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 6 }).primaryKey(),
    name: varchar('name', { length: 64 }).notNull(),
    fullName: varchar('full_name', { length: 128 }).notNull(),
    level: varchar('level', { length: 10 }).$type<RegionLevel>().notNull(),
    parentCode: varchar('parent_code', { length: 6 }),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
