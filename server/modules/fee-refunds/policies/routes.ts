import { z } from 'zod';
import {
  policyBodySchema,
  policyCloseSchema,
  policyParamsSchema,
  policyUpdateSchema,
  policyVersionRefSchema,
  policyVersionSchema,
} from '../../../../contracts/fee-refunds/policies.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import * as policies from './service.js';

export function policyRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['fee-refunds'];
  const path = '/api/fee-refunds/policies';
  app.get(
    path,
    {
      schema: {
        tags,
        summary: '返还政策版本（本地区适用的与辖区内的） Refund policy versions governing and inside the region',
        response: { 200: z.array(policyVersionSchema), ...errorResponses },
      },
    },
    async (request) => policies.listPolicyVersions(deps, request.ctx),
  );
  app.post(
    path,
    {
      schema: {
        tags,
        summary: '起草政策版本（经办人） Draft a policy version (the maker)',
        body: policyBodySchema,
        response: { 200: policyVersionSchema, ...errorResponses },
      },
    },
    async (request) => policies.draftPolicyVersion(deps, request.ctx, request.body),
  );
  app.put(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: '修改草稿 Edit a draft',
        params: policyParamsSchema,
        body: policyUpdateSchema,
        response: { 200: policyVersionSchema, ...errorResponses },
      },
    },
    async (request) =>
      policies.editPolicyVersion(deps, request.ctx, request.params.id, request.body.version, request.body.policy),
  );
  app.post(
    `${path}/:id/discard`,
    {
      schema: {
        tags,
        summary: '删除草稿 Discard a draft',
        params: policyParamsSchema,
        body: policyVersionRefSchema,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      await policies.discardPolicyVersion(deps, request.ctx, request.params.id, request.body.version);
      return { ok: true as const };
    },
  );
  app.post(
    `${path}/:id/activate`,
    {
      schema: {
        tags,
        summary: '批准生效（复核人，非起草人） Put a draft in force (a checker other than its author)',
        params: policyParamsSchema,
        body: policyVersionRefSchema,
        response: { 200: policyVersionSchema, ...errorResponses },
      },
    },
    async (request) => policies.activatePolicyVersion(deps, request.ctx, request.params.id, request.body.version),
  );
  app.post(
    `${path}/:id/close`,
    {
      schema: {
        tags,
        summary: '提前终止已生效的版本（复核人） End a version in force earlier (the checker)',
        params: policyParamsSchema,
        body: policyCloseSchema,
        response: { 200: policyVersionSchema, ...errorResponses },
      },
    },
    async (request) =>
      policies.closePolicyVersion(deps, request.ctx, request.params.id, request.body.version, request.body.effectiveTo),
  );
}
