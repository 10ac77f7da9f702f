import type { FastifyInstance } from 'fastify';
import { dashboardSchema } from '../../../contracts/dashboard.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import * as service from './service.js';

export async function dashboardRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: '首页统计 Home figures in the caller’s region',
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) => service.dashboard(deps, request.ctx),
  );
}
