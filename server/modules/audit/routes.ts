import type { FastifyInstance } from 'fastify';
import { auditPageSchema } from '../../../contracts/audit.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { auditListQuerySchema } from './schemas.js';
import * as service from './service.js';

export async function auditRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit trail',
        querystring: auditListQuerySchema,
        response: { 200: auditPageSchema, ...errorResponses },
      },
    },
    async (request) => service.listAudit(deps, request.ctx, request.query),
  );
}
