import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import * as service from './service.js';

const figure = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  value: z.number(),
  unit: z.string().optional(),
});

export async function dashboardRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: '首页统计 Home figures in the caller’s region',
        response: { 200: z.object({ regionCode: z.string().nullable(), figures: z.array(figure) }), ...errorResponses },
      },
    },
    async (request) => service.dashboard(deps, request.ctx),
  );
}
