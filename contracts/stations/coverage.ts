import { z } from 'zod';
import { regionCodeSchema } from '../regions/api.js';
import { COVERAGE_WALK_M } from './codes.js';

/*
 * The stations on the map and the "15-minute" standard: how many stations each county or city
 * has, and what share of its area lies within a walking distance of a station open at a time of
 * day (GET /api/stations/coverage); and the map itself, drawn from outlines the project ships
 * (GET /api/public/stations/map), for a phone or an intranet without an online map.
 */

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM / a time is HH:MM')
  .describe('China time of day');

export const coverageQuerySchema = z.object({
  /** A province, city or county; without it, the reader's region. */
  regionCode: regionCodeSchema.optional(),
  /** Straight-line walking distance in metres (15 minutes at 4 km/h: 1,000 m). */
  walkM: z.coerce.number().int().min(COVERAGE_WALK_M.min).max(COVERAGE_WALK_M.max).default(COVERAGE_WALK_M.default),
  /** Stations open at this time of day (China); without it, now. */
  at: hhmm.optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

const km2 = z.number().min(0);
const share = z.number().min(0).max(1);
const count = z.number().int().min(0);

const coverageFiguresSchema = z.object({
  areaKm2: km2,
  coveredKm2: km2,
  /** coveredKm2 / areaKm2, 0 for an area of nothing. */
  share,
  /** Stations registered in the area (any status but closed). */
  stations: count,
  /** Of those, open at the time asked. */
  openStations: count,
});

export const coverageSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  walkM: z.number().int(),
  /** The time of day asked, China time. */
  at: z.string(),
  /** Side of the grid cells the areas were measured on, in metres. */
  cellM: z.number().int(),
  datum: z.string(),
  /** The outlines' package, version and licence. */
  source: z.string(),
  totals: coverageFiguresSchema,
  /** The counties of a city or county asked, the cities of a province asked. */
  areas: z.array(coverageFiguresSchema.extend({ code: z.string(), name: z.string() })),
  /**
   * Stations registered in the region whose point lies outside its outline (wrong coordinates or
   * datum): how many, and the first of them by code.
   */
  outsideOutline: z.object({
    count: count,
    items: z.array(z.object({ code: z.string(), name: z.string(), lat: z.number(), lng: z.number() })),
  }),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const stationMapQuerySchema = z.object({
  /** A city or a county (its city is drawn). */
  regionCode: regionCodeSchema,
});
export type StationMapQuery = z.infer<typeof stationMapQuerySchema>;

const ring = z.array(z.tuple([z.number(), z.number()]));

export const stationMapSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  datum: z.string(),
  source: z.string(),
  /** The city's counties; each polygon is its outside ring then its holes, points as [lng, lat]. */
  areas: z.array(z.object({ code: z.string(), name: z.string(), polygons: z.array(z.array(ring)) })),
  /** Stations within the city's box (not closed), with whether each is open now. */
  stations: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      lat: z.number(),
      lng: z.number(),
      openNow: z.boolean(),
      open24h: z.boolean(),
    }),
  ),
  /** True when the city has more stations than one map draws (the first ones by code are drawn). */
  truncated: z.boolean(),
});
export type StationMap = z.infer<typeof stationMapSchema>;
