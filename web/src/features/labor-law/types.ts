import type { z } from 'zod';
import type {
  calculationQuerySchema,
  laborParamFilterSchema,
  laborParamInputSchema,
  laborParamPageSchema,
} from '../../../../contracts/labor-law/api';

// The shapes the labor-law API answers with and accepts, from its schemas (contracts/labor-law/api.ts).
// The kinds come from the zod-free file, so zod stays out of the bundle.

export { LABOR_PARAM_KINDS, type LaborParamKind } from '../../../../contracts/labor-law/param-kinds';
export type { LaborParam } from '../../../../contracts/labor-law/api';

/** GET /api/labor-law/params: a page of figures, and whether this user may change them. */
export type LaborParamPage = z.infer<typeof laborParamPageSchema>;

/** The filter of GET /api/labor-law/params. */
export type LaborParamFilter = z.input<typeof laborParamFilterSchema>;

/** What the figure form sends (POST /api/labor-law/params, PUT /api/labor-law/params/:id). */
export type LaborParamInput = z.input<typeof laborParamInputSchema>;

/** `?lang=` of POST /api/labor-law/calculate: the language of the answer's texts. */
export type CalculationQuery = z.input<typeof calculationQuerySchema>;
export type Lang = z.infer<typeof calculationQuerySchema>['lang'];
