import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { SuggestionStatus } from '../../../../contracts/stations/board.js';
import { accounts } from '../../accounts/tables.js';
import { stations, stationWorkers } from '../tables.js';

/**
 * A worker's suggestion on a station's message board (留言板), with the staff's reply. `open`
 * until replied; `done` is final. Staff change it at the version they read.
 */
export const stationSuggestions = pgTable(
  'station_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    /** The poster. */
    workerId: uuid('worker_id')
      .notNull()
      .references(() => stationWorkers.id),
    body: varchar('body', { length: 500 }).notNull(),
    status: varchar('status', { length: 8 }).$type<SuggestionStatus>().notNull().default('open'),
    reply: varchar('reply', { length: 500 }),
    repliedBy: uuid('replied_by').references(() => accounts.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('station_suggestions_station_time').on(t.stationId, t.createdAt),
    check('station_suggestions_status', sql`${t.status} in ('open', 'replied', 'done')`),
  ],
);
