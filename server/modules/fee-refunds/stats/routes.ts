import { z } from 'zod';
import { feeStatsSchema } from '../../../../contracts/fee-refunds/stats.js';
import { sendAttachment } from '../../../core/attachment.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { feeReportQuerySchema, feeStatsQuerySchema } from './schemas.js';
import { getBiweeklyWorkbook, getRefundReport, getStatsWithSource, refreshStats } from './service.js';

/** Which answered the figures: `snapshot` (the last refresh, nothing written since) or `live`. */
const SOURCE_HEADER = 'x-figures-source';

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
    async (request, reply) => {
      const { stats, source } = await getStatsWithSource(deps, request.ctx, request.query);
      void reply.header(SOURCE_HEADER, source);
      return stats;
    },
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
    async (request, reply) => {
      const book = await getBiweeklyWorkbook(deps, request.ctx, request.query);
      return sendAttachment(reply.header(SOURCE_HEADER, book.source), book);
    },
  );
  app.post(
    '/api/fee-refunds/stats/refresh',
    {
      schema: {
        tags,
        summary: '立即刷新统计快照 Refresh the statistics snapshot now',
        response: {
          200: z.union([
            z.object({ refreshed: z.literal(true), changes: z.number().int() }),
            z.object({ refreshed: z.literal(false), reason: z.literal('busy') }),
          ]),
          ...errorResponses,
        },
      },
    },
    async (request) => refreshStats(deps, request.ctx),
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
