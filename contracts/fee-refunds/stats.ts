import { z } from 'zod';

/**
 * The statistics of fee refunds (GET /api/fee-refunds/stats and its biweekly workbook): per
 * region and year, what was collected, what is due back to the enterprises and how much of it
 * has been paid, on time or late. Money in fen; rates 0..1, null when there is nothing to divide by.
 *
 * A refund line belongs to year Y when its month (入库月份, YYYY-MM) starts with Y, as a
 * collection does when its treasury date (入库日期) does: the two sides of a year are the same
 * money. A region's figures are those of the enterprises whose county (所属区划) is inside it.
 */

export const feeStatsRowSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  /** Distinct USCCs with a collection whose treasury date is in the year (缴费企业数). */
  enterprisesPaid: z.number().int(),
  /** Sum of those collections (征收金额). */
  collectedFen: z.number().int(),
  /** Distinct USCCs with a line due to them: any state but `held` (应返还企业数). */
  enterprisesDue: z.number().int(),
  /** Sum of the due lines (应返还金额). */
  dueFen: z.number().int(),
  /** Distinct USCCs whose due lines of the year are all paid (已返还企业数). */
  enterprisesRefunded: z.number().int(),
  /** Sum of the paid lines (已返还金额). */
  refundedFen: z.number().int(),
  /** enterprisesRefunded / enterprisesDue; null when none is due. */
  rateByCount: z.number().min(0).max(1).nullable(),
  /** refundedFen / dueFen; null when nothing is due. */
  rateByAmount: z.number().min(0).max(1).nullable(),
  /** Due lines not paid plus held lines (待返还金额). */
  pendingFen: z.number().int(),
  /** Lines held as preparation fund (筹备金) until the enterprise sets up a union. */
  heldFen: z.number().int(),
  /** Due lines not paid whose due date is before the as-of day (逾期). */
  overdueLines: z.number().int(),
  overdueFen: z.number().int(),
  /** Share of the paid lines paid on or before their due date; null when none is paid. */
  onTimeRate: z.number().min(0).max(1).nullable(),
});
export type FeeStatsRow = z.infer<typeof feeStatsRowSchema>;

/** GET /api/fee-refunds/stats: the region's total and one row per child region with any data. */
export const feeStatsSchema = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  total: feeStatsRowSchema,
  rows: z.array(feeStatsRowSchema),
});
export type FeeStats = z.infer<typeof feeStatsSchema>;
