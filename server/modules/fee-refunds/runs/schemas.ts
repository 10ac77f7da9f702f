import { z } from 'zod';
import { BATCH_STATUSES, LINE_STATES } from '../../../../contracts/fee-refunds/run-codes.js';
import { pageQuerySchema } from '../../../core/paging.js';

// Request schemas of the runs, batches and lines routes (bodies are in contracts/fee-refunds/runs.ts).

export const idParamsSchema = z.object({ id: z.uuid() });

export const feeRunListQuerySchema = pageQuerySchema;

export const feeBatchListQuerySchema = pageQuerySchema.extend({ status: z.enum(BATCH_STATUSES).optional() });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const feeLineQuerySchema = pageQuerySchema.extend({
  uscc: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为 18 位')
    .optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  state: z.enum(LINE_STATES).optional(),
  runId: z.uuid().optional(),
  batchId: z.uuid().optional(),
  /** Only lines past their due day and not paid. */
  overdue: flag.optional(),
  /** Only lines falling due within the next week and not paid (at risk). */
  atRisk: flag.optional(),
});
export type FeeLineQuery = z.infer<typeof feeLineQuerySchema>;

export const paymentFileQuerySchema = z.object({ format: z.enum(['pain.001', 'csv']).default('pain.001') });
