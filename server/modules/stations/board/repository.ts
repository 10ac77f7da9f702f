import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { SuggestionStatus } from '../../../../contracts/stations/board.js';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import { people } from '../../people/tables.js';
import { stationWorkers } from '../tables.js';
import { stationSuggestions } from './tables.js';

// The message board's suggestions: the board's pages, staff's list, and the locked, versioned change.

export type SuggestionInsert = typeof stationSuggestions.$inferInsert;

const repliedByName = sql<
  string | null
>`(select display_name from ${accounts} where ${accounts.id} = ${stationSuggestions.repliedBy})`;

const columns = {
  id: stationSuggestions.id,
  stationId: stationSuggestions.stationId,
  body: stationSuggestions.body,
  status: stationSuggestions.status,
  reply: stationSuggestions.reply,
  repliedBy: repliedByName,
  repliedAt: stationSuggestions.repliedAt,
  doneAt: stationSuggestions.doneAt,
  createdAt: stationSuggestions.createdAt,
  version: stationSuggestions.version,
  posterName: people.name,
  occupation: stationWorkers.occupation,
};
export type SuggestionRow = NonNullable<Awaited<ReturnType<typeof suggestionRepo.byId>>>;

async function page(db: DbOrTx, where: SQL | undefined, limit: number, offset: number) {
  const items = await db
    .select(columns)
    .from(stationSuggestions)
    .innerJoin(stationWorkers, eq(stationWorkers.id, stationSuggestions.workerId))
    .innerJoin(people, eq(people.id, stationWorkers.personId))
    .where(where)
    .orderBy(desc(stationSuggestions.createdAt), desc(stationSuggestions.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(stationSuggestions)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

export const suggestionRepo = {
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(columns)
      .from(stationSuggestions)
      .innerJoin(stationWorkers, eq(stationWorkers.id, stationSuggestions.workerId))
      .innerJoin(people, eq(people.id, stationWorkers.personId))
      .where(eq(stationSuggestions.id, id));
    return row ?? null;
  },
  /** A station's suggestions, newest first, optionally of one status. */
  list(db: DbOrTx, stationId: string, status: SuggestionStatus | undefined, limit: number, offset: number) {
    const where = and(
      eq(stationSuggestions.stationId, stationId),
      status ? eq(stationSuggestions.status, status) : undefined,
    );
    return page(db, where, limit, offset);
  },
  async insert(db: DbOrTx, values: SuggestionInsert) {
    const [row] = await db.insert(stationSuggestions).values(values).returning({ id: stationSuggestions.id });
    return row!;
  },
  /** The suggestion locked for a change by staff, with the poster's phone to text the reply to. */
  async lock(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ suggestion: stationSuggestions, workerPhone: stationWorkers.phone })
      .from(stationSuggestions)
      .innerJoin(stationWorkers, eq(stationWorkers.id, stationSuggestions.workerId))
      .where(eq(stationSuggestions.id, id))
      .for('update', { of: stationSuggestions });
    return row ?? null;
  },
  async update(db: DbOrTx, id: string, values: Partial<SuggestionInsert>) {
    await db.update(stationSuggestions).set(values).where(eq(stationSuggestions.id, id));
  },
};
