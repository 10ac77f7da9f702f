import { z } from 'zod';
import { pageOf } from '../paging.js';
import { regionCodeSchema } from '../regions/api.js';
import { calendarDate, plainText } from '../text.js';
import { LABOR_PARAM_KINDS } from './param-kinds.js';

// The labor-law API beside the calculation's own request and answer (contracts/labor-law.ts):
// the answer's language, and the local wage figures staff maintain.

/** POST /api/labor-law/calculate?lang= : the language of the answer's texts. */
export const calculationQuerySchema = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

export { LABOR_PARAM_KINDS, type LaborParamKind } from './param-kinds.js';

/** A local figure: in force from `effectiveFrom` in the region and below it, unless a more local one exists. */
export const laborParamSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  kind: z.enum(LABOR_PARAM_KINDS),
  /** YYYY-MM-DD */
  effectiveFrom: z.string(),
  amountFen: z.number().int(),
  /** The publishing authority and document. */
  source: z.string(),
});
export type LaborParam = z.infer<typeof laborParamSchema>;

/** GET /api/labor-law/params: a page of figures, and whether the caller may edit figures (in their region). */
export const laborParamPageSchema = pageOf(laborParamSchema).extend({ canEdit: z.boolean() });

/** POST /api/labor-law/params and PUT /api/labor-law/params/:id */
export const laborParamInputSchema = z.object({
  regionCode: regionCodeSchema,
  kind: z.enum(LABOR_PARAM_KINDS),
  effectiveFrom: calendarDate,
  amountFen: z.number().int().min(1).max(100_000_000),
  source: plainText(256).min(2, '请注明数据来源（发布机关、文号）'),
});
export type LaborParamInput = z.infer<typeof laborParamInputSchema>;

/** The filter of GET /api/labor-law/params: a region's figures with those of its city and province. */
export const laborParamFilterSchema = z.object({ regionCode: regionCodeSchema.optional() });
