import { and, asc, ne, or, sql } from 'drizzle-orm';
import type { StationStatus } from '../../../../contracts/stations/codes.js';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
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
  /**
   * Stations that are not closed and either lie within the box (they may serve the area whoever
   * registered them) or are registered in the region (to find those placed outside its outline).
   */
  async stationsFor(db: DbOrTx, box: Box, scope: string): Promise<MapStationRow[]> {
    return db
      .select(columns)
      .from(stations)
      .where(and(ne(stations.status, 'closed'), or(withinBox(box), inRegion(stations.regionCode, scope))))
      .orderBy(asc(stations.code));
  },

  /** Stations that are not closed within the box, by code, at most `limit`. */
  async stationsWithin(db: DbOrTx, box: Box, limit: number): Promise<MapStationRow[]> {
    return db
      .select(columns)
      .from(stations)
      .where(and(ne(stations.status, 'closed'), withinBox(box)))
      .orderBy(asc(stations.code))
      .limit(limit);
  },
};
