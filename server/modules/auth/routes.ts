import type { FastifyInstance } from 'fastify';
import { changePasswordBodySchema, loginBodySchema, meSchema, okSchema } from '../../../contracts/auth.js';
import type { Deps } from '../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses } from '../../core/http.js';
import { withSessionCookie, withoutSessionCookie } from './plugin.js';
import * as auth from './service.js';

export async function authRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['auth'];
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: '登录 Sign in',
        body: loginBodySchema,
        response: { 200: meSchema, 429: apiErrorSchema, ...errorResponses },
      },
      // A coarse per-instance flood guard (successes included) that spares the CPU the password
      // hashing; the real limits on failures are in the database (login-limits.ts).
      config: { rateLimit: { max: 100, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      withSessionCookie(
        deps,
        request,
        reply,
        await auth.login(deps, request.ctx, request.body, request.headers['user-agent']),
      ),
  );
  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: '退出 Sign out',
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request, reply) => withoutSessionCookie(reply, await auth.logout(deps, request.ctx, request.session)),
  );
  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: '当前用户 Current user',
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (request) => auth.me(deps, request.ctx, request.session),
  );
  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: '修改密码 Change password',
        body: changePasswordBodySchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => auth.changePassword(deps, request.ctx, request.session, request.body),
  );
}
