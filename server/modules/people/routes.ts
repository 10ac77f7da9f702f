import type { FastifyInstance } from 'fastify';
import {
  personInputSchema,
  personPageSchema,
  personSchema,
  personSearchBodySchema,
  revealedResidentIdSchema,
} from '../../../contracts/people.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses, idParamsSchema } from '../../core/http.js';
import { personListQuerySchema } from './schemas.js';
import * as service from './service.js';

export async function peopleRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['people'];
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: '人员列表（身份证号脱敏）List people, IDs masked',
        querystring: personListQuerySchema,
        response: { 200: personPageSchema, ...errorResponses },
      },
    },
    async (request) => service.listPeople(deps, request.ctx, request.query),
  );
  app.post(
    '/api/people/search',
    {
      schema: {
        tags,
        summary:
          '查找人员（姓名、身份证号或手机号，放在请求体中）Search people by name, resident ID or phone (in the body)',
        body: personSearchBodySchema,
        response: { 200: personPageSchema, ...errorResponses },
      },
    },
    async (request) => service.searchPeople(deps, request.ctx, request.body),
  );
  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: '人员 Person',
        params: idParamsSchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request) => service.getPerson(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/people/:id/reveal-resident-id',
    {
      schema: {
        tags,
        summary: '查看完整身份证号（留痕）Reveal full resident ID (audited)',
        params: idParamsSchema,
        response: { 200: revealedResidentIdSchema, ...errorResponses },
      },
    },
    async (request) => service.revealResidentId(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: '登记人员 Register a person',
        body: personInputSchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request) => service.createPerson(deps, request.ctx, request.body),
  );
  app.put(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: '修改人员 Update a person',
        params: idParamsSchema,
        body: personInputSchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request) => service.updatePerson(deps, request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/me/person',
    {
      schema: {
        tags,
        summary: '本人档案 My own record',
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request) => service.getOwnPerson(deps, request.ctx),
  );
}
