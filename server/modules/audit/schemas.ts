import type { z } from 'zod';
import { auditFilterSchema } from '../../../contracts/audit.js';
import { pageQuerySchema } from '../../core/paging.js';

// Request schemas of the audit route; the filters and the answer are in contracts/audit.ts.

export const auditListQuerySchema = auditFilterSchema.extend(pageQuerySchema.shape);
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
