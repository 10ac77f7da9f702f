import { homeSchema } from '../../../../contracts/disputes/home.js';
import type { Deps } from '../../../core/deps.js';
import { errorResponses, type ZodFastify } from '../../../core/http.js';
import { DISPUTE_TAGS as tags } from '../schemas.js';
import { homeQuerySchema } from './schemas.js';
import { readHome } from './service.js';

/** The home page's work lists, per the caller's role. */
export function homeRoutes(app: ZodFastify, deps: Deps) {
  app.get(
    '/api/disputes/home',
    {
      schema: {
        tags,
        summary: '首页待办（按角色）The caller’s work on the home page, by role',
        querystring: homeQuerySchema,
        response: { 200: homeSchema, ...errorResponses },
      },
    },
    async (request) => readHome(deps, request.ctx, request.query),
  );
}
