import {
  caseDetailSchema,
  caseOutboxSchema,
  evidenceUploadSchema,
  mediatorListSchema,
  mediatorProposalsSchema,
  okSchema,
} from '../../../../contracts/disputes/responses.js';
import { correctionBodySchema } from '../../../../contracts/disputes/corrections.js';
import type { Deps } from '../../../core/deps.js';
import { apiErrorSchema, errorResponses, type ZodFastify } from '../../../core/http.js';
import { sendAttachment } from '../../../core/attachment.js';
import { readUpload } from '../files.js';
import { caseIdParamsSchema, DISPUTE_TAGS as tags } from '../schemas.js';
import { addEvidence, getEvidence } from './evidence.js';
import { listMediators, setMediatorProfile } from './mediator-profiles.js';
import {
  analysisBodySchema,
  assignBodySchema,
  evidenceParamsSchema,
  mediatorParamsSchema,
  mediatorProfileBodySchema,
  minutesBodySchema,
  sessionBodySchema,
  sessionParamsSchema,
} from './schemas.js';
import { correctCaseFacts } from './corrections.js';
import * as work from './service.js';

/** The mediator's work on a case, and the studio's mediators. */
export function workRoutes(app: ZodFastify, deps: Deps) {
  app.post(
    '/api/disputes/:id/analysis',
    {
      schema: {
        tags,
        summary: '运行劳动权益计算并保存 Run the labor-law engine on the case',
        params: caseIdParamsSchema,
        body: analysisBodySchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      work.analyseCase(deps, request.ctx, request.params.id, request.body.overrides, request.body.version),
  );
  app.post(
    '/api/disputes/:id/corrections',
    {
      schema: {
        tags,
        summary: '更正案件信息（当事人、劳动关系、请求事项）Correct the registered facts: parties, employment, claims',
        params: caseIdParamsSchema,
        body: correctionBodySchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => correctCaseFacts(deps, request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/disputes/:id/mediator-proposals',
    {
      schema: {
        tags,
        summary: '推荐调解员 Mediators proposed for the case, and those excluded',
        params: caseIdParamsSchema,
        response: { 200: mediatorProposalsSchema, ...errorResponses },
      },
    },
    async (request) => work.mediatorProposals(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/disputes/:id/assign',
    {
      schema: {
        tags,
        summary: '指派或更换调解员 Assign or reassign the mediator',
        params: caseIdParamsSchema,
        body: assignBodySchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => work.assignMediator(deps, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/disputes/:id/sessions',
    {
      schema: {
        tags,
        summary: '安排调解 Schedule a mediation session',
        params: caseIdParamsSchema,
        body: sessionBodySchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => work.scheduleSession(deps, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/disputes/:id/sessions/:sessionId/minutes',
    {
      schema: {
        tags,
        summary: '记录调解笔录 Record the minutes of a session',
        params: sessionParamsSchema,
        body: minutesBodySchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => work.recordMinutes(deps, request.ctx, request.params.id, request.params.sessionId, request.body),
  );
  app.post(
    '/api/disputes/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传证据（图片或 PDF，≤10MB）Upload evidence',
        params: caseIdParamsSchema,
        response: { 200: evidenceUploadSchema, 413: apiErrorSchema, 415: apiErrorSchema, ...errorResponses },
      },
    },
    async (request) => addEvidence(deps, request.ctx, request.params.id, await readUpload(request)),
  );
  app.get(
    '/api/disputes/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: '下载证据 Download an evidence file (always as an attachment)',
        params: evidenceParamsSchema,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await getEvidence(deps, request.ctx, request.params.id, request.params.evidenceId)),
  );
  app.get(
    '/api/disputes/:id/outbox',
    {
      schema: {
        tags,
        summary: '本案短信与邮件（验证码与链接已隐去）Messages sent for the case, one-time secrets hidden',
        params: caseIdParamsSchema,
        response: { 200: caseOutboxSchema, ...errorResponses },
      },
    },
    async (request) => work.caseOutbox(deps, request.ctx, request.params.id),
  );
  app.get(
    '/api/disputes/mediators',
    {
      schema: {
        tags,
        summary: '工作室调解员 The studio’s mediators',
        response: { 200: mediatorListSchema, ...errorResponses },
      },
    },
    async (request) => listMediators(deps, request.ctx),
  );
  app.put(
    '/api/disputes/mediators/:accountId/profile',
    {
      schema: {
        tags,
        summary: '调解员资料（专长、可接案、利害关系）A mediator’s profile',
        params: mediatorParamsSchema,
        body: mediatorProfileBodySchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => setMediatorProfile(deps, request.ctx, request.params.accountId, request.body),
  );
}
