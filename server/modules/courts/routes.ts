import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import * as service from './service.js';

const courtSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  level: z.enum(['basic', 'intermediate', 'high']),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
});

export async function courtRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['courts'];
  app.get(
    '/api/courts',
    {
      schema: {
        tags,
        summary: '法院列表 Courts in scope',
        querystring: z.object({
          regionCode: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(courtSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listCourts(deps, request.ctx, request.query.regionCode) }),
  );
  app.get(
    '/api/courts/:id',
    {
      schema: { tags, params: z.object({ id: z.string().uuid() }), response: { 200: courtSchema, ...errorResponses } },
    },
    async (request) => service.getCourt(deps, request.ctx, request.params.id),
  );
}
