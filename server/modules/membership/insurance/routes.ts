import {
  coverageQuerySchema,
  coverageSchema,
  expiringPageSchema,
  expiringQuerySchema,
  insuranceInputSchema,
  insuranceRecordSchema,
} from '../../../../contracts/membership/insurance.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import * as insurance from './service.js';

const tags = ['membership insurance'];

/**
 * The members' work-injury cover: one recorded by hand (the resident ID in the body), the
 * coverage and the cover about to end. The bulk upload is kind `membership-insurance` of /api/imports.
 */
export function insuranceRoutes(app: ZodFastify, deps: Deps) {
  app.post(
    '/api/membership/insurance',
    {
      schema: {
        tags,
        summary: '录入一条参保记录 Record one cover',
        body: insuranceInputSchema,
        response: { 200: insuranceRecordSchema, ...errorResponses },
      },
    },
    async (request) => insurance.recordInsurance(deps, request.ctx, request.body),
  );
  app.get(
    '/api/membership/insurance/coverage',
    {
      schema: {
        tags,
        summary: '会员参保率（按工会组织与地区） Members covered, by organization and region',
        querystring: coverageQuerySchema,
        response: { 200: coverageSchema, ...errorResponses },
      },
    },
    async (request) => insurance.coverage(deps, request.ctx, request.query),
  );
  app.get(
    '/api/membership/insurance/expiring',
    {
      schema: {
        tags,
        summary: '即将到期的参保 Cover ending soon, not renewed',
        querystring: expiringQuerySchema,
        response: { 200: expiringPageSchema, ...errorResponses },
      },
    },
    async (request) => insurance.expiring(deps, request.ctx, request.query),
  );
}
