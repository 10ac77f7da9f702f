import { z } from 'zod';
import { calendarDate } from '../text.js';
import { regionCodeSchema } from '../regions/api.js';

/** GET /api/membership/reports: the program's figures for a region, from the rows. */
export const membershipReportQuerySchema = z.object({
  /** The region (within the caller's); the caller's own by default. */
  regionCode: regionCodeSchema.optional(),
  /** The figures as of this China date (today by default). */
  asOf: calendarDate.optional(),
  /** The months shown over time: from this month (12 months before asOf by default) to asOf's. */
  from: calendarDate.optional(),
});
export type MembershipReportQuery = z.infer<typeof membershipReportQuerySchema>;

const figures = z.object({
  /** Unions built for new-employment-form workers (joint and industry unions). */
  organizations: z.number(),
  /** Members on the register on the day. */
  members: z.number(),
  /** Workers ever enrolled in work-injury or occupational-injury cover up to the day. */
  insured: z.number(),
  /** Of them, covered on the day. */
  coveredNow: z.number(),
  /** Members recommended for party membership up to the day. */
  recommended: z.number(),
});
export type MembershipFigures = z.infer<typeof figures>;

export const membershipReportSchema = z.object({
  regionCode: z.string().nullable(),
  regionName: z.string(),
  asOf: z.string(),
  totals: figures,
  /** The same figures for each region one level down (a prefecture's counties, a province's cities). */
  byArea: z.array(figures.extend({ regionCode: z.string(), regionName: z.string() })),
  /** What happened each month: members joined and left, workers newly covered, recommendations. */
  monthly: z.array(
    z.object({ month: z.string(), joined: z.number(), left: z.number(), insured: z.number(), recommended: z.number() }),
  ),
});
export type MembershipReport = z.infer<typeof membershipReportSchema>;
