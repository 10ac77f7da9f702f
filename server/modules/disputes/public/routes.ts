import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  employerAnswerSchema,
  employerViewSchema,
  onlineApplicationSchema,
  signCodeSchema,
  trackCodeRequestSchema,
  trackVerifySchema,
  workerViewSchema,
} from '../../../../contracts/disputes.js';
import type { Deps } from '../../../core/deps.js';
import { asZod, errorResponses } from '../../../core/http.js';
import { rateLimited } from '../../limits/service.js';
import { listStudios } from '../../organizations/service.js';
import * as pub from './service.js';

const tokenParams = z.object({ token: z.string().min(20).max(64) });
/** The hash of the agreement version the signer was shown (from its view), so nobody signs other terms. */
const termsHashSchema = z
  .string({ error: '请刷新页面，核对协议后再签署 / reload and read the agreement before signing' })
  .regex(/^[0-9a-f]{64}$/, '协议版本无效，请刷新后重试 / invalid agreement version; reload');
/**
 * A per-instance brake against floods, above the shared limits that do the counting
 * (public-limits.ts: per case, phone and address). Its refusal also says when to try again.
 */
const limited = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req: unknown, c: { ttl: number }) =>
      rateLimited(
        { allowed: false, retryAfterSec: Math.ceil(c.ttl / 1000), remaining: 0 },
        { zh: '请求', en: 'requests' },
      ),
  },
});
const studioSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  contactPhone: z.string().nullable(),
});

/** No login: workers on a phone (online application, tracking, signing) and employers by link. */
export async function disputePublicRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['disputes (public)'];
  const caseToken = (h: Record<string, unknown>) =>
    typeof h['x-case-token'] === 'string' ? h['x-case-token'] : undefined;

  app.get(
    '/api/public/disputes/studios',
    {
      schema: {
        tags,
        summary: '受理在线申请的调解工作室 Studios taking online applications',
        response: { 200: z.object({ items: z.array(studioSchema) }), ...errorResponses },
      },
      config: limited(30),
    },
    async () => ({ items: await listStudios(deps) }),
  );
  app.post(
    '/api/public/disputes/apply',
    {
      schema: {
        tags,
        summary: '职工在线申请调解 Online application by the worker',
        body: onlineApplicationSchema,
        response: { 200: z.object({ caseNumber: z.string() }), ...errorResponses },
      },
      config: limited(30),
    },
    async (request) => pub.applyOnline(deps, request.ctx, request.body),
  );
  app.post(
    '/api/public/disputes/track/request-code',
    {
      schema: {
        tags,
        summary: '获取查询验证码 Request a tracking code by SMS',
        body: trackCodeRequestSchema,
        response: { 200: z.object({ sent: z.literal(true) }), ...errorResponses },
      },
      config: limited(30),
    },
    async (request) => {
      await pub.requestWorkerCode(deps, request.ctx, request.body.caseNumber, request.body.phone);
      return { sent: true as const };
    },
  );
  app.post(
    '/api/public/disputes/track/verify',
    {
      schema: {
        tags,
        body: trackVerifySchema,
        response: { 200: z.object({ caseToken: z.string() }), ...errorResponses },
      },
      config: limited(30),
    },
    async (request) => pub.verifyWorkerCode(deps, request.ctx, request.body.caseNumber, request.body.code),
  );
  app.get(
    '/api/public/disputes/track',
    {
      schema: {
        tags,
        summary: '职工查看案件进度 Worker’s view (X-Case-Token)',
        response: { 200: workerViewSchema, ...errorResponses },
      },
    },
    async (request) => pub.workerView(deps, caseToken(request.headers)),
  );
  app.post(
    '/api/public/disputes/track/sign-code',
    { schema: { tags, response: { 200: z.object({ sent: z.literal(true) }), ...errorResponses } }, config: limited(5) },
    async (request) => {
      await pub.workerRequestSignCode(deps, request.ctx, caseToken(request.headers));
      return { sent: true as const };
    },
  );
  app.post(
    '/api/public/disputes/track/sign',
    {
      schema: {
        tags,
        summary: '职工验证码签署协议 Worker signs with a one-time code',
        body: signCodeSchema.extend({ termsHash: termsHashSchema }),
        response: { 200: workerViewSchema, ...errorResponses },
      },
      config: limited(10),
    },
    async (request) =>
      pub.workerSign(deps, request.ctx, caseToken(request.headers), request.body.code, request.body.termsHash),
  );
  app.get(
    '/api/public/disputes/employer/:token',
    {
      schema: {
        tags,
        summary: '用人单位答复页 Employer link view',
        params: tokenParams,
        response: { 200: employerViewSchema, ...errorResponses },
      },
      config: limited(30),
    },
    async (request) => pub.employerView(deps, request.params.token),
  );
  app.post(
    '/api/public/disputes/employer/:token/answer',
    {
      schema: {
        tags,
        params: tokenParams,
        body: employerAnswerSchema,
        response: { 200: employerViewSchema, ...errorResponses },
      },
      config: limited(10),
    },
    async (request) => pub.employerAnswer(deps, request.ctx, request.params.token, request.body),
  );
  app.post(
    '/api/public/disputes/employer/:token/sign',
    {
      schema: {
        tags,
        params: tokenParams,
        body: z.object({ termsHash: termsHashSchema }),
        response: { 200: employerViewSchema, ...errorResponses },
      },
      config: limited(10),
    },
    async (request) => pub.employerSign(deps, request.ctx, request.params.token, request.body.termsHash),
  );
}
