import type { FastifyInstance } from 'fastify';
import {
  demoPhoneInboxSchema,
  demoPhoneQuerySchema,
  messageDetailSchema,
  messageIdParamsSchema,
  messagePageSchema,
} from '../../../contracts/notifications.js';
import type { Deps } from '../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses } from '../../core/http.js';
import * as admin from './admin.js';
import { messageListQuerySchema } from './schemas.js';
import { demoPhoneInbox } from './service.js';

const tags = ['notifications'];

/** The messages page of system administrators: what was sent, to whom, how it went; a failed one sent again. */
export async function messageRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  app.get(
    '/api/notifications/messages',
    {
      schema: {
        tags,
        summary: '短信与邮件发送记录 Messages sent',
        querystring: messageListQuerySchema,
        response: { 200: messagePageSchema, ...errorResponses },
      },
    },
    async (request) => admin.listMessages(deps, request.ctx, request.query),
  );
  app.get(
    '/api/notifications/messages/:id',
    {
      schema: {
        tags,
        summary: '消息及其发送尝试 A message with its attempts',
        params: messageIdParamsSchema,
        response: { 200: messageDetailSchema, ...errorResponses },
      },
    },
    async (request) => admin.readMessage(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/notifications/messages/:id/retry',
    {
      schema: {
        tags,
        summary: '重新发送失败的消息 Send a failed message again',
        params: messageIdParamsSchema,
        response: { 200: messageDetailSchema, ...errorResponses },
      },
    },
    async (request) => admin.retryMessage(deps, request.ctx, request.params.id),
  );
}

/**
 * The demo's stand-in for a phone: with no SMS gateway, a person trying the demo reads the
 * messages "sent" to a number here (the worker's code, the employer's link). It exists only
 * while the demo data set is on (YIZHAN_DEMO_DATA), never on a real installation.
 * It also registers the messages routes (server/app.ts lists this function).
 */
export async function demoPhoneRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  app.get(
    '/api/public/demo-phone',
    {
      schema: {
        tags: ['demo'],
        summary: '演示手机：查看发往某号码的短信与邮件（仅演示数据开启时）Demo phone (demo mode only)',
        querystring: demoPhoneQuerySchema,
        response: { 200: demoPhoneInboxSchema, 429: apiErrorSchema, ...errorResponses },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => demoPhoneInbox(deps, request.query),
  );
  await messageRoutes(fastify, deps);
}
