import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hiringChainSchema, intakeSchema, liabilityResultSchema } from '../../../contracts/disputes.js';
import { plainText } from '../../../contracts/text.js';
import type { Deps } from '../../core/deps.js';
import { AppError } from '../../core/errors.js';
import { apiErrorSchema, asZod, errorResponses } from '../../core/http.js';
import { pageOf } from '../../core/paging.js';
import { isDocumentKind, DOCUMENT_MIME_TYPES } from './documents/index.js';
import { registerCase } from './intake/service.js';
import { previewLiability } from './intake/liability-preview.js';
import {
  actionBodySchema,
  caseDetailSchema,
  caseListItemSchema,
  caseListQuerySchema,
  sessionBodySchema,
  statRowSchema,
  statsQuerySchema,
} from './schemas.js';
import { caseDetail, listCases, loadReadable } from './case-view.js';
import { applyAction } from './service.js';
import {
  calendarOverrideSchema,
  jointConfigSchema,
  listCalendarOverrides,
  readJointConfig,
  setCalendarOverride,
  setJointConfig,
} from './settings.js';
import { listMediators, setMediatorProfile } from './work/mediator-profiles.js';
import { disputeStats, disputeStatsWorkbook } from './stats/service.js';
import * as work from './work/service.js';

const idParams = z.object({ id: z.string().uuid('案件编号格式不正确') });
const ok = z.object({ ok: z.literal(true) });
const anyObject = z.record(z.string(), z.unknown());
const outboxItemSchema = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'email']),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export async function readFile(
  request: FastifyRequest,
): Promise<{ filename: string; content: Buffer; description?: string }> {
  const part = await request.file();
  if (!part) throw new AppError('VALIDATION', '请选择要上传的文件', 'Choose a file to upload', 'file');
  const content = await part.toBuffer();
  const description = (part.fields.description as { value?: string } | undefined)?.value;
  return { filename: part.filename, content, description };
}

