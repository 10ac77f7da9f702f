import {
  areaInputSchema,
  areaListQuerySchema,
  areaPageSchema,
  areaSchema,
  areaUpdateSchema,
  deletedSchema,
  deleteQuerySchema,
  organiserAccountsQuerySchema,
  organiserAccountsSchema,
  organiserInputSchema,
  organiserListQuerySchema,
  organiserPageSchema,
  organiserSchema,
  organiserUpdateSchema,
} from '../../../../contracts/membership/grid.js';
import { sendAttachment } from '../../../core/attachment.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { idParamsSchema } from './schemas.js';
import * as areas from './areas.js';
import * as grid from './service.js';
import { organiserQr } from './self.js';
import { visitRoutes } from './visit-routes.js';

/** The grid (分片包干): organisers and areas here; visits, the organiser's own page and figures in visit-routes.ts. */
export function gridRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['membership (grid)'];
  app.get(
    '/api/membership/grid/organisers',
    {
      schema: {
        tags,
        summary: '组织员列表 Organisers of the region',
        querystring: organiserListQuerySchema,
        response: { 200: organiserPageSchema, ...errorResponses },
      },
    },
    async (request) => grid.listOrganisers(deps, request.ctx, request.query),
  );
  app.post(
    '/api/membership/grid/organisers',
    {
      schema: {
        tags,
        summary: '新增组织员（生成入会码） Add an organiser, with their joining code',
        body: organiserInputSchema,
        response: { 200: organiserSchema, ...errorResponses },
      },
    },
    async (request) => grid.createOrganiser(deps, request.ctx, request.body),
  );
  app.get(
    '/api/membership/grid/organiser-accounts',
    {
      schema: {
        tags,
        summary: '可关联的组织员账号 Organiser accounts of the region, for the organiser form',
        querystring: organiserAccountsQuerySchema,
        response: { 200: organiserAccountsSchema, ...errorResponses },
      },
    },
    async (request) => grid.organiserAccounts(deps, request.ctx, request.query),
  );
  app.get(
    '/api/membership/grid/organisers/:id',
    {
      schema: {
        tags,
        summary: '组织员 An organiser',
        params: idParamsSchema,
        response: { 200: organiserSchema, ...errorResponses },
      },
    },
    async (request) => grid.getOrganiser(deps, request.ctx, request.params.id),
  );
  app.put(
    '/api/membership/grid/organisers/:id',
    {
      schema: {
        tags,
        summary: '修改组织员（按读取时的版本） Change an organiser, at the version read',
        params: idParamsSchema,
        body: organiserUpdateSchema,
        response: { 200: organiserSchema, ...errorResponses },
      },
    },
    async (request) => grid.updateOrganiser(deps, request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/membership/grid/organisers/:id',
    {
      schema: {
        tags,
        summary: '删除组织员（无任何记录时） Delete an organiser with nothing on record',
        params: idParamsSchema,
        querystring: deleteQuerySchema,
        response: { 200: deletedSchema, ...errorResponses },
      },
    },
    async (request) => grid.deleteOrganiser(deps, request.ctx, request.params.id, request.query.version),
  );
  app.get(
    '/api/membership/grid/organisers/:id/qr.svg',
    {
      schema: {
        tags,
        summary: '组织员入会二维码（SVG） The organiser’s joining QR code (SVG)',
        params: idParamsSchema,
        response: errorResponses,
      },
    },
    async (request, reply) => sendAttachment(reply, await organiserQr(deps, request.ctx, request.params.id)),
  );
  app.get(
    '/api/membership/grid/areas',
    {
      schema: {
        tags,
        summary: '网格列表 Grid areas of the region',
        querystring: areaListQuerySchema,
        response: { 200: areaPageSchema, ...errorResponses },
      },
    },
    async (request) => areas.listAreas(deps, request.ctx, request.query),
  );
  app.post(
    '/api/membership/grid/areas',
    {
      schema: {
        tags,
        summary: '新增网格 Add a grid area',
        body: areaInputSchema,
        response: { 200: areaSchema, ...errorResponses },
      },
    },
    async (request) => areas.createArea(deps, request.ctx, request.body),
  );
  app.get(
    '/api/membership/grid/areas/:id',
    {
      schema: {
        tags,
        summary: '网格 A grid area',
        params: idParamsSchema,
        response: { 200: areaSchema, ...errorResponses },
      },
    },
    async (request) => areas.getArea(deps, request.ctx, request.params.id),
  );
  app.put(
    '/api/membership/grid/areas/:id',
    {
      schema: {
        tags,
        summary: '修改网格（按读取时的版本） Change a grid area, at the version read',
        params: idParamsSchema,
        body: areaUpdateSchema,
        response: { 200: areaSchema, ...errorResponses },
      },
    },
    async (request) => areas.updateArea(deps, request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/membership/grid/areas/:id',
    {
      schema: {
        tags,
        summary: '删除网格（无任何记录时） Delete a grid area with nothing on record',
        params: idParamsSchema,
        querystring: deleteQuerySchema,
        response: { 200: deletedSchema, ...errorResponses },
      },
    },
    async (request) => areas.deleteArea(deps, request.ctx, request.params.id, request.query.version),
  );
  visitRoutes(app, deps);
}
