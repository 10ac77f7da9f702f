import { stationCodeParamsSchema } from '../../../../contracts/stations/api.js';
import {
  donorChoicesQuerySchema,
  donorChoicesSchema,
  myDonationPageSchema,
  myDonationsQuerySchema,
  supplyItemInputSchema,
  supplyItemSchema,
  supplyListSchema,
  supplyMoveInputSchema,
  supplyMovePageSchema,
  supplyMoveSchema,
  supplyMovesQuerySchema,
  supplyThankInputSchema,
} from '../../../../contracts/stations/supplies.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { supplyParamsSchema } from './schemas.js';
import * as supplies from './service.js';

/** Supplies and donations: the station's stock, its moves and thank-yous; a donor's own donations. */
export function suppliesRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['stations (supplies)'];
  app.get(
    '/api/stations/my-donations',
    {
      schema: {
        tags,
        summary: '我的捐赠（爱心企业） The signed-in donor company’s own donations',
        querystring: myDonationsQuerySchema,
        response: { 200: myDonationPageSchema, ...errorResponses },
      },
    },
    async (request) => supplies.myDonations(deps, request.ctx, request.query),
  );
  app.get(
    '/api/stations/:code/supplies',
    {
      schema: {
        tags,
        summary: '驿站物资与库存 The station’s supplies with their stock',
        params: stationCodeParamsSchema,
        response: { 200: supplyListSchema, ...errorResponses },
      },
    },
    async (request) => supplies.listSupplies(deps, request.ctx, request.params.code),
  );
  app.get(
    '/api/stations/:code/donors',
    {
      schema: {
        tags,
        summary: '可选的捐赠企业（本市，按名称） Donor companies of the station’s city, for the donation form',
        params: stationCodeParamsSchema,
        querystring: donorChoicesQuerySchema,
        response: { 200: donorChoicesSchema, ...errorResponses },
      },
    },
    async (request) => supplies.donorChoices(deps, request.ctx, request.params.code, request.query),
  );
  app.post(
    '/api/stations/:code/supplies',
    {
      schema: {
        tags,
        summary: '新增物资 Add a supply item to the station',
        params: stationCodeParamsSchema,
        body: supplyItemInputSchema,
        response: { 200: supplyItemSchema, ...errorResponses },
      },
    },
    async (request) => supplies.createSupply(deps, request.ctx, request.params.code, request.body),
  );
  app.post(
    '/api/stations/:code/supplies/:id/moves',
    {
      schema: {
        tags,
        summary: '登记捐赠、消耗或盘点调整 Record a donation, consumption or adjustment',
        params: supplyParamsSchema,
        body: supplyMoveInputSchema,
        response: { 200: supplyItemSchema, ...errorResponses },
      },
    },
    async (request) => supplies.recordMove(deps, request.ctx, request.params.code, request.params.id, request.body),
  );
  app.get(
    '/api/stations/:code/supplies/moves',
    {
      schema: {
        tags,
        summary: '物资出入记录（新的在前） The station’s supply records, newest first',
        params: stationCodeParamsSchema,
        querystring: supplyMovesQuerySchema,
        response: { 200: supplyMovePageSchema, ...errorResponses },
      },
    },
    async (request) => supplies.listMoves(deps, request.ctx, request.params.code, request.query),
  );
  app.post(
    '/api/stations/:code/supplies/moves/:id/thank',
    {
      schema: {
        tags,
        summary: '向捐赠企业致谢（一次） Record the thank-you to a donor, once',
        params: supplyParamsSchema,
        body: supplyThankInputSchema,
        response: { 200: supplyMoveSchema, ...errorResponses },
      },
    },
    async (request) => supplies.thankDonor(deps, request.ctx, request.params.code, request.params.id, request.body),
  );
}
