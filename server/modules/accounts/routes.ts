import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { pageOf, pageQuerySchema } from '../../core/paging.js';
import { accountCreateSchema, accountListQuerySchema, accountSchema, accountUpdateSchema } from './schemas.js';
import * as service from './service.js';

const idParams = z.object({ id: z.string().uuid('编号格式不正确') });

export async function accountRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['accounts'];
  app.get(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: '账号列表 List accounts',
        querystring: accountListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageOf(accountSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return service.listAccounts(deps, request.ctx, filter, { page, pageSize });
    },
  );
  app.get(
    '/api/accounts/:id',
    { schema: { tags, params: idParams, response: { 200: accountSchema, ...errorResponses } } },
    async (request) => service.getAccount(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/accounts',
    { schema: { tags, body: accountCreateSchema, response: { 200: accountSchema, ...errorResponses } } },
    async (request) => service.createAccount(deps, request.ctx, request.body),
  );
  app.put(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: accountUpdateSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => service.updateAccount(deps, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/accounts/:id/password',
    {
      schema: {
        tags,
        summary: '重置密码 Reset password',
        params: idParams,
        body: z.object({ password: z.string().min(1).max(128) }),
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => service.resetPassword(deps, request.ctx, request.params.id, request.body.password),
  );
}
