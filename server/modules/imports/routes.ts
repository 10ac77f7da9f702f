import type { FastifyInstance } from 'fastify';
import {
  importDetailSchema,
  importKindListSchema,
  importKindParamsSchema,
  importListQuerySchema,
  importPageSchema,
} from '../../../contracts/imports.js';
import type { Deps } from '../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses, idParamsSchema } from '../../core/http.js';
import { sendAttachment } from '../../core/attachment.js';
import * as service from './service.js';

const uploadErrors = { ...errorResponses, 413: apiErrorSchema, 415: apiErrorSchema };

export async function importRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['imports'];
  app.get(
    '/api/imports/kinds',
    {
      schema: {
        tags,
        summary: '可用的导入类型 Import kinds',
        response: { 200: importKindListSchema, ...errorResponses },
      },
    },
    async (request) => service.listKinds(deps, request.ctx),
  );
  app.get(
    '/api/imports/kinds/:kind/template.xlsx',
    {
      schema: {
        tags,
        summary: '导入模板 Import template',
        params: importKindParamsSchema,
        response: errorResponses,
      },
    },
    async (request, reply) => sendAttachment(reply, await service.templateOf(deps, request.ctx, request.params.kind)),
  );
  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: '上传导入文件（multipart：kind、acceptWarnings、file） Upload a file to import',
        consumes: ['multipart/form-data'],
        response: { 200: importDetailSchema, ...uploadErrors },
      },
    },
    async (request) => service.uploadImport(deps, request.ctx, request),
  );
  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: '导入记录 Imports',
        querystring: importListQuerySchema,
        response: { 200: importPageSchema, ...errorResponses },
      },
    },
    async (request) => service.listImports(deps, request.ctx, request.query),
  );
  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: '导入详情 Import',
        params: idParamsSchema,
        response: { 200: importDetailSchema, ...errorResponses },
      },
    },
    async (request) => service.getImport(deps, request.ctx, request.params.id),
  );
  app.get(
    '/api/imports/:id/rejected.xlsx',
    {
      schema: {
        tags,
        summary: '未导入的行 Rejected rows (XLSX)',
        params: idParamsSchema,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await service.rejectedRowsWorkbook(deps, request.ctx, request.params.id)),
  );
  app.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags,
        summary: '提交导入 Commit the import',
        params: idParamsSchema,
        response: { 200: importDetailSchema, ...errorResponses },
      },
    },
    async (request) => service.commitImport(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/imports/:id/rollback',
    {
      schema: {
        tags,
        summary: '撤销导入 Roll back the import',
        params: idParamsSchema,
        response: { 200: importDetailSchema, ...errorResponses },
      },
    },
    async (request) => service.rollbackImport(deps, request.ctx, request.params.id),
  );
}
