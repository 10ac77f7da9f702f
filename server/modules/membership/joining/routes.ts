import { z } from 'zod';
import {
  applicationAnswerSchema,
  applicationInputSchema,
  joiningOrganizationQuerySchema,
  joiningOrganizationSchema,
  memberCardSchema,
  memberCodeRequestSchema,
  memberCodeSentSchema,
  memberSessionSchema,
  memberSignInSchema,
} from '../../../../contracts/membership/api.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { perInstanceBrake } from '../../limits/requests.js';
import * as joining from './service.js';

/** The session token a verified code gave the worker's phone (other headers pass untouched). */
const memberTokenHeaders = z.looseObject({ 'x-member-token': z.string().max(512).optional() });
const tags = ['membership (public)'];

/** Joining from a QR or link, and the member card: no login, the phone proves itself by a code. */
export function joiningRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/public/membership/organizations/:code',
    {
      schema: {
        tags,
        summary: '扫码入会：工会组织 The union a joining QR names',
        params: z.object({ code: z.string().max(24) }),
        querystring: joiningOrganizationQuerySchema,
        response: { 200: joiningOrganizationSchema, ...errorResponses },
      },
      config: perInstanceBrake(60),
    },
    async (request) => joining.joiningOrganization(deps, request.params.code, request.query.o),
  );
  app.post(
    '/api/public/membership/codes',
    {
      schema: {
        tags,
        summary: '发送短信验证码 Text a one-time code to the phone',
        body: memberCodeRequestSchema,
        response: { 200: memberCodeSentSchema, ...errorResponses },
      },
      config: perInstanceBrake(20),
    },
    async (request) => joining.requestMemberCode(deps, request.ctx, request.body),
  );
  app.post(
    '/api/public/membership/applications',
    {
      schema: {
        tags,
        summary: '提交入会（或转会）申请 Apply to join, or to transfer a membership',
        headers: memberTokenHeaders,
        body: applicationInputSchema,
        response: { 200: applicationAnswerSchema, ...errorResponses },
      },
      config: perInstanceBrake(20),
    },
    async (request) => joining.applyToJoin(deps, request.ctx, request.body, request.headers['x-member-token']),
  );
  app.post(
    '/api/public/membership/sign-in',
    {
      schema: {
        tags,
        summary: '凭手机验证码打开会员卡 Open the member card with a texted code',
        body: memberSignInSchema,
        response: { 200: memberSessionSchema, ...errorResponses },
      },
      config: perInstanceBrake(20),
    },
    async (request) => joining.signInMember(deps, request.ctx, request.body),
  );
  app.get(
    '/api/public/membership/card',
    {
      schema: {
        tags,
        summary: '电子会员卡与申请进度（X-Member-Token） The member card and where applications stand',
        headers: memberTokenHeaders,
        response: { 200: memberCardSchema, ...errorResponses },
      },
      config: perInstanceBrake(60),
    },
    async (request) => joining.memberCard(deps, request.headers['x-member-token']),
  );
}
