import { feeStatsSchema } from '../../../../contracts/fee-refunds/stats.js';
import { sendAttachment } from '../../../core/attachment.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { feeReportQuerySchema, feeStatsQuerySchema } from './schemas.js';
import { getBiweeklyWorkbook, getRefundReport, getStats } from './service.js';

export function statsRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['fee-refunds'];
  app.get(
    '/api/fee-refunds/stats',
    {
      schema: {
        tags,
        summary: '返还统计（按下级地区） Refund statistics by child region',
        querystring: feeStatsQuerySchema,
        response: { 200: feeStatsSchema, ...errorResponses },
      },
    },
    async (request) => getStats(deps, request.ctx, request.query),
  );
  app.get(
    '/api/fee-refunds/stats/biweekly.xlsx',
    {
      schema: {
        tags,
        summary: '双周统计表（XLSX） The biweekly statistics table (XLSX)',
        querystring: feeStatsQuerySchema,
        response: errorResponses,
      },
    },
    async (request, reply) => sendAttachment(reply, await getBiweeklyWorkbook(deps, request.ctx, request.query)),
  );
  app.get(
    '/api/fee-refunds/stats/report',
    {
      schema: {
        tags,
        summary: '季度通报或周报（DOCX、PDF） The quarterly circular or the weekly report (DOCX, PDF)',
        querystring: feeReportQuerySchema,
        response: errorResponses,
      },
    },
    async (request, reply) => sendAttachment(reply, await getRefundReport(deps, request.ctx, request.query)),
  );
}
