import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { asZod, errorResponses } from '../../core/http.js';
import { pageOf, pageQuerySchema } from '../../core/paging.js';
import { personInputSchema, personListQuerySchema, personSchema, personSearchBodySchema } from './schemas.js';
import * as service from './service.js';

const idParams = z.object({ id: z.string().uuid('编号格式不正确') });

export async function peopleRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['people'];
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: '人员列表（身份证号脱敏）List people, IDs masked',
        querystring: personListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageOf(personSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      // URLs end up in access logs, proxies and browser history: numbers go in a POST body.
      if (service.looksLikeNumber(filter.q)) {
        throw errors.validation(
          'q',
          '按身份证号或手机号查找请用 POST /api/people/search（号码不应出现在网址中）',
          'Search by resident ID or phone with POST /api/people/search (such numbers must not appear in URLs)',
        );
      }
      return service.listPeople(deps, request.ctx, filter, { page, pageSize });
    },
  );
  app.post(
    '/api/people/search',
    {
      schema: {
        tags,
        summary:
          '查找人员（姓名、身份证号或手机号，放在请求体中）Search people by name, resident ID or phone (in the body)',
        body: personSearchBodySchema,
        response: { 200: pageOf(personSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.body;
      return service.listPeople(deps, request.ctx, filter, { page, pageSize });
    },
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, params: idParams, response: { 200: personSchema, ...errorResponses } } },
    async (request) => service.getPerson(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/people/:id/reveal-resident-id',
    {
      schema: {
        tags,
        summary: '查看完整身份证号（留痕）Reveal full resident ID (audited)',
        params: idParams,
        response: { 200: z.object({ residentId: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) => service.revealResidentId(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/people',
    { schema: { tags, body: personInputSchema, response: { 200: personSchema, ...errorResponses } } },
    async (request) => service.createPerson(deps, request.ctx, request.body),
  );
  app.put(
    '/api/people/:id',
    { schema: { tags, params: idParams, body: personInputSchema, response: { 200: personSchema, ...errorResponses } } },
    async (request) => service.updatePerson(deps, request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/me/person',
    { schema: { tags, summary: '本人档案 My own record', response: { 200: personSchema, ...errorResponses } } },
    async (request) => service.getOwnPerson(deps, request.ctx),
  );
}
