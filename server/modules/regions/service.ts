import type { z } from 'zod';
import { regionWithin } from '../../../contracts/regions.js';
import type { RegionChildrenQuery, regionChildrenSchema, regionSchema } from '../../../contracts/regions/api.js';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { loadGbt2260 } from './gbt2260.js';
import { regionRepo } from './repository.js';

/** The region tree is public reference data: every signed-in user may browse all of it. */
export async function listChildren(
  deps: Deps,
  ctx: Ctx,
  query: RegionChildrenQuery,
): Promise<z.infer<typeof regionChildrenSchema>> {
  const actor = requirePermission(ctx, 'regions:read');
  const rows = await regionRepo.children(deps.db, query.parent ?? null);
  return { items: rows.map((r) => ({ ...r, inScope: regionWithin(r.code, actor.regionCode) })) };
}

export async function getRegion(deps: Deps, ctx: Ctx, code: string): Promise<z.infer<typeof regionSchema>> {
  requirePermission(ctx, 'regions:read');
  const row = await regionRepo.byCode(deps.db, code);
  if (!row) throw errors.notFound('行政区划', 'Region');
  return row;
}

/** A region's full name, for a heading or a file (names of regions are public facts: no permission). */
export async function regionFullName(db: DbOrTx, code: string): Promise<string | null> {
  return (await regionRepo.byCode(db, code))?.fullName ?? null;
}

/** Full names of many regions by code; a code the table lacks is absent from the map. */
export async function regionFullNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  return new Map((await regionRepo.fullNames(db, codes)).map((r) => [r.code, r.fullName]));
}

export async function ensureRegionsLoaded(db: DbOrTx): Promise<number> {
  const rows = loadGbt2260();
  if ((await regionRepo.count(db)) < rows.length) await regionRepo.insertMissing(db, rows);
  return rows.length;
}
