import { bigint, date, index, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { LaborParamKind } from '../../../contracts/labor-law/api.js';
import { regions } from '../regions/tables.js';

/**
 * Local wage figures by region and effective date. A figure set for a province applies to
 * its cities unless a city (or county) has its own.
 */
export const laborParams = pgTable(
  'labor_params',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    kind: varchar('kind', { length: 32 }).$type<LaborParamKind>().notNull(),
    effectiveFrom: date('effective_from').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Where the figure comes from (the publishing authority and document). */
    source: varchar('source', { length: 256 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('labor_params_unique').on(t.regionCode, t.kind, t.effectiveFrom),
    index('labor_params_lookup').on(t.kind, t.regionCode, t.effectiveFrom),
  ],
);
