import type { FastifyInstance } from 'fastify';
import { demoPhoneInboxSchema, demoPhoneQuerySchema } from '../../../contracts/notifications.js';
import type { Deps } from '../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses } from '../../core/http.js';
import { demoPhoneInbox } from './service.js';

/**
 * The demo's stand-in for a phone: with no SMS gateway, a person trying the demo reads the
 * messages "sent" to a number here (the worker's code, the employer's link). It exists only
 * while the demo data set is on (YIZHAN_DEMO_DATA), never on a real installation.
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
}
