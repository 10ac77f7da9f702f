import { feeImportTemplateQuerySchema } from '../../../contracts/fee-refunds.js';
import { idParamsSchema } from '../../core/http.js';

// Request schemas of the root's routes (the imports); the registry's are in registry/schemas.ts.

export const feeImportParamsSchema = idParamsSchema;
export { feeImportTemplateQuerySchema };
