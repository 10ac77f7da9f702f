import type { z } from 'zod';
import { personFilterSchema } from '../../../contracts/people.js';
import { pageQuerySchema } from '../../core/paging.js';

// Request schemas of the people routes; the bodies the web sends (the search included) and the
// answers are in contracts/people.ts.

export const personListQuerySchema = personFilterSchema.extend(pageQuerySchema.shape);
export type PersonListQuery = z.infer<typeof personListQuerySchema>;
