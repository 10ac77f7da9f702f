import { filingPackageSchema } from '../../../../contracts/disputes/responses.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { sendAttachment } from '../../../core/attachment.js';
import { caseIdParamsSchema, DISPUTE_TAGS as tags } from '../schemas.js';
import { documentParamsSchema, documentQuerySchema } from './schemas.js';
import { caseDocument, filingPackage } from './service.js';

/** The case's documents (DOCX/PDF, generated on request) and the filing package. */
export function documentRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/disputes/:id/documents/:kind',
    {
      schema: {
        tags,
        summary: '生成文书（DOCX/PDF）Generate a document',
        params: documentParamsSchema,
        querystring: documentQuerySchema,
      },
    },
    async (request, reply) =>
      sendAttachment(
        reply,
        await caseDocument(deps, request.ctx, request.params.id, request.params.kind, request.query.format),
      ),
  );
  app.get(
    '/api/disputes/:id/filing-package',
    {
      schema: {
        tags,
        summary: '转立案/仲裁材料包（JSON）Filing package',
        params: caseIdParamsSchema,
        response: { 200: filingPackageSchema, ...errorResponses },
      },
    },
    async (request) => filingPackage(deps, request.ctx, request.params.id),
  );
}
