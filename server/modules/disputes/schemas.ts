import { z } from 'zod';
import { actionBodySchema, calendarOverrideSchema, caseFilterSchema } from '../../../contracts/disputes/requests.js';
import { caseListItemSchema } from '../../../contracts/disputes/responses.js';
import { pageOf, pageQuerySchema } from '../../core/paging.js';

// Request schemas of the routes on the shared core (routes.ts), and the pieces every sub-folder's
// routes use. The bodies and filters the web sends are in contracts/disputes/requests.ts, the
// response schemas in contracts/disputes/responses.ts (the web reads both).

export { actionBodySchema, calendarOverrideSchema };
export type ActionBody = z.infer<typeof actionBodySchema>;
export type CalendarOverrideInput = z.infer<typeof calendarOverrideSchema>;

/** The OpenAPI tag of the staff routes. */
export const DISPUTE_TAGS = ['disputes'];

export const caseIdParamsSchema = z.object({ id: z.string().uuid('案件编号格式不正确') });

export const caseListQuerySchema = caseFilterSchema.extend(pageQuerySchema.shape);
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const atRiskQuerySchema = z.object({
  /** Cases due within this many days from today (China time), and those overdue. */
  days: z.coerce.number().int().min(0).max(60).default(3),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AtRiskQuery = z.infer<typeof atRiskQuerySchema>;

/** A page of cases; `totalCapped`: there are more than `total` (counting stops at a cap). */
export const caseListPageSchema = pageOf(caseListItemSchema).extend({ totalCapped: z.boolean() });

export const actionQuerySchema = z.object({ view: z.enum(['full', 'none']).default('full') });
