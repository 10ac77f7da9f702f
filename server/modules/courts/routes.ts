import type { FastifyInstance } from 'fastify';
import { courtListQuerySchema, courtListSchema, courtSchema } from '../../../contracts/courts.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses, idParamsSchema } from '../../core/http.js';
import * as service from './service.js';

export async function courtRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['courts'];
  app.get(
    '/api/courts',
    {
      schema: {
        tags,
        summary: '法院列表 Courts in scope',
        querystring: courtListQuerySchema,
        response: { 200: courtListSchema, ...errorResponses },
      },
    },
    async (request) => service.listCourts(deps, request.ctx, request.query),
  );
  app.get(
    '/api/courts/:id',
    {
      schema: {
        tags,
        summary: '法院 Court',
        params: idParamsSchema,
        response: { 200: courtSchema, ...errorResponses },
      },
    },
    async (request) => service.getCourt(deps, request.ctx, request.params.id),
  );
}
