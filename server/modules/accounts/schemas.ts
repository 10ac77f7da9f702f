import type { z } from 'zod';
import { accountFilterSchema } from '../../../contracts/accounts.js';
import { pageQuerySchema } from '../../core/paging.js';

// Request schemas of the accounts routes; the bodies the web sends and the answers are in
// contracts/accounts.ts.

export const accountListQuerySchema = accountFilterSchema.extend(pageQuerySchema.shape);
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;
