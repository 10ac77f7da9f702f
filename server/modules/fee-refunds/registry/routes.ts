import { feeEnterprisePageSchema, feeEnterpriseSchema } from '../../../../contracts/fee-refunds/responses.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { feeEligibilityBodySchema, feeEnterpriseListQuerySchema, usccParamsSchema } from './schemas.js';
import * as registry from './service.js';

export function registryRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['fee-refunds'];
  app.get(
    '/api/fee-refunds/enterprises',
    {
      schema: {
        tags,
        summary: '经费返还企业名录 Fee-refund enterprise registry',
        querystring: feeEnterpriseListQuerySchema,
        response: { 200: feeEnterprisePageSchema, ...errorResponses },
      },
    },
    async (request) => registry.listFeeEnterprises(deps, request.ctx, request.query),
  );
  app.get(
    '/api/fee-refunds/enterprises/:uscc',
    {
      schema: {
        tags,
        summary: '名录中的企业 An enterprise of the registry',
        params: usccParamsSchema,
        response: { 200: feeEnterpriseSchema, ...errorResponses },
      },
    },
    async (request) => registry.getFeeEnterprise(deps, request.ctx, request.params.uscc),
  );
  app.put(
    '/api/fee-refunds/enterprises/:uscc/eligibility',
    {
      schema: {
        tags,
        summary: '声明规模类型与排除情形 Declare the size class and exclusions (checker)',
        params: usccParamsSchema,
        body: feeEligibilityBodySchema,
        response: { 200: feeEnterpriseSchema, ...errorResponses },
      },
    },
    async (request) => registry.setFeeEnterpriseEligibility(deps, request.ctx, request.params.uscc, request.body),
  );
}
