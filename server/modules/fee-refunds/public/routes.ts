import { z } from 'zod';
import {
  feeAccessTokenSchema,
  feeCodeRequestSchema,
  feeCodeSentSchema,
  feeCodeVerifySchema,
  feeEnterpriseRefundsQuerySchema,
  feeEnterpriseRefundsSchema,
} from '../../../../contracts/fee-refunds/public.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { perInstanceBrake } from '../../limits/requests.js';
import * as service from './service.js';

/** The session token a verified code gave (other headers pass untouched). */
const feeTokenHeaders = z.looseObject({ 'x-fee-token': z.string().max(512).optional() });

/** An enterprise's own refunds: by USCC and SMS code without an account, or as the employer's agent. */
export function publicRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['fee-refunds (public)'];
  app.post(
    '/api/public/fee-refunds/request-code',
    {
      schema: {
        tags,
        summary:
          '企业获取经费返还查询验证码（发送至登记的联系电话；是否登记均同样答复） Request a code texted to the registered phone; the same answer whatever the USCC',
        body: feeCodeRequestSchema,
        response: { 200: feeCodeSentSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) => service.requestEnterpriseCode(deps, request.ctx, request.body),
  );
  app.post(
    '/api/public/fee-refunds/verify',
    {
      schema: {
        tags,
        summary: '验证码登录查询 Verify the code; answers a short-lived session token',
        body: feeCodeVerifySchema,
        response: { 200: feeAccessTokenSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) => service.verifyEnterpriseCode(deps, request.ctx, request.body),
  );
  app.get(
    '/api/public/fee-refunds/lines',
    {
      schema: {
        tags,
        summary: '本企业的经费返还（X-Fee-Token） The enterprise’s refunds, newest month first',
        headers: feeTokenHeaders,
        querystring: feeEnterpriseRefundsQuerySchema,
        response: { 200: feeEnterpriseRefundsSchema, ...errorResponses },
      },
      config: perInstanceBrake(60),
    },
    async (request) => service.publicRefunds(deps, request.headers['x-fee-token'], request.query),
  );
  app.get(
    '/api/fee-refunds/my-refunds',
    {
      schema: {
        tags: ['fee-refunds'],
        summary: '用人单位账号查看本企业的经费返还 The signed-in employer’s own refunds',
        querystring: feeEnterpriseRefundsQuerySchema,
        response: { 200: feeEnterpriseRefundsSchema, ...errorResponses },
      },
    },
    async (request) => service.myRefunds(deps, request.ctx, request.query),
  );
}
