import { hiringChainSchema, intakeSchema, liabilityResultSchema } from '../../../../contracts/disputes.js';
import { identityDecisionBodySchema } from '../../../../contracts/disputes/requests.js';
import { caseDetailSchema } from '../../../../contracts/disputes/responses.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { caseIdParamsSchema, DISPUTE_TAGS as tags } from '../schemas.js';
import { decideIdentity } from './identity.js';
import { previewLiability } from './liability-preview.js';
import { registerAtCounter } from './service.js';

/** Registering a case at the studio counter (the online door is public/routes.ts). */
export function intakeRoutes(app: ZodFastify, deps: Deps) {
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
    async (request) => registerAtCounter(deps, request.ctx, request.body),
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
  app.post(
    '/api/disputes/:id/identity',
    {
      schema: {
        tags,
        summary:
          '核验在线申请人身份（同一人或不同人）Decide who a held online applicant is (the registered person, or somebody else)',
        params: caseIdParamsSchema,
        body: identityDecisionBodySchema,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (request) => decideIdentity(deps, request.ctx, request.params.id, request.body),
  );
}
