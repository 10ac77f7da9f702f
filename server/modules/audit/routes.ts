import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
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

const querySchema = z.object({
  action: z.string().max(64).optional(),
  entityType: z.string().max(48).optional(),
  entityId: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export async function auditRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: '审计日志 Audit trail', querystring: querySchema.extend(pageQuerySchema.shape), response: { 200: pageOf(auditEntrySchema), ...errorResponses } } },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return service.listAudit(deps, request.ctx, filter, { page, pageSize });
    },
  );
}
