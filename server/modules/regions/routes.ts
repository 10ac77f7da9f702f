import type { FastifyInstance } from 'fastify';
import { regionChildrenQuerySchema, regionChildrenSchema, regionSchema } from '../../../contracts/regions/api.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { regionCodeParamsSchema } from './schemas.js';
import * as service from './service.js';

export async function regionRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['regions'];
  app.get(
    '/api/regions',
    {
      schema: {
        tags,
        summary: '行政区划子级 Children of a region (top level when no parent)',
        querystring: regionChildrenQuerySchema,
        response: { 200: regionChildrenSchema, ...errorResponses },
      },
    },
    async (request) => service.listChildren(deps, request.ctx, request.query),
  );
  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags,
        summary: '行政区划 Region',
        params: regionCodeParamsSchema,
        response: { 200: regionSchema, ...errorResponses },
      },
    },
    async (request) => service.getRegion(deps, request.ctx, request.params.code),
  );
}
