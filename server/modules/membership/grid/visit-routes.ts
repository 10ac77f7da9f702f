import {
  gridFiguresQuerySchema,
  gridFiguresSchema,
  myFiguresSchema,
  myVisitsQuerySchema,
  organiserSelfSchema,
  visitInputSchema,
  visitListQuerySchema,
  visitPageSchema,
  visitPhotoParamsSchema,
  visitSchema,
} from '../../../../contracts/membership/grid.js';
import { sendAttachment } from '../../../core/attachment.js';
import type { Deps } from '../../../core/deps.js';
import { apiErrorSchema, errorResponses, type ZodFastify } from '../../../core/http.js';
import { gridFigures, gridFiguresWorkbook, myFigures } from './figures.js';
import { idParamsSchema } from './schemas.js';
import { myQr, organiserSelf } from './self.js';
import { readPhotoUpload } from './upload.js';
import * as visits from './visits.js';

/**
 * Outreach visits and their photos, the organiser's own page (/me: 404 for an account that no
 * organiser is linked to, except /me itself, which answers `organiser: null`), and the figures.
 */
export function visitRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['membership (grid)'];
  app.get(
    '/api/membership/grid/me',
    {
      schema: {
        tags,
        summary: '我的组织员信息与入会链接 The signed-in organiser, their joining link and areas',
        response: { 200: organiserSelfSchema, ...errorResponses },
      },
    },
    async (request) => organiserSelf(deps, request.ctx),
  );
  app.get(
    '/api/membership/grid/me/qr.svg',
    {
      schema: {
        tags,
        summary: '我的入会二维码（SVG） The signed-in organiser’s joining QR code (SVG)',
        response: errorResponses,
      },
    },
    async (request, reply) => sendAttachment(reply, await myQr(deps, request.ctx)),
  );
  app.get(
    '/api/membership/grid/me/visits',
    {
      schema: {
        tags,
        summary: '我的走访（新的在前） The signed-in organiser’s visits, newest first',
        querystring: myVisitsQuerySchema,
        response: { 200: visitPageSchema, ...errorResponses },
      },
    },
    async (request) => visits.myVisits(deps, request.ctx, request.query),
  );
  app.get(
    '/api/membership/grid/me/figures',
    {
      schema: {
        tags,
        summary: '我的入会工作数据 The signed-in organiser’s figures over a period',
        querystring: gridFiguresQuerySchema,
        response: { 200: myFiguresSchema, ...errorResponses },
      },
    },
    async (request) => myFigures(deps, request.ctx, request.query),
  );
  app.get(
    '/api/membership/grid/visits',
    {
      schema: {
        tags,
        summary: '本地区的走访（新的在前） Visits of the region, newest first',
        querystring: visitListQuerySchema,
        response: { 200: visitPageSchema, ...errorResponses },
      },
    },
    async (request) => visits.listVisits(deps, request.ctx, request.query),
  );
  app.post(
    '/api/membership/grid/visits',
    {
      schema: {
        tags,
        summary: '登记走访 Log an outreach visit',
        body: visitInputSchema,
        response: { 200: visitSchema, ...errorResponses },
      },
    },
    async (request) => visits.createVisit(deps, request.ctx, request.body),
  );
  app.get(
    '/api/membership/grid/visits/:id',
    {
      schema: {
        tags,
        summary: '走访记录 A visit',
        params: idParamsSchema,
        response: { 200: visitSchema, ...errorResponses },
      },
    },
    async (request) => visits.getVisit(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/membership/grid/visits/:id/photos',
    {
      schema: {
        tags,
        summary: '上传走访照片（JPG/PNG/WebP，≤5MB，每次走访最多 6 张） Add a photo to a visit',
        params: idParamsSchema,
        response: { 200: visitSchema, 413: apiErrorSchema, 415: apiErrorSchema, ...errorResponses },
      },
    },
    async (request) => visits.addVisitPhoto(deps, request.ctx, request.params.id, () => readPhotoUpload(request)),
  );
  app.get(
    '/api/membership/grid/visits/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: '走访照片 A visit’s photo (always as an attachment)',
        params: visitPhotoParamsSchema,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await visits.visitPhoto(deps, request.ctx, request.params.id, request.params.photoId)),
  );
  app.delete(
    '/api/membership/grid/visits/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: '删除走访照片 Remove a photo from a visit',
        params: visitPhotoParamsSchema,
        response: { 200: visitSchema, ...errorResponses },
      },
    },
    async (request) => visits.removeVisitPhoto(deps, request.ctx, request.params.id, request.params.photoId),
  );
  app.get(
    '/api/membership/grid/figures',
    {
      schema: {
        tags,
        summary: '网格数据：组织员排行与网格看板 The region’s league table and grid board over a period',
        querystring: gridFiguresQuerySchema,
        response: { 200: gridFiguresSchema, ...errorResponses },
      },
    },
    async (request) => gridFigures(deps, request.ctx, request.query),
  );
  app.get(
    '/api/membership/grid/figures.xlsx',
    {
      schema: {
        tags,
        summary: '网格数据（XLSX） The figures as a workbook (XLSX)',
        querystring: gridFiguresQuerySchema,
        response: errorResponses,
      },
    },
    async (request, reply) => sendAttachment(reply, await gridFiguresWorkbook(deps, request.ctx, request.query)),
  );
}
