import {
  nominationSchema,
  outcomeSchema,
  recommendationCountsQuerySchema,
  recommendationCountsSchema,
  recommendationListQuerySchema,
  recommendationPageSchema,
  recommendationParamsSchema,
  recommendationSchema,
  reviewSchema,
} from '../../../../contracts/membership/recommendations.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import * as recommendations from './service.js';

const tags = ['membership recommendations'];

/** 推优入党: nominations of outstanding members, their review and the party organization's decision. */
export function recommendationRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/membership/recommendations',
    {
      schema: {
        tags,
        summary: '推优入党名单 Nominations of the region',
        querystring: recommendationListQuerySchema,
        response: { 200: recommendationPageSchema, ...errorResponses },
      },
    },
    async (request) => recommendations.listRecommendations(deps, request.ctx, request.query),
  );
  app.get(
    '/api/membership/recommendations/counts',
    {
      schema: {
        tags,
        summary: '年度推优统计 The year’s nominations, endorsements and acceptances',
        querystring: recommendationCountsQuerySchema,
        response: { 200: recommendationCountsSchema, ...errorResponses },
      },
    },
    async (request) => recommendations.countRecommendations(deps, request.ctx, request.query),
  );
  app.get(
    '/api/membership/recommendations/:id',
    {
      schema: {
        tags,
        summary: '一条推荐 One nomination',
        params: recommendationParamsSchema,
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => recommendations.getRecommendation(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/membership/recommendations',
    {
      schema: {
        tags,
        summary: '推荐优秀会员 Nominate an active member',
        body: nominationSchema,
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => recommendations.nominate(deps, request.ctx, request.body),
  );
  app.post(
    '/api/membership/recommendations/:id/review',
    {
      schema: {
        tags,
        summary: '审核推荐 Endorse or decline (not by the nominator)',
        params: recommendationParamsSchema,
        body: reviewSchema,
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => recommendations.review(deps, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/membership/recommendations/:id/outcome',
    {
      schema: {
        tags,
        summary: '登记党组织意见 Record the party organization’s decision',
        params: recommendationParamsSchema,
        body: outcomeSchema,
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => recommendations.recordOutcome(deps, request.ctx, request.params.id, request.body),
  );
}
