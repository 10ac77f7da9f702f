import { caseDetailSchema, judgeListSchema } from '../../../../contracts/disputes/responses.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { caseIdParamsSchema, DISPUTE_TAGS as tags } from '../schemas.js';
import { inviteJudgeBodySchema } from './schemas.js';
import { caseJudges, inviteJudge } from './service.js';

/** Joint mediation with a judge of the case's court (the judge's decisions are actions). */
export function courtRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/disputes/:id/judges',
    {
      schema: {
        tags,
        summary: '本案法院的法官 Judges of the case’s court',
        params: caseIdParamsSchema,
        response: { 200: judgeListSchema, ...errorResponses },
      },
    },
    async (request) => caseJudges(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/disputes/:id/invite-judge',
    {
      schema: {
        tags,
        summary: '邀请法官联合调解 Invite a judge (joint mediation)',
        params: caseIdParamsSchema,
        body: inviteJudgeBodySchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => inviteJudge(deps, request.ctx, request.params.id, request.body),
  );
}
