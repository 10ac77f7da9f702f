import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import { stations } from '../tables.js';
import { stationAlarms } from './tables.js';

// Staff's reads and changes of alarms (the ingester raises and clears them in repository.ts).

type AlarmState = 'active' | 'acknowledged' | 'cleared';

const ackAccount = sql<
  string | null
>`(select display_name from ${accounts} where ${accounts.id} = ${stationAlarms.acknowledgedBy})`;
const clearAccount = sql<
  string | null
>`(select display_name from ${accounts} where ${accounts.id} = ${stationAlarms.clearedBy})`;

const columns = {
  id: stationAlarms.id,
  stationCode: stations.code,
  stationName: stations.name,
  kind: stationAlarms.kind,
  severity: stationAlarms.severity,
  state: stationAlarms.state,
  textZh: stationAlarms.textZh,
  textEn: stationAlarms.textEn,
  equipmentCode: stationAlarms.equipmentCode,
  value: stationAlarms.value,
  firstAt: stationAlarms.firstAt,
  lastAt: stationAlarms.lastAt,
  occurrences: stationAlarms.occurrences,
  acknowledgedBy: ackAccount,
  acknowledgedAt: stationAlarms.acknowledgedAt,
  clearedBy: clearAccount,
  clearedAt: stationAlarms.clearedAt,
};
export type AlarmRow = Awaited<ReturnType<typeof alarmRepo.byId>> & {};

const stateFilter = (state: 'open' | AlarmState) =>
  state === 'open' ? ne(stationAlarms.state, 'cleared') : eq(stationAlarms.state, state);

export const alarmRepo = {
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(columns)
      .from(stationAlarms)
      .innerJoin(stations, eq(stations.id, stationAlarms.stationId))
      .where(eq(stationAlarms.id, id));
    return row ?? null;
  },
  async list(db: DbOrTx, stationId: string, state: 'open' | AlarmState, limit: number, offset: number) {
    const where = and(eq(stationAlarms.stationId, stationId), stateFilter(state));
    const items = await db
      .select(columns)
      .from(stationAlarms)
      .innerJoin(stations, eq(stations.id, stationAlarms.stationId))
      .where(where)
      .orderBy(desc(stationAlarms.lastAt), desc(stationAlarms.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(stationAlarms)
      .where(where);
    return { items, total: count?.n ?? 0 };
  },
  /** The alarm locked for a change by staff, with its station. */
  async lock(db: DbOrTx, id: string) {
    const [row] = await db.select().from(stationAlarms).where(eq(stationAlarms.id, id)).for('update');
    return row ?? null;
  },
  /** Moves the alarm from one of `from` to `to`; false when it was no longer in one of them. */
  async move(db: DbOrTx, id: string, from: AlarmState[], set: Partial<typeof stationAlarms.$inferInsert>) {
    const rows = await db
      .update(stationAlarms)
      .set(set)
      .where(and(eq(stationAlarms.id, id), inArray(stationAlarms.state, from)))
      .returning({ id: stationAlarms.id });
    return rows.length === 1;
  },
};
