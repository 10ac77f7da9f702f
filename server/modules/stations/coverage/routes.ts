import {
  coverageQuerySchema,
  coverageSchema,
  stationMapQuerySchema,
  stationMapSchema,
} from '../../../../contracts/stations/coverage.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { perInstanceBrake } from '../../limits/requests.js';
import { stationCoverage, stationMap } from './service.js';

/**
 * The stations' coverage for staff, and the offline map for anyone. Static paths: Fastify matches
 * them before `/api/stations/:code` and `/api/public/stations/:code`.
 */
export function coverageRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/stations/coverage',
    {
      schema: {
        tags: ['stations (dashboard)'],
        summary: '驿站覆盖率（步行距离内的面积占比） Share of the area within a walk of an open station',
        querystring: coverageQuerySchema,
        response: { 200: coverageSchema, ...errorResponses },
      },
    },
    async (request) => stationCoverage(deps, request.ctx, request.query),
  );
  app.get(
    '/api/public/stations/map',
    {
      schema: {
        tags: ['stations (public)'],
        summary: '驿站地图（离线边界与站点） A city’s county outlines and its stations, for an offline map',
        querystring: stationMapQuerySchema,
        response: { 200: stationMapSchema, ...errorResponses },
      },
      config: perInstanceBrake(60),
    },
    async (request) => stationMap(deps, request.query),
  );
}
