import type { FastifyInstance } from 'fastify';
import {
  employerAnswerSchema,
  employerViewSchema,
  onlineApplicationSchema,
  trackCodeRequestSchema,
  trackVerifySchema,
  workerFilesSchema,
  workerViewSchema,
} from '../../../../contracts/disputes.js';
import {
  applicationReceiptSchema,
  caseTokenSchema,
  codeSentSchema,
  signCodeSentSchema,
  studioListSchema,
} from '../../../../contracts/disputes/responses.js';
import { sendAttachment } from '../../../core/attachment.js';
import type { Deps } from '../../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses } from '../../../core/http.js';
import { readUpload } from '../files.js';
import { perInstanceBrake } from './limits.js';
import {
  PUBLIC_TAGS as tags,
  employerSignBodySchema,
  tokenParamsSchema,
  workerDocumentParamsSchema,
  workerSignBodySchema,
} from './schemas.js';
import * as employer from './employer.js';
import * as pub from './service.js';
import * as trackFiles from './track-files.js';

/** No login: workers on a phone (online application, tracking, signing) and employers by link. */
export async function disputePublicRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);

  app.get(
    '/api/public/disputes/studios',
    {
      schema: {
        tags,
        summary: '受理在线申请的调解工作室 Studios taking online applications',
        response: { 200: studioListSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async () => pub.studiosForApplicants(deps),
  );
  app.post(
    '/api/public/disputes/apply',
    {
      schema: {
        tags,
        summary: '职工在线申请调解 Online application by the worker',
        body: onlineApplicationSchema,
        response: { 200: applicationReceiptSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
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
        response: { 200: codeSentSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) => pub.requestTrackingCode(deps, request.ctx, request.body),
  );
  app.post(
    '/api/public/disputes/track/verify',
    {
      schema: {
        tags,
        summary: '验证码登录查询 Verify the tracking code; answers the case token',
        body: trackVerifySchema,
        response: { 200: caseTokenSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) => pub.verifyWorkerCode(deps, request.ctx, request.body),
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
    async (request) => pub.workerView(deps, request.headers['x-case-token']),
  );
  app.post(
    '/api/public/disputes/track/sign-code',
    {
      schema: {
        tags,
        summary: '获取签署验证码 Request the signing code by SMS (X-Case-Token)',
        response: { 200: codeSentSchema, ...errorResponses },
      },
      config: perInstanceBrake(5),
    },
    async (request) => pub.workerRequestSignCode(deps, request.ctx, request.headers['x-case-token']),
  );
  app.post(
    '/api/public/disputes/track/sign',
    {
      schema: {
        tags,
        summary: '职工验证码签署协议 Worker signs with a one-time code',
        body: workerSignBodySchema,
        response: { 200: workerViewSchema, ...errorResponses },
      },
      config: perInstanceBrake(10),
    },
    async (request) => pub.workerSign(deps, request.ctx, request.headers['x-case-token'], request.body),
  );
  app.get(
    '/api/public/disputes/track/files',
    {
      schema: {
        tags,
        summary: '职工上传的证据与可下载的文书 The worker’s uploads and papers ready to download (X-Case-Token)',
        response: { 200: workerFilesSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) => trackFiles.workerFiles(deps, request.headers['x-case-token']),
  );
  app.post(
    '/api/public/disputes/track/evidence',
    {
      schema: {
        tags,
        summary: '职工从手机上传证据（图片或 PDF，≤10MB）The worker uploads evidence (X-Case-Token)',
        response: { 200: workerFilesSchema, 413: apiErrorSchema, 415: apiErrorSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) =>
      trackFiles.workerUpload(deps, request.ctx, request.headers['x-case-token'], () => readUpload(request)),
  );
  app.get(
    '/api/public/disputes/track/documents/:doc',
    {
      schema: {
        tags,
        summary: '职工下载调解协议或裁定书（PDF）The worker downloads the agreement or the ruling (X-Case-Token)',
        params: workerDocumentParamsSchema,
      },
      config: perInstanceBrake(10),
    },
    async (request, reply) =>
      sendAttachment(reply, await trackFiles.workerDocument(deps, request.headers['x-case-token'], request.params.doc)),
  );
  app.get(
    '/api/public/disputes/employer/:token',
    {
      schema: {
        tags,
        summary: '用人单位答复页 Employer link view',
        params: tokenParamsSchema,
        response: { 200: employerViewSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) => employer.employerView(deps, request.params.token),
  );
  app.post(
    '/api/public/disputes/employer/:token/answer',
    {
      schema: {
        tags,
        summary: '用人单位答复调解邀请 The employer answers through its link',
        params: tokenParamsSchema,
        body: employerAnswerSchema,
        response: { 200: employerViewSchema, ...errorResponses },
      },
      config: perInstanceBrake(10),
    },
    async (request) => employer.employerAnswer(deps, request.ctx, request.params.token, request.body),
  );
  app.post(
    '/api/public/disputes/employer/:token/sign-code',
    {
      schema: {
        tags,
        summary: '获取签署验证码（发送至应付款方登记的手机） The paying party asks for its signing code',
        params: tokenParamsSchema,
        response: { 200: signCodeSentSchema, ...errorResponses },
      },
      config: perInstanceBrake(5),
    },
    async (request) => employer.employerRequestSignCode(deps, request.ctx, request.params.token),
  );
  app.post(
    '/api/public/disputes/employer/:token/sign',
    {
      schema: {
        tags,
        summary: '用人单位签署协议 The employer signs the terms it was shown',
        params: tokenParamsSchema,
        body: employerSignBodySchema,
        response: { 200: employerViewSchema, ...errorResponses },
      },
      config: perInstanceBrake(10),
    },
    async (request) => employer.employerSign(deps, request.ctx, request.params.token, request.body),
  );
}
