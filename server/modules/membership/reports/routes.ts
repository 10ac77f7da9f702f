import { membershipReportQuerySchema, membershipReportSchema } from '../../../../contracts/membership/reports.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { membershipReport } from './service.js';

export function reportRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/membership/reports',
    {
      schema: {
        tags: ['membership'],
        summary: '入会工作统计（组织、会员、参保、推优） The program’s figures by area and month',
        querystring: membershipReportQuerySchema,
        response: { 200: membershipReportSchema, ...errorResponses },
      },
    },
    async (request) => membershipReport(deps, request.ctx, request.query),
  );
}
