import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from './core/deps.js';
import { installErrorHandling, rejectNulCharacters } from './core/http.js';
import { readiness } from './health.js';
import { endJobStreams } from './modules/jobs/events.js';
import { jobRoutes } from './modules/jobs/routes.js';
import { runnerOf } from './modules/jobs/service.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { installAuth } from './modules/auth/plugin.js';
import { laborLawRoutes } from './modules/labor-law/routes.js';
import { disputePublicRoutes, disputeRoutes } from './modules/disputes/routes.js';
import { registerDisputeFigures } from './modules/disputes/stats/dashboard.js';
import multipart from '@fastify/multipart';
import { MAX_EVIDENCE_BYTES } from './core/uploads.js';
import { authRoutes } from './modules/auth/routes.js';
import { courtRoutes } from './modules/courts/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { employerRoutes } from './modules/employers/routes.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { regionRoutes } from './modules/regions/routes.js';
import { demoPhoneRoutes } from './modules/notifications/routes.js';
import { doorRoutes } from './modules/stations/door/routes.js';
import { stationRoutes } from './modules/stations/routes.js';
import { endStationStreams } from './modules/stations/telemetry/live-events.js';
import { feeRefundRoutes } from './modules/fee-refunds/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { membershipRoutes } from './modules/membership/routes.js';

registerDisputeFigures();

// Zod's own messages in Chinese; each error response also carries an English rendering.
z.config(z.locales.zhCN());

const ROUTES = [
  authRoutes,
  regionRoutes,
  organizationRoutes,
  courtRoutes,
  employerRoutes,
  peopleRoutes,
  accountRoutes,
  auditRoutes,
  dashboardRoutes,
  laborLawRoutes,
  disputeRoutes,
  disputePublicRoutes,
  demoPhoneRoutes,
  importRoutes,
  jobRoutes,
  feeRefundRoutes,
  stationRoutes,
  doorRoutes,
  membershipRoutes,
];

/**
 * Request lines in the log keep the path and the names of query parameters, never their values
 * (a search may hold a name, a phone or a resident ID), nor the employer's link token (it is the
 * link's only secret).
 */
export function requestForLog(req: { method?: string; url?: string; ip?: string; id?: unknown }) {
  return { method: req.method, url: urlForLog(req.url), remoteAddress: req.ip, id: req.id };
}

function urlForLog(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const q = url.indexOf('?');
  const pathPart = (q < 0 ? url : url.slice(0, q)).replace(/(\/employer\/|\/e\/)[A-Za-z0-9_-]+/, '$1***');
  if (q < 0) return pathPart;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const name = pair.split('=')[0]!;
      return `${/^[A-Za-z][A-Za-z0-9_.-]{0,31}$/.test(name) ? name : '***'}=***`;
    });
  return `${pathPart}?${names.join('&')}`;
}

/**
 * The web app is a Vite build of React + antd: scripts only from its own files; antd's CSS-in-JS
 * writes <style> elements and style attributes, hence 'unsafe-inline' for styles only. No framing
 * (clickjacking), no Referer (the employer link /e/<token> carries its secret in the path). The
 * Swagger UI at /api/docs works under the same policy (its scripts are files, its icons data: URIs).
 * No upgrade-insecure-requests: a pilot on plain http inside a LAN must keep working; HSTS is the
 * business of whatever terminates TLS.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export async function buildApp(deps: Deps, opts: { serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  // Typed as Fastify's logger so that the instance type is the plain FastifyInstance.
  const loggerInstance: FastifyBaseLogger = deps.logger.child({}, { serializers: { req: requestForLog } });
  const app = Fastify({
    loggerInstance,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Only the configured proxies may set X-Forwarded-For; by default request.ip is the socket's
    // address, so per-address limits and the audit trail cannot be fooled by a header.
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  rejectNulCharacters(app);
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
    // API answers carry personal data (identity reveals, /api/auth/me, lists): no cache keeps them.
    // Decided on the matched route, not the raw URL (which may be spelt `/%61pi/…`); unmatched
    // requests get it too.
    const route = request.routeOptions.url;
    if (route === undefined || (route.startsWith('/api/') && !route.startsWith('/api/docs')))
      reply.header('cache-control', 'no-store');
  });

  await app.register(helmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
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
  // An open events stream would keep the server from closing.
  app.addHook('preClose', async () => {
    endJobStreams(deps);
    endStationStreams(deps);
  });

  // Liveness: the process answers (no database). Readiness: the database answers with this
  // build's schema and the job runner works the queues. Probes run every few seconds, so their
  // requests are not logged. A route's logLevel replaces the configured one, so it is never made
  // more verbose than that.
  const levels = deps.logger.levels.values;
  const logLevel = ((levels[deps.logger.level] ?? Infinity) > levels.warn! ? deps.logger.level : 'warn') as 'warn';
  const alive = async () => ({ ok: true as const, uptimeSeconds: Math.round(process.uptime()) });
  app.get('/healthz', { schema: { hide: true }, logLevel }, alive);
  app.get('/api/health', { schema: { hide: true }, logLevel }, alive);
  app.get('/readyz', { schema: { hide: true }, logLevel }, async (request, reply) => {
    const ready = await readiness(deps, runnerOf(deps)?.isRunning ?? false, request.log);
    return reply.status(ready.ok ? 200 : 503).send(ready);
  });

  const webDist = deps.config.webDist;
  const hasWeb = opts.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      cacheControl: false,
      // Vite names every built asset by its content hash: a browser keeps it for good, and asks
      // again only for index.html, which names the current ones. Without this, every page asked
      // again for some forty chunks (answered 304), a round trip each before the page could run.
      setHeaders: (res, filePath) => {
        const hashed = filePath.startsWith(path.join(webDist, 'assets') + path.sep);
        res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      return reply.status(404).send({
        code: 'NOT_FOUND',
        message: '接口不存在',
        messageEn: 'No such endpoint',
        requestId: String(request.id),
      });
    }
    // Client-side routes: the web app handles the path.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}

/** A hop count as the function proxy-addr makes of it (Fastify's types only take the other forms). */
function trustProxyOption(
  trust: Deps['config']['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
