import type { z } from 'zod';
import { jobFilterSchema } from '../../../contracts/jobs.js';
import { pageQuerySchema } from '../../core/paging.js';

// Request schemas of the jobs routes; the filters and the answers are in contracts/jobs.ts.

export const jobListQuerySchema = jobFilterSchema.extend(pageQuerySchema.shape);
export type JobListQuery = z.infer<typeof jobListQuerySchema>;
