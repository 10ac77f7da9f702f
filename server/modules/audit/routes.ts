import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isCalendarDate } from '../../../contracts/labor-law.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { pageOf, pageQuerySchema } from '../../core/paging.js';
import * as service from './service.js';

const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorAccountId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

/**
 * A bound of the period: a calendar day (YYYY-MM-DD) or an ISO instant (what the web app sends),
 * on a real date between 1900 and 2100. `new Date()` alone would turn 2025-02-30 into March 2nd
 * and let 9999-12-31 or +275760 through to the database.
 */
const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const instant = z
  .string()
  .refine((s) => {
    const m = INSTANT.exec(s);
    return !!m && isCalendarDate(m[1]!) && !Number.isNaN(Date.parse(s));
  }, '日期无效，应为 1900–2100 年间真实的日期 YYYY-MM-DD 或 ISO 时间 / invalid date: a real date between 1900 and 2100, YYYY-MM-DD or an ISO time')
  .transform((s) => new Date(s));

const querySchema = z.object({
  action: z.string().max(64).optional(),
  entityType: z.string().max(48).optional(),
  entityId: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

export async function auditRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit trail',
        querystring: querySchema.extend(pageQuerySchema.shape),
        response: { 200: pageOf(auditEntrySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return service.listAudit(deps, request.ctx, filter, { page, pageSize });
    },
  );
}
