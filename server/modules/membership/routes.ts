import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.js';
import { asZod } from '../../core/http.js';
import { gridRoutes } from './grid/routes.js';
import { insuranceRoutes } from './insurance/routes.js';
import { joiningRoutes } from './joining/routes.js';
import { memberRoutes } from './members/routes.js';
import { reportRoutes } from './reports/routes.js';
import { recommendationRoutes } from './recommendations/routes.js';

/** Membership (入会): every route group of the module, each in its folder's routes.ts. */
export async function membershipRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = asZod(fastify);
  joiningRoutes(app, deps);
  memberRoutes(app, deps);
  reportRoutes(app, deps);
  gridRoutes(app, deps);
  insuranceRoutes(app, deps);
  recommendationRoutes(app, deps);
}
