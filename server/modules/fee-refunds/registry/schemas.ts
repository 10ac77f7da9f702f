import { z } from 'zod';
import { feeEnterpriseFilterSchema } from '../../../../contracts/fee-refunds.js';
import { pageQuerySchema } from '../../../core/paging.js';

// Request schemas of the registry's routes; the filters the web sends are in contracts/fee-refunds.ts.

export const feeEnterpriseListQuerySchema = feeEnterpriseFilterSchema.extend(pageQuerySchema.shape);
export type FeeEnterpriseListQuery = z.infer<typeof feeEnterpriseListQuerySchema>;

/** `/:uscc`: read as the register keeps it (trimmed, upper case); a malformed code is a 400. */
export const usccParamsSchema = z.object({
  uscc: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为 18 位（GB 32100-2015）'),
});
