import { z } from 'zod';
import { feeReconciliationFilterSchema, RECONCILIATION_MAX_DAYS } from '../../../../contracts/fee-refunds.js';
import { isCalendarDate, toDayNumber } from '../../../../contracts/dates.js';
import { pageQuerySchema } from '../../../core/paging.js';

const realDates = (f: { from: string; to: string }) => isCalendarDate(f.from) && isCalendarDate(f.to);

/** `?regionCode=&from=&to=&page=&pageSize=`: from ≤ to, at most a year and a day. */
export const feeReconciliationQuerySchema = feeReconciliationFilterSchema
  .extend(pageQuerySchema.shape)
  // Said only of two real dates (a refinement runs even when a field failed its own check).
  .refine((f) => !realDates(f) || f.from <= f.to, { path: ['to'], error: '截止日期不能早于起始日期' })
  .refine((f) => !realDates(f) || f.from > f.to || toDayNumber(f.to) - toDayNumber(f.from) < RECONCILIATION_MAX_DAYS, {
    path: ['to'],
    error: `对账区间最长 ${RECONCILIATION_MAX_DAYS} 天`,
  });
export type FeeReconciliationQuery = z.infer<typeof feeReconciliationQuerySchema>;
