import type { z } from 'zod';
import { employerFilterSchema } from '../../../contracts/employers.js';
import { pageQuerySchema } from '../../core/paging.js';

// Request schemas of the employers routes; the bodies the web sends and the answers are in
// contracts/employers.ts.

export const employerListQuerySchema = employerFilterSchema.extend(pageQuerySchema.shape);
export type EmployerListQuery = z.infer<typeof employerListQuerySchema>;