export async function disputeRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['disputes'];
  const detail = async (request: FastifyRequest, id: string) => {
    const { actor, row } = await loadReadable(deps, request.ctx, id);
    return caseDetail(deps, row, actor);
  };

  app.get(
    '/api/disputes',
    {
      schema: {
        tags,
        summary: '案件列表（分页）Cases in the caller’s view, paged',
        querystring: caseListQuerySchema,
        response: { 200: pageOf(caseListItemSchema).extend({ totalCapped: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, open, ...filter } = request.query;
      return listCases(deps, request.ctx, { ...filter, open: open === 'true' }, { page, pageSize });
    },
  );
  app.get(
    '/api/disputes/at-risk',
    {
      schema: {
        tags,
        summary: '临期与超期案件 Cases near or past a deadline',
        querystring: z.object({
          days: z.coerce.number().int().min(0).max(60).default(3),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: pageOf(caseListItemSchema).extend({ totalCapped: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const horizon = new Date(deps.now().getTime() + (8 * 3600_000 + request.query.days * 86_400_000))
        .toISOString()
        .slice(0, 10);
      return listCases(
        deps,
        request.ctx,
        { open: true, dueBefore: horizon },
        { page: request.query.page, pageSize: request.query.pageSize },
        'due',
      );
    },
  );
  app.post(
    '/api/disputes',
    {
      schema: {
        tags,
        summary: '登记案件（窗口，可记录口头申请）Register a case at the counter',
        body: intakeSchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await registerCase(deps, request.ctx, { ...request.body, channel: 'counter' });
      return detail(request, row.id);
    },
  );
  app.post(
    '/api/disputes/liability-preview',
    {
      schema: {
        tags,
        summary: '建设工程欠薪清偿主体预判（不保存）Propose the liable party of a hiring chain (nothing stored)',
        body: hiringChainSchema,
        response: { 200: liabilityResultSchema, ...errorResponses },
      },
    },
    async (request) => previewLiability(request.ctx, request.body),
  );
  app.get(
    '/api/disputes/:id',
    { schema: { tags, params: idParams, response: { 200: caseDetailSchema, ...errorResponses } } },
    async (request) => detail(request, request.params.id),
  );
  app.post(
    '/api/disputes/:id/actions',
    {
      schema: {
        tags,
        summary: '案件流转 Apply an action (the state machine decides); view=none answers with the new stage only',
        params: idParams,
        querystring: z.object({ view: z.enum(['full', 'none']).default('full') }),
        body: actionBodySchema,
        response: {
          200: z.union([caseDetailSchema, z.object({ id: z.string(), stage: z.string(), version: z.number() })]),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const updated = await applyAction(
        deps,
        request.ctx,
        request.params.id,
        request.body.action,
        request.body.payload,
        { expectedVersion: request.body.version, review: request.body.review },
      );
      if (request.query.view === 'none') return { id: updated.id, stage: updated.stage, version: updated.version };
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/disputes/:id/analysis',
    {
      schema: {
        tags,
        summary: '运行劳动权益计算并保存 Run the labor-law engine on the case',
        params: idParams,
        body: z.object({ overrides: anyObject.optional(), version: z.number().int().min(1).optional() }).default({}),
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await work.analyseCase(deps, request.ctx, request.params.id, request.body.overrides ?? {}, request.body.version);
      return detail(request, request.params.id);
    },
  );
  app.get(
    '/api/disputes/:id/mediator-proposals',
    { schema: { tags, params: idParams, response: { 200: anyObject, ...errorResponses } } },
    async (request) => work.mediatorProposals(deps, request.ctx, request.params.id) as never,
  );
  app.post(
    '/api/disputes/:id/assign',
    {
      schema: {
        tags,
        params: idParams,
        body: z.object({
          mediatorAccountId: z.string().uuid(),
          reason: plainText(200).optional(),
          noConflictDeclared: z.boolean(),
          version: z.number().int().min(1).optional(),
        }),
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await work.assignMediator(deps, request.ctx, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );
  app.get(
    '/api/disputes/:id/judges',
    {
      schema: {
        tags,
        summary: '本案法院的法官 Judges of the case’s court',
        params: idParams,
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: await work.courtJudges(deps, request.ctx, request.params.id),
    }),
  );
  app.post(
    '/api/disputes/:id/invite-judge',
    {
      schema: {
        tags,
        summary: '邀请法官联合调解 Invite a judge (joint mediation)',
        params: idParams,
        body: z.object({ judgeAccountId: z.string().uuid(), version: z.number().int().min(1).optional() }),
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await work.inviteJudge(deps, request.ctx, request.params.id, request.body.judgeAccountId, request.body.version);
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/disputes/:id/sessions',
    {
      schema: {
        tags,
        params: idParams,
        body: sessionBodySchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await work.scheduleSession(deps, request.ctx, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/disputes/:id/sessions/:sessionId/minutes',
    {
      schema: {
        tags,
        params: idParams.extend({ sessionId: z.string().uuid() }),
        body: z.object({
          minutes: z.string().trim().min(5, '请填写调解笔录').max(20_000),
          heldAt: z.string().datetime({ offset: true }).optional(),
        }),
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await work.recordMinutes(deps, request.ctx, request.params.id, request.params.sessionId, request.body);
      return detail(request, request.params.id);
    },
  );
  app.post(
    '/api/disputes/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传证据（图片或 PDF，≤10MB）Upload evidence',
        params: idParams,
        response: { 200: anyObject, 413: apiErrorSchema, 415: apiErrorSchema, ...errorResponses },
      },
    },
    async (request) => work.addEvidence(deps, request.ctx, request.params.id, await readFile(request)),
  );
  app.get(
    '/api/disputes/:id/evidence/:evidenceId',
    { schema: { tags, params: idParams.extend({ evidenceId: z.string().uuid() }) } },
    async (request, reply) => {
      const e = await work.getEvidence(deps, request.ctx, request.params.id, request.params.evidenceId);
      // Always a download: an uploaded file never runs in the app's origin, whatever it contains.
      return reply
        .type(e.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(e.content);
    },
  );
  app.get(
    '/api/disputes/:id/documents/:kind',
    {
      schema: {
        tags,
        summary: '生成文书（DOCX/PDF）Generate a document',
        params: idParams.extend({ kind: z.string() }),
        querystring: z.object({ format: z.enum(['pdf', 'docx']).default('pdf') }),
      },
    },
    async (request, reply) => {
      if (!isDocumentKind(request.params.kind))
        throw new AppError('VALIDATION', '未知文书类型', 'Unknown document kind', 'kind');
      const doc = await work.caseDocument(
        deps,
        request.ctx,
        request.params.id,
        request.params.kind,
        request.query.format,
      );
      return reply
        .type(DOCUMENT_MIME_TYPES[request.query.format])
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
        .send(doc.buffer);
    },
  );
  app.get(
    '/api/disputes/:id/filing-package',
    {
      schema: {
        tags,
        summary: '转立案/仲裁材料包（JSON）Filing package',
        params: idParams,
        response: { 200: anyObject, ...errorResponses },
      },
    },
    async (request) => work.filingPackage(deps, request.ctx, request.params.id) as never,
  );
  app.get(
    '/api/disputes/:id/outbox',
    {
      schema: {
        tags,
        summary: '本案短信与邮件（验证码与链接已隐去）Messages sent for the case, one-time secrets hidden',
        params: idParams,
        response: { 200: z.object({ items: z.array(outboxItemSchema), demoPhone: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await work.caseOutbox(deps, request.ctx, request.params.id)).map((m) => ({
        id: m.id,
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
      demoPhone: deps.config.demoData,
    }),
  );
  app.get(
    '/api/disputes/stats',
    {
      schema: {
        tags,
        summary: '统计 Statistics',
        querystring: statsQuerySchema,
        response: {
          200: z.object({ totals: statRowSchema, dimension: z.string(), rows: z.array(statRowSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { dimension, ...filter } = request.query;
      return disputeStats(deps, request.ctx, filter, dimension);
    },
  );
  app.get(
    '/api/disputes/stats.xlsx',
    { schema: { tags, summary: '统计导出 XLSX', querystring: statsQuerySchema.omit({ dimension: true }) } },
    async (request, reply) => {
      const buffer = await disputeStatsWorkbook(deps, request.ctx, request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('劳动争议调解统计.xlsx')}`)
        .send(buffer);
    },
  );
  app.get(
    '/api/disputes/settings/joint-mediation',
    { schema: { tags, response: { 200: jointConfigSchema, ...errorResponses } } },
    async (request) => readJointConfig(deps, request.ctx),
  );
  app.put(
    '/api/disputes/settings/joint-mediation',
    { schema: { tags, body: jointConfigSchema, response: { 200: jointConfigSchema, ...errorResponses } } },
    async (request) => setJointConfig(deps, request.ctx, request.body),
  );
  app.get(
    '/api/disputes/calendar-overrides',
    {
      schema: {
        tags,
        summary: '工作日历调整 Working-day calendar corrections',
        response: {
          200: z.object({ items: z.array(calendarOverrideSchema.extend({ note: z.string().nullable() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: await listCalendarOverrides(deps, request.ctx),
    }),
  );
  app.put(
    '/api/disputes/calendar-overrides',
    {
      schema: {
        tags,
        summary: '设置节假日或调休工作日 Set a holiday or make-up workday',
        body: calendarOverrideSchema,
        response: { 200: ok, ...errorResponses },
      },
    },
    async (request) => {
      await setCalendarOverride(deps, request.ctx, request.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/disputes/mediators',
    {
      schema: {
        tags,
        summary: '工作室调解员 The studio’s mediators',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                expertise: z.array(z.string()),
                available: z.boolean(),
                conflictEmployerIds: z.array(z.string()),
                activeCases: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await listMediators(deps, request.ctx) }),
  );
  app.put(
    '/api/disputes/mediators/:accountId/profile',
    {
      schema: {
        tags,
        params: z.object({ accountId: z.string().uuid() }),
        body: z.object({
          expertise: z.array(z.string().max(32)).max(20),
          available: z.boolean(),
          conflictEmployerIds: z.array(z.string().uuid()).max(200),
        }),
        response: { 200: ok, ...errorResponses },
      },
    },
    async (request) => {
      await setMediatorProfile(deps, request.ctx, request.params.accountId, request.body);
      return { ok: true as const };
    },
  );
}
