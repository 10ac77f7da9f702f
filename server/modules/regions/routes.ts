import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import * as service from './service.js';

const code = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字');
const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: z.enum(['province', 'city', 'county']),
  parentCode: z.string().nullable(),
});

export async function regionRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['regions'];
  app.get(
    '/api/regions',
    {
      schema: {
        tags,
        summary: '行政区划子级 Children of a region (top level when no parent)',
        querystring: z.object({ parent: code.optional() }),
        response: {
          200: z.object({ items: z.array(regionSchema.extend({ childCount: z.number(), inScope: z.boolean() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await service.listChildren(deps, request.ctx, request.query.parent ?? null) }),
  );
  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags,
        summary: '行政区划 Region',
        params: z.object({ code }),
        response: { 200: regionSchema, ...errorResponses },
      },
    },
    async (request) => service.getRegion(deps, request.ctx, request.params.code),
  );
}
