import type { z } from 'zod';
import { organizationFilterSchema } from '../../../contracts/organizations.js';
import { pageQuerySchema } from '../../core/paging.js';

// Request schemas of the organizations routes; the bodies the web sends and the answers are in
// contracts/organizations.ts.

export const organizationListQuerySchema = organizationFilterSchema.extend(pageQuerySchema.shape);
export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;
