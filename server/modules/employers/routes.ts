import type { FastifyInstance } from 'fastify';
import { employerInputSchema, employerPageSchema, employerSchema } from '../../../contracts/employers.js';
import type { Deps } from '../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses, idParamsSchema } from '../../core/http.js';
import { employerListQuerySchema } from './schemas.js';
import * as service from './service.js';

/** 422: the USCC fails its check character and the user has not accepted the warning yet. */
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
        querystring: employerListQuerySchema,
        response: { 200: employerPageSchema, ...errorResponses },
      },
    },
    async (request) => service.listEmployers(deps, request.ctx, request.query),
  );
  app.get(
    '/api/employers/:id',
    {
      schema: {
        tags,
        summary: '用人单位 Employer',
        params: idParamsSchema,
        response: { 200: employerSchema, ...errorResponses },
      },
    },
    async (request) => service.getEmployer(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/employers',
    {
      schema: {
        tags,
        summary: '登记用人单位 Register an employer',
        body: employerInputSchema,
        response: writeResponses,
      },
    },
    async (request) => service.createEmployer(deps, request.ctx, request.body),
  );
  app.put(
    '/api/employers/:id',
    {
      schema: {
        tags,
        summary: '修改用人单位 Update an employer',
        params: idParamsSchema,
        body: employerInputSchema,
        response: writeResponses,
      },
    },
    async (request) => service.updateEmployer(deps, request.ctx, request.params.id, request.body),
  );
}
