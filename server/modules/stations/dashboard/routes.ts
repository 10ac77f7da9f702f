import { stationDashboardQuerySchema, stationDashboardSchema } from '../../../../contracts/stations/dashboard.js';
import { sendAttachment } from '../../../core/attachment.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { stationDashboard, stationDashboardWorkbook } from './service.js';

/**
 * The city or province dashboard of the stations and its workbook. Static paths: Fastify matches
 * them before `/api/stations/:code`, so `dashboard` is never read as a station's code.
 */
export function dashboardRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['stations (dashboard)'];
  app.get(
    '/api/stations/dashboard',
    {
      schema: {
        tags,
        summary: '驿站数据（到访、站点、告警） Visits, stations and alarms of a region over a period',
        querystring: stationDashboardQuerySchema,
        response: { 200: stationDashboardSchema, ...errorResponses },
      },
    },
    async (request) => stationDashboard(deps, request.ctx, request.query),
  );
  app.get(
    '/api/stations/dashboard.xlsx',
    {
      schema: {
        tags,
        summary: '驿站数据（XLSX） The dashboard’s figures as a workbook (XLSX)',
        querystring: stationDashboardQuerySchema,
        response: errorResponses,
      },
    },
    async (request, reply) => sendAttachment(reply, await stationDashboardWorkbook(deps, request.ctx, request.query)),
  );
}
