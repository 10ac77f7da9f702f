import type { z } from 'zod';
import type { CourtListQuery, courtListSchema, courtSchema } from '../../../contracts/courts.js';
import type { Ctx } from '../../core/context.js';
import { assertInScope, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { courtRepo } from './repository.js';

export async function listCourts(
  deps: Deps,
  ctx: Ctx,
  query: CourtListQuery,
): Promise<z.infer<typeof courtListSchema>> {
  const actor = requirePermission(ctx, 'courts:read');
  return { items: await courtRepo.list(deps.db, actor.regionCode, query.regionCode) };
}

export async function getCourt(deps: Deps, ctx: Ctx, id: string): Promise<z.infer<typeof courtSchema>> {
  const actor = requirePermission(ctx, 'courts:read');
  const row = await courtRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('法院', 'Court');
  assertInScope(actor, row.regionCode);
  return row;
}
