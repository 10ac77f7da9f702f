import { and, asc, desc, eq, gte, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ALARM_KINDS } from '../../../../contracts/stations/api.js';
import type { Occupation, StationStatus } from '../../../../contracts/stations/codes.js';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { regions } from '../../regions/tables.js';
import { stations, stationVisits, stationWorkers } from '../tables.js';
import { stationAlarms, stationLive } from '../telemetry/tables.js';

type AlarmKind = (typeof ALARM_KINDS)[number];

// The dashboard's figures of a region (null: the whole country) over [start, end): visits are
// counted from station_visits through its (station_id, occurred_at) index, the stations of the
// region joined in; days and hours are China's.

export interface Period {
  scope: string | null;
  start: Date;
  end: Date;
}

const visitCount = sql<number>`count(*)::int`;
const workerCount = sql<number>`count(distinct ${stationVisits.workerId})::int`;
const visitDay = sql<string>`to_char(${stationVisits.occurredAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
const visitHour = sql<number>`extract(hour from ${stationVisits.occurredAt} at time zone 'Asia/Shanghai')::int`;
const alarmDay = sql<string>`to_char(${stationAlarms.firstAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

const visitsIn = (p: Period): SQL | undefined =>
  and(
    inRegion(stations.regionCode, p.scope),
    gte(stationVisits.occurredAt, p.start),
    lt(stationVisits.occurredAt, p.end),
  );

const raisedIn = (p: Period): SQL =>
  sql`(${gte(stationAlarms.firstAt, p.start)} and ${lt(stationAlarms.firstAt, p.end)})`;

export const dashboardRepo = {
  async visitTotals(db: DbOrTx, p: Period) {
    const [row] = await db
      .select({ visits: visitCount, workers: workerCount })
      .from(stationVisits)
      .innerJoin(stations, eq(stations.id, stationVisits.stationId))
      .where(visitsIn(p));
    return { total: row?.visits ?? 0, workers: row?.workers ?? 0 };
  },

  async visitsByDay(db: DbOrTx, p: Period) {
    return db
      .select({ day: visitDay, visits: visitCount, workers: workerCount })
      .from(stationVisits)
      .innerJoin(stations, eq(stations.id, stationVisits.stationId))
      .where(visitsIn(p))
      .groupBy(visitDay);
  },

  async visitsByHour(db: DbOrTx, p: Period) {
    return db
      .select({ hour: visitHour, visits: visitCount })
      .from(stationVisits)
      .innerJoin(stations, eq(stations.id, stationVisits.stationId))
      .where(visitsIn(p))
      .groupBy(visitHour);
  },

  async visitsByOccupation(db: DbOrTx, p: Period) {
    return db
      .select({
        occupation: sql<Occupation>`${stationWorkers.occupation}`,
        visits: visitCount,
        workers: workerCount,
      })
      .from(stationVisits)
      .innerJoin(stations, eq(stations.id, stationVisits.stationId))
      .innerJoin(stationWorkers, eq(stationWorkers.id, stationVisits.workerId))
      .where(visitsIn(p))
      .groupBy(stationWorkers.occupation)
      .orderBy(desc(visitCount), asc(stationWorkers.occupation));
  },

  async topStations(db: DbOrTx, p: Period, limit: number) {
    return db
      .select({
        code: stations.code,
        name: stations.name,
        regionName: regions.fullName,
        status: sql<StationStatus>`${stations.status}`,
        visits: visitCount,
        workers: workerCount,
      })
      .from(stationVisits)
      .innerJoin(stations, eq(stations.id, stationVisits.stationId))
      .leftJoin(regions, eq(regions.code, stations.regionCode))
      .where(visitsIn(p))
      .groupBy(stations.id, stations.code, stations.name, regions.fullName, stations.status)
      .orderBy(desc(visitCount), asc(stations.code))
      .limit(limit);
  },

  /** Stations per status, with how many of them are online now. */
  async stationsByStatus(db: DbOrTx, scope: string | null) {
    return db
      .select({
        status: sql<StationStatus>`${stations.status}`,
        stations: sql<number>`count(*)::int`,
        online: sql<number>`(count(*) filter (where ${stationLive.online}))::int`,
      })
      .from(stations)
      .leftJoin(stationLive, eq(stationLive.stationId, stations.id))
      .where(inRegion(stations.regionCode, scope))
      .groupBy(stations.status);
  },

  /** Per kind: alarms open now (whenever raised) and alarms first raised in the period. */
  async alarmsByKind(db: DbOrTx, p: Period) {
    const open = ne(stationAlarms.state, 'cleared');
    return db
      .select({
        kind: sql<AlarmKind>`${stationAlarms.kind}`,
        openNow: sql<number>`(count(*) filter (where ${open}))::int`,
        raised: sql<number>`(count(*) filter (where ${raisedIn(p)}))::int`,
      })
      .from(stationAlarms)
      .innerJoin(stations, eq(stations.id, stationAlarms.stationId))
      .where(and(inRegion(stations.regionCode, p.scope), or(open, raisedIn(p))))
      .groupBy(stationAlarms.kind)
      .orderBy(asc(stationAlarms.kind));
  },

  async alarmsByDay(db: DbOrTx, p: Period) {
    return db
      .select({ day: alarmDay, raised: sql<number>`count(*)::int` })
      .from(stationAlarms)
      .innerJoin(stations, eq(stations.id, stationAlarms.stationId))
      .where(and(inRegion(stations.regionCode, p.scope), raisedIn(p)))
      .groupBy(alarmDay);
  },
};
