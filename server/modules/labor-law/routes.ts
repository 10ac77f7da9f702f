import type { FastifyInstance } from 'fastify';
import { laborLawRequestSchema, laborLawResponseSchema } from '../../../contracts/labor-law.js';
import {
  calculationQuerySchema,
  laborParamInputSchema,
  laborParamPageSchema,
  laborParamSchema,
} from '../../../contracts/labor-law/api.js';
import type { Deps } from '../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses, idParamsSchema } from '../../core/http.js';
import { laborParamListQuerySchema } from './schemas.js';
import * as service from './service.js';

export async function laborLawRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['labor-law'];
  app.post(
    '/api/labor-law/calculate',
    {
      schema: {
        tags,
        summary: '劳动权益计算（无需登录）What a worker is owed, each item with its statute (no login)',
        querystring: calculationQuerySchema,
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
        querystring: laborParamListQuerySchema,
        response: { 200: laborParamPageSchema, ...errorResponses },
      },
    },
    async (request) => service.listParams(deps, request.ctx, request.query),
  );
  app.post(
    '/api/labor-law/params',
    {
      schema: {
        tags,
        summary: '新增地方工资标准 Add a local figure',
        body: laborParamInputSchema,
        response: { 200: laborParamSchema, ...errorResponses },
      },
    },
    async (request) => service.createParam(deps, request.ctx, request.body),
  );
  app.put(
    '/api/labor-law/params/:id',
    {
      schema: {
        tags,
        summary: '修改地方工资标准 Correct a local figure',
        params: idParamsSchema,
        body: laborParamInputSchema,
        response: { 200: laborParamSchema, ...errorResponses },
      },
    },
    async (request) => service.updateParam(deps, request.ctx, request.params.id, request.body),
  );
}
