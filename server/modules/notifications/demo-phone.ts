import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { AppError } from '../../core/errors.js';
import { outbox } from './tables.js';

/**
 * The demo's stand-in for a phone: with no SMS gateway, a person trying the demo reads the
 * messages "sent" to a number here (the worker's code, the employer's link). It exists only
 * while the demo data set is on (YIZHAN_DEMO_DATA), never on a real installation, because it
 * shows one-time codes to whoever asks.
 */
export async function demoPhoneRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  app.get(
    '/api/public/demo-phone',
    {
      schema: {
        tags: ['demo'],
        summary: '演示手机：查看发往某号码的短信与邮件（仅演示数据开启时）Demo phone (demo mode only)',
        querystring: z.object({ to: z.string().trim().min(3).max(128) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                channel: z.enum(['sms', 'email']),
                recipient: z.string(),
                subject: z.string().nullable(),
                body: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => {
      if (!deps.config.demoData) throw new AppError('NOT_FOUND', '接口不存在', 'No such endpoint');
      const rows = await deps.db
        .select()
        .from(outbox)
        .where(eq(outbox.recipient, request.query.to))
        .orderBy(desc(outbox.createdAt))
        .limit(20);
      return {
        items: rows.map((m) => ({
          id: m.id,
          channel: m.channel,
          recipient: m.recipient,
          subject: m.subject,
          body: m.body,
          createdAt: m.createdAt.toISOString(),
        })),
      };
    },
  );
}
