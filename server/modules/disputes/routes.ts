import type { FastifyInstance } from 'fastify';
import {
  actionResultSchema,
  calendarOverrideListSchema,
  caseDetailSchema,
  jointConfigSchema,
  okSchema,
} from '../../../contracts/disputes/responses.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { listAtRisk, listCases, readCaseDetail } from './case-view.js';
import { courtRoutes } from './court/routes.js';
import { documentRoutes } from './documents/routes.js';
import { homeRoutes } from './home/routes.js';
import { intakeRoutes } from './intake/routes.js';
import {
  DISPUTE_TAGS as tags,
  actionBodySchema,
  actionQuerySchema,
  atRiskQuerySchema,
  calendarOverrideSchema,
  caseIdParamsSchema,
  caseListPageSchema,
  caseListQuerySchema,
} from './schemas.js';
import { actOnCase } from './service.js';
import { listCalendarOverrides, readJointConfig, setCalendarOverride, setJointConfig } from './settings.js';
import { statsRoutes } from './stats/routes.js';
import { workRoutes } from './work/routes.js';

// The module's routes: those on the shared core (lists, the case file, actions, settings) here,
// each sub-folder's own group registered below. The no-login routes are public/routes.ts.
export { disputePublicRoutes } from './public/routes.js';

export async function disputeRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);

  app.get(
    '/api/disputes',
    {
      schema: {
        tags,
        summary: '案件列表（分页）Cases in the caller’s view, paged',
        querystring: caseListQuerySchema,
        response: { 200: caseListPageSchema, ...errorResponses },
      },
    },
    async (request) => listCases(deps, request.ctx, request.query),
  );
  app.get(
    '/api/disputes/at-risk',
    {
      schema: {
        tags,
        summary: '临期与超期案件 Cases near or past a deadline',
        querystring: atRiskQuerySchema,
        response: { 200: caseListPageSchema, ...errorResponses },
      },
    },
    async (request) => listAtRisk(deps, request.ctx, request.query),
  );
  app.get(
    '/api/disputes/:id',
    {
      schema: {
        tags,
        summary: '案件卷宗 The case file',
        params: caseIdParamsSchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => readCaseDetail(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/disputes/:id/actions',
    {
      schema: {
        tags,
        summary: '案件流转 Apply an action (the state machine decides); view=none answers with the new stage only',
        params: caseIdParamsSchema,
        querystring: actionQuerySchema,
        body: actionBodySchema,
        response: { 200: actionResultSchema, ...errorResponses },
      },
    },
    async (request) => actOnCase(deps, request.ctx, request.params.id, request.body, request.query.view),
  );
  app.get(
    '/api/disputes/settings/joint-mediation',
    {
      schema: {
        tags,
        summary: '联合调解触发条件 Joint-mediation triggers',
        response: { 200: jointConfigSchema, ...errorResponses },
      },
    },
    async (request) => readJointConfig(deps, request.ctx),
  );
  app.put(
    '/api/disputes/settings/joint-mediation',
    {
      schema: {
        tags,
        summary: '设置联合调解触发条件（全国管理员）Set the joint-mediation triggers (nationwide administrator)',
        body: jointConfigSchema,
        response: { 200: jointConfigSchema, ...errorResponses },
      },
    },
    async (request) => setJointConfig(deps, request.ctx, request.body),
  );
  app.get(
    '/api/disputes/calendar-overrides',
    {
      schema: {
        tags,
        summary: '工作日历调整 Working-day calendar corrections',
        response: { 200: calendarOverrideListSchema, ...errorResponses },
      },
    },
    async (request) => listCalendarOverrides(deps, request.ctx),
  );
  app.put(
    '/api/disputes/calendar-overrides',
    {
      schema: {
        tags,
        summary: '设置节假日或调休工作日 Set a holiday or make-up workday',
        body: calendarOverrideSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => setCalendarOverride(deps, request.ctx, request.body),
  );

  intakeRoutes(app, deps);
  workRoutes(app, deps);
  courtRoutes(app, deps);
  documentRoutes(app, deps);
  statsRoutes(app, deps);
  homeRoutes(app, deps);
}
