import { disputeStatsSchema } from '../../../../contracts/disputes/responses.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { sendAttachment } from '../../../core/attachment.js';
import { DISPUTE_TAGS as tags } from '../schemas.js';
import { statsExportQuerySchema, statsQuerySchema } from './schemas.js';
import { disputeStats, disputeStatsWorkbook } from './service.js';

/** Statistics of the cases in the caller's region (or court). */
export function statsRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/disputes/stats',
    {
      schema: {
        tags,
        summary: '统计 Statistics',
        querystring: statsQuerySchema,
        response: { 200: disputeStatsSchema, ...errorResponses },
      },
    },
    async (request) => disputeStats(deps, request.ctx, request.query),
  );
  app.get(
    '/api/disputes/stats.xlsx',
    {
      schema: {
        tags,
        summary: '统计导出 XLSX Statistics as a workbook, a sheet per dimension',
        querystring: statsExportQuerySchema,
      },
    },
    async (request, reply) => sendAttachment(reply, await disputeStatsWorkbook(deps, request.ctx, request.query)),
  );
}
