import type { Ctx } from '../../core/context.js';
import { assertInScope, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { courtRepo } from './repository.js';

export async function listCourts(deps: Deps, ctx: Ctx, regionCode?: string) {
  const actor = requirePermission(ctx, 'courts:read');
  return courtRepo.list(deps.db, actor.regionCode, regionCode);
}

export async function getCourt(deps: Deps, ctx: Ctx, id: string) {
  const actor = requirePermission(ctx, 'courts:read');
  const row = await courtRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('法院', 'Court');
  assertInScope(actor, row.regionCode);
  return row;
}
