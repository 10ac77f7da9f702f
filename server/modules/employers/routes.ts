import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses } from '../../core/http.js';
import { pageOf, pageQuerySchema } from '../../core/paging.js';
import { employerInputSchema, employerListQuerySchema, employerSchema } from './schemas.js';
import * as service from './service.js';

const idParams = z.object({ id: z.string().uuid('编号格式不正确') });
const writeResponses = { 200: employerSchema, 422: apiErrorSchema, ...errorResponses };

export async function employerRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['employers'];
  app.get(
    '/api/employers',
    {
      schema: {
        tags,
        summary: '用人单位列表 List employers',
        querystring: employerListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageOf(employerSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return service.listEmployers(deps, request.ctx, filter, { page, pageSize });
    },
  );
  app.get(
    '/api/employers/:id',
    { schema: { tags, params: idParams, response: { 200: employerSchema, ...errorResponses } } },
    async (request) => service.getEmployer(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/employers',
    { schema: { tags, body: employerInputSchema, response: writeResponses } },
    async (request) => service.createEmployer(deps, request.ctx, request.body),
  );
  app.put(
    '/api/employers/:id',
    { schema: { tags, params: idParams, body: employerInputSchema, response: writeResponses } },
    async (request) => service.updateEmployer(deps, request.ctx, request.params.id, request.body),
  );
}
