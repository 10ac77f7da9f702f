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
