import type { FastifyInstance } from 'fastify';
import {
  accountCreateSchema,
  accountPageSchema,
  accountPasswordSchema,
  accountSchema,
  accountUpdateSchema,
} from '../../../contracts/accounts.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses, idParamsSchema } from '../../core/http.js';
import { accountListQuerySchema } from './schemas.js';
import * as service from './service.js';

export async function accountRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['accounts'];
  app.get(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: '账号列表 List accounts',
        querystring: accountListQuerySchema,
        response: { 200: accountPageSchema, ...errorResponses },
      },
    },
    async (request) => service.listAccounts(deps, request.ctx, request.query),
  );
  app.get(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: '账号 Account',
        params: idParamsSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => service.getAccount(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: '新建账号 Create an account',
        body: accountCreateSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => service.createAccount(deps, request.ctx, request.body),
  );
  app.put(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: '修改账号 Update an account',
        params: idParamsSchema,
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
        params: idParamsSchema,
        body: accountPasswordSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => service.resetPassword(deps, request.ctx, request.params.id, request.body),
  );
}
