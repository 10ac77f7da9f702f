import { z } from 'zod';
import { regionCodeSchema } from '../regions/api.js';
import { calendarDate } from '../text.js';
import { ALARM_KINDS } from './api.js';
import { OCCUPATIONS, STATION_STATUSES } from './codes.js';

/**
 * The stations' dashboard of a city or province (GET /api/stations/dashboard and its workbook,
 * dashboard.xlsx): over a period of China calendar days, the visits per day and per hour of day,
 * by the visitors' occupation and per station; the stations now; the alarms open now and raised.
 */

/** The longest period asked at once, in days between `from` and `to`. */
export const DASHBOARD_MAX_DAYS = 366;

/** Without `from`/`to`: the last 30 days in China, today included. Without `regionCode`: the reader's region. */
export const stationDashboardQuerySchema = z.object({
  regionCode: regionCodeSchema.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});
export type StationDashboardQuery = z.infer<typeof stationDashboardQuerySchema>;

const count = z.number().int().min(0);

export const stationDashboardSchema = z.object({
  /** null: the whole country (a national reader who chose no region). */
  regionCode: z.string().nullable(),
  /** The region's full name (安徽省合肥市), or 全国. */
  regionName: z.string(),
  from: z.string(),
  to: z.string(),
  visits: z.object({
    total: count,
    /** Distinct workers who came in the period. */
    workers: count,
  }),
  /** Every day of the period in order, a day without visits at 0 (China days). */
  visitsByDay: z.array(z.object({ day: z.string(), visits: count, workers: count })),
  /** Hours 0–23 of the day in China, each summed over the period. */
  visitsByHour: z.array(z.object({ hour: z.number().int().min(0).max(23), visits: count })),
  /** The visitors' occupations as they registered them, most visits first. */
  occupations: z.array(z.object({ occupation: z.enum(OCCUPATIONS), visits: count, workers: count })),
  stations: z.object({
    total: count,
    open: count,
    /** Online as the gateways' last messages (and the silence job) left them. */
    online: count,
    byStatus: z.array(z.object({ status: z.enum(STATION_STATUSES), stations: count })),
  }),
  alarms: z.object({
    /** Not cleared now (active or acknowledged), whenever raised. */
    openNow: count,
    /** First raised within the period. */
    raised: count,
    byDay: z.array(z.object({ day: z.string(), raised: count })),
    byKind: z.array(z.object({ kind: z.enum(ALARM_KINDS), raised: count, openNow: count })),
  }),
  /** The stations with the most visits in the period (at most 10), then by code. */
  topStations: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      regionName: z.string().nullable(),
      status: z.enum(STATION_STATUSES),
      visits: count,
      workers: count,
    }),
  ),
});
export type StationDashboard = z.infer<typeof stationDashboardSchema>;
