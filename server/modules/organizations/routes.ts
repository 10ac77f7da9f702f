import type { FastifyInstance } from 'fastify';
import {
  approverChoicesQuerySchema,
  approverChoicesSchema,
  organizationInputSchema,
  organizationPageSchema,
  organizationSchema,
} from '../../../contracts/organizations.js';
import type { Deps } from '../../core/deps.js';
import { asZod, errorResponses, idParamsSchema } from '../../core/http.js';
import { organizationListQuerySchema } from './schemas.js';
import * as service from './service.js';

export async function organizationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['organizations'];
  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: '工会组织列表 List union organizations',
        querystring: organizationListQuerySchema,
        response: { 200: organizationPageSchema, ...errorResponses },
      },
    },
    async (request) => service.listOrganizations(deps, request.ctx, request.query),
  );
  app.get(
    '/api/organizations/approver-accounts',
    {
      schema: {
        tags,
        summary: '可指定的入会审批人 Union staff who may be named an organization’s approver',
        querystring: approverChoicesQuerySchema,
        response: { 200: approverChoicesSchema, ...errorResponses },
      },
    },
    async (request) => service.approverChoices(deps, request.ctx, request.query.q),
  );
  app.get(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: '工会组织 Union organization',
        params: idParamsSchema,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (request) => service.getOrganization(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: '新建工会组织 Create a union organization',
        body: organizationInputSchema,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (request) => service.createOrganization(deps, request.ctx, request.body),
  );
  app.put(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: '修改工会组织 Update a union organization',
        params: idParamsSchema,
        body: organizationInputSchema,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (request) => service.updateOrganization(deps, request.ctx, request.params.id, request.body),
  );
}
