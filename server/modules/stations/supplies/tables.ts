import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import type { SupplyMoveKind, SupplyUnit } from '../../../../contracts/stations/supplies.js';
import { accounts } from '../../accounts/tables.js';
import { stations } from '../tables.js';

/**
 * A kind of supply kept at a station (water, noodles, raincoats…) with its stock. The stock is
 * changed only with a move, on the locked row at the version read; below `low_at` it is low.
 */
export const stationSupplyItems = pgTable(
  'station_supply_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    name: varchar('name', { length: 32 }).notNull(),
    unit: varchar('unit', { length: 8 }).$type<SupplyUnit>().notNull(),
    stock: integer('stock').notNull().default(0),
    lowAt: integer('low_at').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('station_supply_items_station_name').on(t.stationId, t.name),
    check('station_supply_items_stock', sql`${t.stock} >= 0`),
    check('station_supply_items_low_at', sql`${t.lowAt} >= 0`),
  ],
);

/**
 * One change of an item's stock: a donation (by a donor company's account, or a company named in
 * free text), a consumption (the quantity taken off) or an adjustment at a count (either sign).
 * A donation keeps the thank-you sent for it.
 */
export const stationSupplyMoves = pgTable(
  'station_supply_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => stationSupplyItems.id),
    kind: varchar('kind', { length: 16 }).$type<SupplyMoveKind>().notNull(),
    quantity: integer('quantity').notNull(),
    donorAccountId: uuid('donor_account_id').references(() => accounts.id),
    donorName: varchar('donor_name', { length: 64 }),
    thankedAt: timestamp('thanked_at', { withTimezone: true }),
    thankNote: varchar('thank_note', { length: 200 }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('station_supply_moves_item_time').on(t.itemId, t.at),
    index('station_supply_moves_donor_time')
      .on(t.donorAccountId, t.at)
      .where(sql`${t.donorAccountId} is not null`),
    check('station_supply_moves_kind', sql`${t.kind} in ('donation', 'consumed', 'adjusted')`),
    check(
      'station_supply_moves_quantity',
      sql`(${t.kind} = 'adjusted' and ${t.quantity} <> 0) or (${t.kind} <> 'adjusted' and ${t.quantity} > 0)`,
    ),
    check(
      'station_supply_moves_donor',
      sql`${t.kind} <> 'donation' or ${t.donorAccountId} is not null or ${t.donorName} is not null`,
    ),
  ],
);
