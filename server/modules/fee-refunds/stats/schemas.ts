import { z } from 'zod';
import { calendarDate } from '../../../../contracts/text.js';

// The query of the statistics and of their workbook (the answer is in contracts/fee-refunds/stats.ts).

export const feeStatsQuerySchema = z.object({
  regionCode: z.string().regex(/^\d{6}$/, '地区代码应为 6 位数字'),
  year: z.coerce.number().int().min(2000).max(2100),
  /** The day overdue lines are counted at; today in China when left out. */
  asOf: calendarDate.optional(),
});
export type FeeStatsQuery = z.infer<typeof feeStatsQuerySchema>;

/** The quarterly circular or the weekly report (GET /api/fee-refunds/stats/report). */
export const feeReportQuerySchema = z.object({
  kind: z.enum(['quarterly', 'weekly']),
  regionCode: z.string().regex(/^\d{6}$/, '地区代码应为 6 位数字'),
  year: z.coerce.number().int().min(2000).max(2100),
  /** The quarter of a circular (1–4); a weekly report is as of today or `asOf`. */
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  asOf: calendarDate.optional(),
  format: z.enum(['docx', 'pdf']).default('pdf'),
});
export type FeeReportQuery = z.infer<typeof feeReportQuerySchema>;
