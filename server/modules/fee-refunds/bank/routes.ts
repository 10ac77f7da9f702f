import { feeReconciliationSchema } from '../../../../contracts/fee-refunds/responses.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { feeReconciliationQuerySchema } from './schemas.js';
import * as bank from './service.js';

export function bankRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/fee-refunds/reconciliation',
    {
      schema: {
        tags: ['fee-refunds'],
        summary: '征收与银行入账对账 Collections reconciled with the bank credits',
        querystring: feeReconciliationQuerySchema,
        response: { 200: feeReconciliationSchema, ...errorResponses },
      },
    },
    async (request) => bank.getReconciliation(deps, request.ctx, request.query),
  );
}
