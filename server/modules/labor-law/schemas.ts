import type { z } from 'zod';
import { laborParamFilterSchema } from '../../../contracts/labor-law/api.js';
import { pageQuerySchema } from '../../core/paging.js';

// Request schemas of the labor-law routes; the bodies the web sends and the answers are in
// contracts/labor-law.ts (the calculation) and contracts/labor-law/api.ts (the local figures).

export const laborParamListQuerySchema = laborParamFilterSchema.extend(pageQuerySchema.shape);
export type LaborParamListQuery = z.infer<typeof laborParamListQuerySchema>;
