import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Me } from '../../../contracts/auth.js';
import type { Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError } from '../../core/errors.js';
import { resolveSession, type SessionInfo, type SignedIn } from './service.js';

export const SESSION_COOKIE = 'yz_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    session: SessionInfo | null;
  }
}

/**
 * Resolves the session cookie into an actor for every request and enforces CSRF on
 * state-changing requests: the token issued at login must come back in X-CSRF-Token.
 * (A cross-site form can send the cookie but cannot read the token.)
 */
export function installAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(deps, token) : null;
    request.session = session;
    request.ctx = { actor: session?.actor ?? null, requestId: String(request.id), ip: request.ip ?? null };
    // Decided on the method alone: the raw URL is not what the router matches (it decodes
    // `/%61pi/`, accepts absolute-form targets), so a path test can be spelt around.
    if (session && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== session.csrfToken) {
        throw new AppError(
          'CSRF',
          '请求校验失败，请刷新页面后重试',
          'CSRF token missing or wrong; reload the page and retry',
        );
      }
    }
  });
}

export function cookieSecure(deps: Deps, request: FastifyRequest): boolean {
  if (deps.config.cookieSecure === 'auto') return request.protocol === 'https';
  return deps.config.cookieSecure === 'true';
}

/** Hands the sign-in's session to the browser (an http-only cookie) and answers with who signed in. */
export function withSessionCookie(deps: Deps, request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn): Me {
  reply.setCookie(SESSION_COOKIE, signedIn.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(deps, request),
    path: '/',
    maxAge: deps.config.sessionTtlHours * 3600,
  });
  return signedIn.me;
}

/** Tells the browser to forget the session cookie; answers what the sign-out answered. */
export function withoutSessionCookie<T>(reply: FastifyReply, answer: T): T {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return answer;
}
