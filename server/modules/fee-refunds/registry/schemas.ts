import { z } from 'zod';
import { EXCLUSION_FLAGS, SIZE_CLASSES } from '../../../../contracts/fee-refunds/codes.js';
import { plainText } from '../../../../contracts/text.js';
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

/**
 * PUT `/:uscc/eligibility`: what a checker decides by hand. `declaredSizeClass: null` goes back
 * to the computed class; a reason is required whenever something is declared or flagged.
 */
export const feeEligibilityBodySchema = z.object({
  expectedVersion: z.number().int().min(1),
  declaredSizeClass: z.enum(SIZE_CLASSES).nullable(),
  exclusionFlags: z.array(z.enum(EXCLUSION_FLAGS)).max(EXCLUSION_FLAGS.length),
  reason: plainText(200).nullable(),
});
export type FeeEligibilityBody = z.infer<typeof feeEligibilityBodySchema>;
