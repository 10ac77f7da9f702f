import { bigint, bigserial, date, integer, pgTable, primaryKey, timestamp, varchar } from 'drizzle-orm/pg-core';

/*
 * The statistics' snapshot with invalidation (docs/adr/0006): the figures of every region and year
 * as of the last refresh, and a mark for every statement that wrote the rows they are made of.
 * While a mark is left the snapshot may be stale and the figures are read live.
 */

/**
 * One row per statement that wrote fee_collections or fee_refund_lines (statement-level triggers,
 * migration 0021): only an insert, so writers never wait for each other on it. The refresh
 * deletes the marks it saw; a mark committed during a refresh stays and keeps the reads live.
 */
export const feeStatsChanges = pgTable('fee_stats_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The year's figures of a region at one level: `county` (code of a county, as the rows carry it)
 * or `city` (xxyy00: enterprises counted once in their city even when they moved county within
 * it). Everything of `countsByRegion` but "overdue", which depends on the as-of day.
 */
export const feeStatsSnapshot = pgTable(
  'fee_stats_snapshot',
  {
    level: varchar('level', { length: 8 }).$type<'city' | 'county'>().notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    year: integer('year').notNull(),
    enterprisesPaid: integer('enterprises_paid').notNull(),
    collectedFen: bigint('collected_fen', { mode: 'number' }).notNull(),
    enterprisesDue: integer('enterprises_due').notNull(),
    enterprisesUnpaid: integer('enterprises_unpaid').notNull(),
    dueFen: bigint('due_fen', { mode: 'number' }).notNull(),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull(),
    heldFen: bigint('held_fen', { mode: 'number' }).notNull(),
    unpaidFen: bigint('unpaid_fen', { mode: 'number' }).notNull(),
    paidLines: integer('paid_lines').notNull(),
    onTimeLines: integer('on_time_lines').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.regionCode, t.year] })],
);

/**
 * Unpaid due lines (any state but held and paid) per county, year and due day: the overdue
 * figures as of a day are the sum of the days before it.
 */
export const feeStatsUnpaidDays = pgTable(
  'fee_stats_unpaid_days',
  {
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    year: integer('year').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    lines: integer('lines').notNull(),
    fen: bigint('fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year, t.dueOn] })],
);
