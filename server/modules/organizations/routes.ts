import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses } from '../../core/http.js';
import { pageOf, pageQuerySchema } from '../../core/paging.js';
import { organizationInputSchema, organizationListQuerySchema, organizationSchema } from './schemas.js';
import * as service from './service.js';

const idParams = z.object({ id: z.string().uuid('编号格式不正确') });

export async function organizationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['organizations'];
  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: '工会组织列表 List union organizations',
        querystring: organizationListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageOf(organizationSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return service.listOrganizations(deps, request.ctx, filter, { page, pageSize });
    },
  );
  app.get(
    '/api/organizations/:id',
    { schema: { tags, params: idParams, response: { 200: organizationSchema, ...errorResponses } } },
    async (request) => service.getOrganization(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/organizations',
    { schema: { tags, body: organizationInputSchema, response: { 200: organizationSchema, ...errorResponses } } },
    async (request) => service.createOrganization(deps, request.ctx, request.body),
  );
  app.put(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: organizationInputSchema,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (request) => service.updateOrganization(deps, request.ctx, request.params.id, request.body),
  );
}
