import {
  applicationListQuerySchema,
  applicationPageSchema,
  applicationParamsSchema,
  applicationRowSchema,
  approveSchema,
  bulkApproveAnswerSchema,
  bulkApproveSchema,
  leaveSchema,
  memberListQuerySchema,
  memberPageSchema,
  memberParamsSchema,
  memberRecordSchema,
  memberUpdateSchema,
  rejectSchema,
  verifiedCardSchema,
  verifyCardSchema,
} from '../../../../contracts/membership/api.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import * as decisions from './decisions.js';
import * as register from './register.js';

const tags = ['membership'];

/** The approval queue and the register, for union staff. */
export function memberRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/membership/applications',
    {
      schema: {
        tags,
        summary: '入会申请审批队列 The approval queue of the region',
        querystring: applicationListQuerySchema,
        response: { 200: applicationPageSchema, ...errorResponses },
      },
    },
    async (request) => decisions.listApplications(deps, request.ctx, request.query),
  );
  app.post(
    '/api/membership/applications/approve',
    {
      schema: {
        tags,
        summary: '批量批准 Approve many at once, each at the version shown',
        body: bulkApproveSchema,
        response: { 200: bulkApproveAnswerSchema, ...errorResponses },
      },
    },
    async (request) => decisions.approveMany(deps, request.ctx, request.body.items),
  );
  app.get(
    '/api/membership/applications/:id',
    {
      schema: {
        tags,
        summary: '入会申请 An application',
        params: applicationParamsSchema,
        response: { 200: applicationRowSchema, ...errorResponses },
      },
    },
    async (request) => decisions.getApplication(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/membership/applications/:id/approve',
    {
      schema: {
        tags,
        summary: '批准入会（或转会） Approve: the member number and card, or the transfer',
        params: applicationParamsSchema,
        body: approveSchema,
        response: { 200: applicationRowSchema, ...errorResponses },
      },
    },
    async (request) => decisions.approveApplication(deps, request.ctx, request.params.id, request.body.expectedVersion),
  );
  app.post(
    '/api/membership/applications/:id/reject',
    {
      schema: {
        tags,
        summary: '不予批准（写明原因，短信告知） Reject with a reason, texted to the applicant',
        params: applicationParamsSchema,
        body: rejectSchema,
        response: { 200: applicationRowSchema, ...errorResponses },
      },
    },
    async (request) => decisions.rejectApplication(deps, request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/membership/members',
    {
      schema: {
        tags,
        summary: '会员名册 The register of the region',
        querystring: memberListQuerySchema,
        response: { 200: memberPageSchema, ...errorResponses },
      },
    },
    async (request) => register.listMembers(deps, request.ctx, request.query),
  );
  app.get(
    '/api/membership/members/:id',
    {
      schema: {
        tags,
        summary: '会员登记信息与会籍变动 A member with the whole history',
        params: memberParamsSchema,
        response: { 200: memberRecordSchema, ...errorResponses },
      },
    },
    async (request) => register.getMember(deps, request.ctx, request.params.id),
  );
  app.put(
    '/api/membership/members/:id',
    {
      schema: {
        tags,
        summary: '修改会员登记信息 Change the register’s fields at the version read',
        params: memberParamsSchema,
        body: memberUpdateSchema,
        response: { 200: memberRecordSchema, ...errorResponses },
      },
    },
    async (request) => register.updateMember(deps, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/membership/members/:id/leave',
    {
      schema: {
        tags,
        summary: '退会 The member leaves',
        params: memberParamsSchema,
        body: leaveSchema,
        response: { 200: memberRecordSchema, ...errorResponses },
      },
    },
    async (request) => register.leaveMembership(deps, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/membership/verify-card',
    {
      schema: {
        tags,
        summary: '核验电子会员卡 Verify a scanned member card',
        body: verifyCardSchema,
        response: { 200: verifiedCardSchema, ...errorResponses },
      },
    },
    async (request) => register.verifyCard(deps, request.ctx, request.body.cardCode),
  );
}
