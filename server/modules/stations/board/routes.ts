import {
  boardPageSchema,
  boardQuerySchema,
  boardItemSchema,
  suggestionDoneSchema,
  suggestionInputSchema,
  suggestionListQuerySchema,
  suggestionPageSchema,
  suggestionReplySchema,
  suggestionSchema,
} from '../../../../contracts/stations/board.js';
import { stationCodeParamsSchema } from '../../../../contracts/stations/api.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { perInstanceBrake } from '../../limits/requests.js';
import { stationTokenHeaders, suggestionParamsSchema } from './schemas.js';
import * as board from './service.js';

/** The message board: workers post from the station's phone page; the station's staff reply. */
export function boardRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['stations (board)'];
  app.post(
    '/api/public/stations/:code/suggestions',
    {
      schema: {
        tags,
        summary: '在驿站留言（X-Station-Token） A registered worker posts a suggestion',
        params: stationCodeParamsSchema,
        headers: stationTokenHeaders,
        body: suggestionInputSchema,
        response: { 200: boardItemSchema, ...errorResponses },
      },
      config: perInstanceBrake(30),
    },
    async (request) =>
      board.postSuggestion(deps, request.ctx, request.params.code, request.headers['x-station-token'], request.body),
  );
  app.get(
    '/api/public/stations/:code/suggestions',
    {
      schema: {
        tags,
        summary: '驿站留言板（新的在前） The station’s message board, newest first',
        params: stationCodeParamsSchema,
        querystring: boardQuerySchema,
        response: { 200: boardPageSchema, ...errorResponses },
      },
      config: perInstanceBrake(120),
    },
    async (request) => board.stationBoard(deps, request.params.code, request.query),
  );
  app.get(
    '/api/stations/:code/suggestions',
    {
      schema: {
        tags,
        summary: '驿站留言（按状态） The station’s suggestions, by status',
        params: stationCodeParamsSchema,
        querystring: suggestionListQuerySchema,
        response: { 200: suggestionPageSchema, ...errorResponses },
      },
    },
    async (request) => board.listSuggestions(deps, request.ctx, request.params.code, request.query),
  );
  app.post(
    '/api/stations/:code/suggestions/:id/reply',
    {
      schema: {
        tags,
        summary: '回复留言（按读取时的版本） Reply to a suggestion at the version read',
        params: suggestionParamsSchema,
        body: suggestionReplySchema,
        response: { 200: suggestionSchema, ...errorResponses },
      },
    },
    async (request) => board.replySuggestion(deps, request.ctx, request.params.code, request.params.id, request.body),
  );
  app.post(
    '/api/stations/:code/suggestions/:id/done',
    {
      schema: {
        tags,
        summary: '留言办结（按读取时的版本） Mark a suggestion done at the version read',
        params: suggestionParamsSchema,
        body: suggestionDoneSchema,
        response: { 200: suggestionSchema, ...errorResponses },
      },
    },
    async (request) =>
      board.markSuggestionDone(deps, request.ctx, request.params.code, request.params.id, request.body),
  );
}
