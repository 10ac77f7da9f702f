import { integer, pgTable, varchar } from 'drizzle-orm/pg-core';

/**
 * Document numbers (case numbers per mediation body and year, ruling numbers per court and
 * year): one row per series, incremented under its row lock, so two numbers are never equal.
 */
export const numberCounters = pgTable('number_counters', {
  series: varchar('series', { length: 120 }).primaryKey(),
  last: integer('last').notNull().default(0),
});
