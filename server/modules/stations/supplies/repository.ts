import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import { stations } from '../tables.js';
import { stationSupplyItems, stationSupplyMoves } from './tables.js';

// A station's supplies: the items with their last move, the locked stock change, the moves and
// a donor's own donations.

export type SupplyItemRow = typeof stationSupplyItems.$inferSelect;
export type SupplyItemInsert = typeof stationSupplyItems.$inferInsert;
export type SupplyMoveInsert = typeof stationSupplyMoves.$inferInsert;

const donorAccountName = sql<
  string | null
>`(select display_name from ${accounts} where ${accounts.id} = ${stationSupplyMoves.donorAccountId})`;
const recordedByName = sql<
  string | null
>`(select display_name from ${accounts} where ${accounts.id} = ${stationSupplyMoves.recordedBy})`;

const moveColumns = {
  id: stationSupplyMoves.id,
  itemId: stationSupplyMoves.itemId,
  itemName: stationSupplyItems.name,
  unit: stationSupplyItems.unit,
  kind: stationSupplyMoves.kind,
  quantity: stationSupplyMoves.quantity,
  donorAccountId: stationSupplyMoves.donorAccountId,
  donorName: sql<string | null>`coalesce(${donorAccountName}, ${stationSupplyMoves.donorName})`,
  thankedAt: stationSupplyMoves.thankedAt,
  thankNote: stationSupplyMoves.thankNote,
  at: stationSupplyMoves.at,
  recordedBy: recordedByName,
};
export type SupplyMoveRow = NonNullable<Awaited<ReturnType<typeof supplyRepo.moveById>>>;

const newestFirst = [desc(stationSupplyMoves.at), desc(stationSupplyMoves.createdAt), desc(stationSupplyMoves.id)];

async function movePage(db: DbOrTx, where: SQL | undefined, limit: number, offset: number) {
  const items = await db
    .select({ ...moveColumns, stationName: stations.name })
    .from(stationSupplyMoves)
    .innerJoin(stationSupplyItems, eq(stationSupplyItems.id, stationSupplyMoves.itemId))
    .innerJoin(stations, eq(stations.id, stationSupplyItems.stationId))
    .where(where)
    .orderBy(...newestFirst)
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(stationSupplyMoves)
    .innerJoin(stationSupplyItems, eq(stationSupplyItems.id, stationSupplyMoves.itemId))
    .where(where);
  return { items, total: count?.n ?? 0 };
}

export const supplyRepo = {
  /** A station's items by name. */
  items(db: DbOrTx, stationId: string) {
    return db
      .select()
      .from(stationSupplyItems)
      .where(eq(stationSupplyItems.stationId, stationId))
      .orderBy(asc(stationSupplyItems.name));
  },
  /** The newest move of each of these items. */
  lastMoves(db: DbOrTx, itemIds: string[]) {
    if (itemIds.length === 0) return Promise.resolve([]);
    return db
      .selectDistinctOn([stationSupplyMoves.itemId], {
        itemId: stationSupplyMoves.itemId,
        kind: stationSupplyMoves.kind,
        quantity: stationSupplyMoves.quantity,
        at: stationSupplyMoves.at,
      })
      .from(stationSupplyMoves)
      .where(inArray(stationSupplyMoves.itemId, itemIds))
      .orderBy(stationSupplyMoves.itemId, ...newestFirst);
  },
  async itemById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(stationSupplyItems).where(eq(stationSupplyItems.id, id));
    return row ?? null;
  },
  /** A new item, or null when the station already has one of that name. */
  async insertItem(db: DbOrTx, values: SupplyItemInsert) {
    const [row] = await db.insert(stationSupplyItems).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },
  /** The item locked for a stock change, with the phone of its station's manager (to text when it runs low). */
  async lockItem(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ item: stationSupplyItems, managerPhone: accounts.phone })
      .from(stationSupplyItems)
      .innerJoin(stations, eq(stations.id, stationSupplyItems.stationId))
      .leftJoin(accounts, eq(accounts.id, stations.managerAccountId))
      .where(eq(stationSupplyItems.id, id))
      .for('update', { of: stationSupplyItems });
    return row ?? null;
  },
  async updateItem(db: DbOrTx, id: string, values: Partial<SupplyItemInsert>) {
    await db.update(stationSupplyItems).set(values).where(eq(stationSupplyItems.id, id));
  },
  async insertMove(db: DbOrTx, values: SupplyMoveInsert) {
    const [row] = await db.insert(stationSupplyMoves).values(values).returning({ id: stationSupplyMoves.id });
    return row!;
  },
  async moveById(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ ...moveColumns, stationId: stationSupplyItems.stationId })
      .from(stationSupplyMoves)
      .innerJoin(stationSupplyItems, eq(stationSupplyItems.id, stationSupplyMoves.itemId))
      .where(eq(stationSupplyMoves.id, id));
    return row ?? null;
  },
  /** The move locked for its thank-you, with the station it belongs to. */
  async lockMove(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ move: stationSupplyMoves, stationId: stationSupplyItems.stationId })
      .from(stationSupplyMoves)
      .innerJoin(stationSupplyItems, eq(stationSupplyItems.id, stationSupplyMoves.itemId))
      .where(eq(stationSupplyMoves.id, id))
      .for('update', { of: stationSupplyMoves });
    return row ?? null;
  },
  async updateMove(db: DbOrTx, id: string, values: Partial<SupplyMoveInsert>) {
    await db.update(stationSupplyMoves).set(values).where(eq(stationSupplyMoves.id, id));
  },
  /** A station's moves, newest first. */
  stationMoves(db: DbOrTx, stationId: string, limit: number, offset: number) {
    return movePage(db, eq(stationSupplyItems.stationId, stationId), limit, offset);
  },
  /** A donor account's donations at every station, newest first. */
  donationsOf(db: DbOrTx, accountId: string, limit: number, offset: number) {
    return movePage(
      db,
      and(eq(stationSupplyMoves.donorAccountId, accountId), eq(stationSupplyMoves.kind, 'donation')),
      limit,
      offset,
    );
  },
};
