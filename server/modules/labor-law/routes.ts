import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { laborLawRequestSchema, laborLawResponseSchema } from '../../../contracts/labor-law.js';
import type { Deps } from '../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses } from '../../core/http.js';
import { pageOf, pageQuerySchema } from '../../core/paging.js';
import * as service from './service.js';
import { LABOR_PARAM_KINDS } from './tables.js';

const paramSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable().optional(),
  kind: z.enum(LABOR_PARAM_KINDS),
  effectiveFrom: z.string(),
  amountFen: z.number().int(),
  source: z.string(),
});
const paramInputSchema = z.object({
  regionCode: z.string().regex(/^\d{6}$/, '地区代码应为 6 位数字'),
  kind: z.enum(LABOR_PARAM_KINDS),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  amountFen: z.number().int().min(1).max(100_000_000),
  source: z.string().trim().min(2, '请注明数据来源（发布机关、文号）').max(256),
});

export async function laborLawRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['labor-law'];
  app.post(
    '/api/labor-law/calculate',
    {
      schema: {
        tags,
        summary: '劳动权益计算（无需登录）What a worker is owed, each item with its statute (no login)',
        querystring: z.object({ lang: z.enum(['zh', 'en']).default('zh') }),
        body: laborLawRequestSchema,
        response: { 200: laborLawResponseSchema, 429: apiErrorSchema, ...errorResponses },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => service.calculateEntitlements(deps, request.body, request.query.lang),
  );
  app.get(
    '/api/labor-law/params',
    {
      schema: {
        tags,
        summary: '地方工资标准 Local minimum and average wages',
        querystring: z
          .object({
            regionCode: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          })
          .extend(pageQuerySchema.shape),
        response: { 200: pageOf(paramSchema).extend({ canEdit: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const { regionCode, ...page } = request.query;
      return service.listParams(deps, request.ctx, regionCode, page);
    },
  );
  app.post(
    '/api/labor-law/params',
    { schema: { tags, body: paramInputSchema, response: { 200: paramSchema, ...errorResponses } } },
    async (request) => service.createParam(deps, request.ctx, request.body),
  );
  app.put(
    '/api/labor-law/params/:id',
    {
      schema: {
        tags,
        params: z.object({ id: z.string().uuid() }),
        body: paramInputSchema,
        response: { 200: paramSchema, ...errorResponses },
      },
    },
    async (request) => service.updateParam(deps, request.ctx, request.params.id, request.body),
  );
}
