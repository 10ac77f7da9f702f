import type { FastifyInstance } from 'fastify';
import { jobIdParamsSchema, jobPageSchema, jobQueuesSchema, jobSchema } from '../../../contracts/jobs.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { streamJobEvents } from './events.js';
import { jobListQuerySchema } from './schemas.js';
import * as service from './service.js';

const tags = ['jobs'];

export async function jobRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  app.get(
    '/api/jobs/queues',
    {
      schema: {
        tags,
        summary: '任务队列 Job queues',
        response: { 200: jobQueuesSchema, ...errorResponses },
      },
    },
    async (request) => service.listQueues(deps, request.ctx),
  );
  app.get(
    '/api/jobs',
    {
      schema: {
        tags,
        summary: '后台任务 Background jobs',
        querystring: jobListQuerySchema,
        response: { 200: jobPageSchema, ...errorResponses },
      },
    },
    async (request) => service.listJobs(deps, request.ctx, request.query),
  );
  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: '任务详情 A job',
        params: jobIdParamsSchema,
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    async (request) => service.getJob(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: '重试失败的任务 Retry a failed job',
        params: jobIdParamsSchema,
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    async (request) => service.retryJob(deps, request.ctx, request.params.id),
  );
  app.get(
    '/api/jobs/:id/events',
    {
      schema: {
        tags,
        summary: '任务进度（服务器推送事件）Job progress as server-sent events',
        params: jobIdParamsSchema,
        response: { ...errorResponses },
      },
    },
    async (request, reply) => streamJobEvents(deps, request.ctx, request.params.id, reply),
  );
}
