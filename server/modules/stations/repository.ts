import { and, asc, eq, gte, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { StationFacility, StationStatus } from '../../../contracts/stations/codes.js';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../organizations/tables.js';
import { regions } from '../regions/tables.js';
import { stationDoorRejects, stations, stationVisits, stationWorkers } from './tables.js';

// The registry's queries: stations by code, the staff list, and the finder's nearest-first read.

export type StationInsert = typeof stations.$inferInsert;
export type StationRow = typeof stations.$inferSelect;

const stationColumns = {
  id: stations.id,
  code: stations.code,
  name: stations.name,
  address: stations.address,
  lat: stations.lat,
  lng: stations.lng,
  regionCode: stations.regionCode,
  regionName: regions.fullName,
  hostOrganizationId: stations.hostOrganizationId,
  hostOrganizationName: organizations.name,
  operatorName: stations.operatorName,
  managerAccountId: stations.managerAccountId,
  open24h: stations.open24h,
  opensMinute: stations.opensMinute,
  closesMinute: stations.closesMinute,
  areaM2: stations.areaM2,
  facilities: stations.facilities,
  standards: stations.standards,
  status: stations.status,
  version: stations.version,
};

export interface StationFilter {
  scope: string | null;
  q?: string;
  regionCode?: string;
  status?: StationStatus;
}

function where(f: StationFilter): SQL | undefined {
  return and(
    inRegion(stations.regionCode, f.scope),
    inRegion(stations.regionCode, f.regionCode),
    f.status ? eq(stations.status, f.status) : undefined,
    f.q ? or(ilike(stations.name, likeText(f.q)), eq(stations.code, f.q.toUpperCase())) : undefined,
  );
}

/**
 * Open at a minute of the day (China time): a same-day range holds opens ≤ now < closes, one
 * across midnight now ≥ opens or now < closes (contracts/stations/hours.ts says the same).
 */
export function openAtMinute(minute: number): SQL {
  return sql`(${stations.status} = 'open' and (${stations.open24h} or (${stations.opensMinute} < ${stations.closesMinute} and ${minute} >= ${stations.opensMinute} and ${minute} < ${stations.closesMinute}) or (${stations.opensMinute} > ${stations.closesMinute} and (${minute} >= ${stations.opensMinute} or ${minute} < ${stations.closesMinute}))))`;
}

/** What a rider's phone is told of a station (the finder and the search by place). */
const finderColumns = {
  code: stations.code,
  name: stations.name,
  address: stations.address,
  lat: stations.lat,
  lng: stations.lng,
  open24h: stations.open24h,
  opensMinute: stations.opensMinute,
  closesMinute: stations.closesMinute,
  status: stations.status,
  facilities: stations.facilities,
  regionCode: stations.regionCode,
};

const withNames = (db: DbOrTx) =>
  db
    .select(stationColumns)
    .from(stations)
    .leftJoin(regions, eq(regions.code, stations.regionCode))
    .leftJoin(organizations, eq(organizations.id, stations.hostOrganizationId));

export type StationRecord = NonNullable<Awaited<ReturnType<typeof byCode>>>;
export type FinderRow = Omit<Awaited<ReturnType<typeof stationRepo.searchByPlace>>[number], 'regionName'>;

async function byCode(db: DbOrTx, code: string) {
  const [row] = await withNames(db).where(eq(stations.code, code));
  return row ?? null;
}

export const stationRepo = {
  byCode,
  /** The row to change, locked until the caller's transaction ends. */
  async lockByCode(db: DbOrTx, code: string) {
    const [row] = await db.select().from(stations).where(eq(stations.code, code)).for('update');
    return row ?? null;
  },
  /** A new station; null when its code is taken. */
  async insertNew(db: DbOrTx, values: StationInsert) {
    const [row] = await db.insert(stations).values(values).onConflictDoNothing({ target: stations.code }).returning();
    return row ?? null;
  },
  async update(db: DbOrTx, id: string, values: Partial<StationInsert>) {
    const [row] = await db.update(stations).set(values).where(eq(stations.id, id)).returning();
    return row ?? null;
  },
  async list(db: DbOrTx, f: StationFilter, limit: number, offset: number) {
    const items = await withNames(db).where(where(f)).orderBy(asc(stations.code)).limit(limit).offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(stations)
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },
  /**
   * Candidates nearest first by the planar distance in degrees, served by the GiST index on
   * `location` (a nearest-neighbour index scan, not a sort of the table); the service ranks them
   * by true distance and asks for more when the bound says an unseen one could still be nearer.
   */
  async nearestCandidates(
    db: DbOrTx,
    at: { lat: number; lng: number },
    f: { openAtMinute?: number; facilities?: StationFacility[] },
    limit: number,
  ) {
    const here = sql`point(${at.lng}, ${at.lat})`;
    return db
      .select({
        ...finderColumns,
        planar: sql<number>`${stations.location} <-> ${here}`,
      })
      .from(stations)
      .where(
        and(
          f.openAtMinute === undefined ? eq(stations.status, 'open') : openAtMinute(f.openAtMinute),
          f.facilities?.length
            ? sql`${stations.facilities} @> array[${sql.join(
                f.facilities.map((x) => sql`${x}`),
                sql`, `,
              )}]::text[]`
            : undefined,
        ),
      )
      .orderBy(sql`${stations.location} <-> ${here}`)
      .limit(limit);
  },
  /**
   * Stations whose name, address or region's name holds every word typed (a district, a street, a
   * community), open ones first by name; no closed station.
   */
  async searchByPlace(db: DbOrTx, words: string[], openAt: number | undefined, limit: number) {
    return db
      .select({
        ...finderColumns,
        regionName: regions.fullName,
      })
      .from(stations)
      .leftJoin(regions, eq(regions.code, stations.regionCode))
      .where(
        and(
          openAt === undefined ? eq(stations.status, 'open') : openAtMinute(openAt),
          ...words.map((w) =>
            or(
              ilike(stations.name, likeText(w)),
              ilike(stations.address, likeText(w)),
              ilike(regions.fullName, likeText(w)),
            ),
          ),
        ),
      )
      .orderBy(asc(stations.name))
      .limit(limit);
  },
  /** Visits since a time, registered workers, and door rejects since a time, for one station. */
  async figures(db: DbOrTx, stationId: string, visitsSince: Date, rejectsSince: Date) {
    const [row] = await db
      .select({
        visits: sql<number>`(select count(*)::int from ${stationVisits} where ${stationVisits.stationId} = ${stationId} and ${stationVisits.occurredAt} >= ${visitsSince})`,
        workers: sql<number>`(select count(*)::int from ${stationWorkers} where ${stationWorkers.registeredStationId} = ${stationId})`,
        rejects: sql<number>`(select count(*)::int from ${stationDoorRejects} where ${stationDoorRejects.stationId} = ${stationId} and ${stationDoorRejects.receivedAt} >= ${rejectsSince})`,
      })
      .from(sql`(select 1) as one`);
    return { visits: row?.visits ?? 0, workers: row?.workers ?? 0, rejects: row?.rejects ?? 0 };
  },
  async visitsSince(db: DbOrTx, stationId: string, from: Date) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(stationVisits)
      .where(and(eq(stationVisits.stationId, stationId), gte(stationVisits.occurredAt, from)));
    return row?.n ?? 0;
  },
};
