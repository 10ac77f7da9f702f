import { and, asc, ne, not, sql } from 'drizzle-orm';
import type { StationStatus } from '../../../../contracts/stations/codes.js';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { openAtMinute } from '../repository.js';
import { stations } from '../tables.js';

export interface Box {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface MapStationRow {
  code: string;
  name: string;
  lat: number;
  lng: number;
  regionCode: string;
  status: StationStatus;
  open24h: boolean;
  opensMinute: number | null;
  closesMinute: number | null;
}

const columns = {
  code: stations.code,
  name: stations.name,
  lat: stations.lat,
  lng: stations.lng,
  regionCode: stations.regionCode,
  status: sql<StationStatus>`${stations.status}`,
  open24h: stations.open24h,
  opensMinute: stations.opensMinute,
  closesMinute: stations.closesMinute,
};

/** `location` within a box, through the GiST index on it (the finder's). */
const withinBox = (b: Box) =>
  sql`${stations.location} <@ box(point(${b.minLng}, ${b.minLat}), point(${b.maxLng}, ${b.maxLat}))`;

export const coverageRepo = {
  /** Per county registered in the scope: its stations that are not closed, and those open at the minute. */
  async countsByRegion(db: DbOrTx, scope: string, minute: number) {
    return db
      .select({
        regionCode: stations.regionCode,
        stations: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where ${openAtMinute(minute)}))::int`,
      })
      .from(stations)
      .where(and(ne(stations.status, 'closed'), inRegion(stations.regionCode, scope)))
      .groupBy(stations.regionCode);
  },

  /** Stations registered in the scope whose point lies outside the box: how many, and the first by code. */
  async registeredOutside(db: DbOrTx, scope: string, box: Box, limit: number) {
    const where = and(ne(stations.status, 'closed'), inRegion(stations.regionCode, scope), not(withinBox(box)));
    const [items, [count]] = await Promise.all([
      db
        .select({ code: stations.code, name: stations.name, lat: stations.lat, lng: stations.lng })
        .from(stations)
        .where(where)
        // Code-point order, as the service merges them, whatever the database's collation.
        .orderBy(sql`${stations.code} collate "C"`)
        .limit(limit),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(stations)
        .where(where),
    ]);
    return { count: count?.n ?? 0, items };
  },

  /** Stations that are not closed within the box, by code (all of them, or at most `limit`). */
  async stationsWithin(db: DbOrTx, box: Box, limit?: number): Promise<MapStationRow[]> {
    const q = db
      .select(columns)
      .from(stations)
      .where(and(ne(stations.status, 'closed'), withinBox(box)))
      .orderBy(asc(stations.code))
      .$dynamic();
    return limit === undefined ? q : q.limit(limit);
  },
};
