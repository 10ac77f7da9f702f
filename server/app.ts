import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from './core/deps.js';
import { installErrorHandling } from './core/http.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { installAuth } from './modules/auth/plugin.js';
import { laborLawRoutes } from './modules/labor-law/routes.js';
import { disputePublicRoutes } from './modules/disputes/public-routes.js';
import { disputeRoutes } from './modules/disputes/routes.js';
import { registerDisputeFigures } from './modules/disputes/dashboard.js';
import multipart from '@fastify/multipart';
import { MAX_EVIDENCE_BYTES } from './core/uploads.js';
import { authRoutes } from './modules/auth/routes.js';
import { courtRoutes } from './modules/courts/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { employerRoutes } from './modules/employers/routes.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { regionRoutes } from './modules/regions/routes.js';
import { demoPhoneRoutes } from './modules/notifications/demo-phone.js';

registerDisputeFigures();

// Zod's own messages in Chinese; each error response also carries an English rendering.
z.config(z.locales.zhCN());

const ROUTES = [authRoutes, regionRoutes, organizationRoutes, courtRoutes, employerRoutes, peopleRoutes, accountRoutes, auditRoutes, dashboardRoutes, laborLawRoutes, disputeRoutes, disputePublicRoutes, demoPhoneRoutes];

/** Request lines in the log never carry the employer's link token (it is the link's only secret). */
export function requestForLog(req: { method?: string; url?: string; ip?: string; id?: unknown }) {
  return { method: req.method, url: req.url?.replace(/(\/employer\/|\/e\/)[A-Za-z0-9_-]+/, '$1***'), remoteAddress: req.ip, id: req.id };
}

export async function buildApp(deps: Deps, opts: { serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger.child({}, { serializers: { req: requestForLog } }) as FastifyBaseLogger,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // Clients often send Content-Type: application/json on a bodiless POST; treat it as no body.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('请求体不是合法的 JSON / body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Server time per request, for benchmarks and browser dev tools.
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: { info: { title: 'Yizhan 一站 API', version: '0.1.0' }, components: {} },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, deps);

  for (const routes of ROUTES) await app.register(async (scope) => routes(scope, deps));

  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));

  const webDist = deps.config.webDist;
  const hasWeb = opts.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在', messageEn: 'No such endpoint', requestId: String(request.id) });
    }
    // Client-side routes: the web app handles the path.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
