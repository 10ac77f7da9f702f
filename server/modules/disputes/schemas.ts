import { z } from 'zod';
import { caseListItemSchema } from '../../../contracts/disputes/responses.js';
import { pageOf } from '../../core/paging.js';
import { REFUSAL_GROUNDS } from './rules/state-machine.js';

// Request schemas of the routes on the shared core (routes.ts), and the pieces every sub-folder's
// routes use. Response schemas are in contracts/disputes/responses.ts (the web reads them too).

/** The OpenAPI tag of the staff routes. */
export const DISPUTE_TAGS = ['disputes'];

export const caseIdParamsSchema = z.object({ id: z.string().uuid('案件编号格式不正确') });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const caseListQuerySchema = z.object({
  stage: z.string().max(32).optional(),
  q: z.string().trim().max(64).optional(),
  courtId: z.string().uuid().optional(),
  mediatorId: z.string().uuid().optional(),
  sector: z.string().max(24).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  open: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
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

export const actionBodySchema = z.object({
  action: z.string().min(1).max(40),
  /** Checked by the state machine against the action's own payload schema. */
  payload: z.record(z.string(), z.unknown()).default({}),
  /** The case version the caller decided on; another version means someone changed the case meanwhile. */
  version: z.number({ error: '请提供案件版本号（version），刷新页面后重试 / version is required' }).int().min(1),
  /** The judge's review against each refusal ground (true = the ground applies), kept with the decision. */
  review: z.partialRecord(z.enum(REFUSAL_GROUNDS), z.boolean()).optional(),
});
export type ActionBody = z.infer<typeof actionBodySchema>;

export const calendarOverrideSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday']),
  note: z.string().trim().max(100).optional(),
});
export type CalendarOverrideInput = z.infer<typeof calendarOverrideSchema>;
