import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { asZod, errorResponses } from '../../core/http.js';
import { SESSION_COOKIE, cookieSecure } from './plugin.js';
import { changePasswordBodySchema, loginBodySchema, meSchema } from './schemas.js';
import * as auth from './service.js';

const okSchema = z.object({ ok: z.literal(true) });

export async function authRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: '登录 Sign in', body: loginBodySchema, response: { 200: meSchema, ...errorResponses } },
      // A coarse per-instance flood guard (successes included) that spares the CPU the password
      // hashing; the real limits on failures are in the database (login-limits.ts).
      config: { rateLimit: { max: 100, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, csrfToken } = await auth.login(
        deps,
        request.ctx,
        request.body.username,
        request.body.password,
        request.headers['user-agent'] ?? null,
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: cookieSecure(deps, request),
        path: '/',
        maxAge: deps.config.sessionTtlHours * 3600,
      });
      const session = await auth.resolveSession(deps, token);
      if (!session) throw errors.unauthenticated();
      return auth.me(deps, { ...request.ctx, actor: session.actor }, csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: '退出 Sign out', response: { 200: okSchema, ...errorResponses } } },
    async (request, reply) => {
      if (request.session) await auth.logout(deps, request.ctx, request.session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags, summary: '当前用户 Current user', response: { 200: meSchema, ...errorResponses } } },
    async (request) => {
      if (!request.session) throw errors.unauthenticated();
      return auth.me(deps, request.ctx, request.session.csrfToken);
    },
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
    async (request) => {
      if (!request.session) throw errors.unauthenticated();
      await auth.changePassword(
        deps,
        request.ctx,
        request.session.tokenHash,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );
}
