import type { FastifyInstance } from 'fastify';
import { feeImportSchema, feeImportStartedSchema } from '../../../contracts/fee-refunds/responses.js';
import { sendAttachment } from '../../core/attachment.js';
import type { Deps } from '../../core/deps.js';
import { apiErrorSchema, asZod, errorResponses } from '../../core/http.js';
import { bankRoutes } from './bank/routes.js';
import { policyRoutes } from './policies/routes.js';
import { publicRoutes } from './public/routes.js';
import { registryRoutes } from './registry/routes.js';
import { runRoutes } from './runs/routes.js';
import { statsRoutes } from './stats/routes.js';
import { feeImportParamsSchema, feeImportTemplateQuerySchema } from './schemas.js';
import * as service from './service.js';

/** 422: a file kind of the contract that is not available; 413/415: the file's size or type. */
const uploadErrors = { ...errorResponses, 413: apiErrorSchema, 415: apiErrorSchema, 422: apiErrorSchema };

export async function feeRefundRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  const tags = ['fee-refunds'];
  app.post(
    '/api/fee-refunds/imports',
    {
      schema: {
        tags,
        summary:
          '上传经费返还文件（multipart：kind、acceptWarnings、file），检查后自动导入 Upload a fee-refund file; checked, then committed',
        consumes: ['multipart/form-data'],
        response: { 200: feeImportStartedSchema, ...uploadErrors },
      },
    },
    async (request) => service.uploadFeeImport(deps, request.ctx, request),
  );
  app.get(
    '/api/fee-refunds/imports/template.xlsx',
    {
      schema: {
        tags,
        summary: '导入模板 Import template',
        querystring: feeImportTemplateQuerySchema,
        response: { ...errorResponses, 422: apiErrorSchema },
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await service.feeImportTemplate(deps, request.ctx, request.query.kind)),
  );
  app.get(
    '/api/fee-refunds/imports/:id',
    {
      schema: {
        tags,
        summary: '导入进度与结果 An upload’s state and result',
        params: feeImportParamsSchema,
        response: { 200: feeImportSchema, ...errorResponses },
      },
    },
    async (request) => service.getFeeImport(deps, request.ctx, request.params.id),
  );
  app.get(
    '/api/fee-refunds/imports/:id/errors.xlsx',
    {
      schema: {
        tags,
        summary: '未导入的行及原因 Rejected rows with their reasons (XLSX)',
        params: feeImportParamsSchema,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await service.feeImportErrors(deps, request.ctx, request.params.id)),
  );
  app.post(
    '/api/fee-refunds/imports/:id/rollback',
    {
      schema: {
        tags,
        summary: '撤销导入 Roll the upload back',
        params: feeImportParamsSchema,
        response: { 200: feeImportSchema, ...errorResponses },
      },
    },
    async (request) => service.rollbackFeeImport(deps, request.ctx, request.params.id),
  );
  registryRoutes(app, deps);
  bankRoutes(app, deps);
  runRoutes(app, deps);
  policyRoutes(app, deps);
  statsRoutes(app, deps);
  publicRoutes(app, deps);
}
