import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { intakeSchema } from '../../../contracts/disputes.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { registerCase } from './intake-service.js';
import * as pub from './public-service.js';

const anyObject = z.record(z.string(), z.unknown());
const tokenParams = z.object({ token: z.string().min(20).max(64) });
/** The hash of the agreement version the signer was shown (from its view), so nobody signs other terms. */
const termsHashSchema = z.string({ error: '请刷新页面，核对协议后再签署 / reload and read the agreement before signing' }).regex(/^[0-9a-f]{64}$/, '协议版本无效，请刷新后重试 / invalid agreement version; reload');
const limited = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

/** No login: workers on a phone (online application, tracking, signing) and employers by link. */
export async function disputePublicRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['disputes (public)'];
  const caseToken = (h: Record<string, unknown>) => (typeof h['x-case-token'] === 'string' ? (h['x-case-token'] as string) : undefined);

  app.post(
    '/api/public/disputes/apply',
    { schema: { tags, summary: '职工在线申请调解 Online application by the worker', body: intakeSchema, response: { 200: z.object({ caseNumber: z.string() }), ...errorResponses } }, config: limited(10) },
    async (request) => {
      const row = await registerCase(deps, { ...request.ctx, actor: null }, { ...request.body, channel: 'online', oral: false });
      return { caseNumber: row.caseNumber };
    },
  );
  app.post(
    '/api/public/disputes/track/request-code',
    { schema: { tags, summary: '获取查询验证码 Request a tracking code by SMS', body: z.object({ caseNumber: z.string().trim().min(5).max(40), phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号') }), response: { 200: z.object({ sent: z.literal(true) }), ...errorResponses } }, config: limited(5) },
    async (request) => {
      await pub.requestWorkerCode(deps, request.body.caseNumber, request.body.phone);
      return { sent: true as const };
    },
  );
  app.post(
    '/api/public/disputes/track/verify',
    { schema: { tags, body: z.object({ caseNumber: z.string().trim().min(5).max(40), code: z.string().trim().regex(/^\d{6}$/, '验证码为 6 位数字') }), response: { 200: z.object({ caseToken: z.string() }), ...errorResponses } }, config: limited(10) },
    async (request) => pub.verifyWorkerCode(deps, request.body.caseNumber, request.body.code),
  );
  app.get('/api/public/disputes/track', { schema: { tags, summary: '职工查看案件进度 Worker’s view (X-Case-Token)', response: { 200: anyObject, ...errorResponses } } }, async (request) => pub.workerView(deps, caseToken(request.headers)) as never);
  app.post('/api/public/disputes/track/sign-code', { schema: { tags, response: { 200: z.object({ sent: z.literal(true) }), ...errorResponses } }, config: limited(5) }, async (request) => {
    await pub.workerRequestSignCode(deps, caseToken(request.headers));
    return { sent: true as const };
  });
  app.post('/api/public/disputes/track/sign', { schema: { tags, summary: '职工验证码签署协议 Worker signs with a one-time code', body: z.object({ code: z.string().trim().regex(/^\d{6}$/, '验证码为 6 位数字'), termsHash: termsHashSchema }), response: { 200: anyObject, ...errorResponses } }, config: limited(10) }, async (request) =>
    pub.workerSign(deps, request.ctx, caseToken(request.headers), request.body.code, request.body.termsHash) as never,
  );
  app.get('/api/public/disputes/employer/:token', { schema: { tags, summary: '用人单位答复页 Employer link view', params: tokenParams, response: { 200: anyObject, ...errorResponses } }, config: limited(30) }, async (request) => pub.employerView(deps, request.params.token) as never);
  app.post(
    '/api/public/disputes/employer/:token/answer',
    {
      schema: {
        tags,
        params: tokenParams,
        body: z.object({ answer: z.enum(['accept', 'decline', 'counter']), counterAmountFen: z.number().int().min(0).optional(), note: z.string().trim().max(1000).optional() }).refine((b) => b.answer !== 'counter' || b.counterAmountFen !== undefined, { message: '请填写对方提出的金额', path: ['counterAmountFen'] }),
        response: { 200: anyObject, ...errorResponses },
      },
      config: limited(10),
    },
    async (request) => pub.employerAnswer(deps, request.ctx, request.params.token, request.body) as never,
  );
  app.post('/api/public/disputes/employer/:token/sign', { schema: { tags, params: tokenParams, body: z.object({ termsHash: termsHashSchema }), response: { 200: anyObject, ...errorResponses } }, config: limited(10) }, async (request) => pub.employerSign(deps, request.ctx, request.params.token, request.body.termsHash) as never);
}
