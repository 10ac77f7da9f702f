import type { z } from 'zod';
import type {
  Area,
  AreaInput,
  AreaListQuery,
  areaPageSchema,
  AreaUpdate,
} from '../../../../contracts/membership/grid.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import type { DbOrTx } from '../../../db/client.js';
import { areaItemsProblem } from './area-items.js';
import { gridRepo, type AreaRecord } from './repository.js';
import { changedMeanwhile, placeOf } from './service.js';

/*
 * The grid's areas (分片包干): a named list of regions, streets or platforms with the organiser
 * who covers it, kept by staff with membership:manage in their region; each change one locked,
 * versioned write with its audit record; an area with visits or joins on record is kept.
 */

export const areaNotFound = () => errors.notFound('网格', 'Grid area');
const areaAnswer = (row: AreaRecord): Area => row;

async function areaValues(db: DbOrTx, actor: Actor, input: AreaInput) {
  const regionCode = await placeOf(db, actor, input.organizationId, input.regionCode);
  const items = [...new Set(input.items)];
  const problem = await areaItemsProblem(db, input.kind, items, regionCode);
  if (problem) throw errors.validation(problem.field, problem.zh, problem.en);
  if (input.organiserId) {
    const organiser = await gridRepo.organiserById(db, input.organiserId);
    if (!organiser || !regionWithin(organiser.regionCode, actor.regionCode) || organiser.active !== 1)
      throw errors.validation('organiserId', '请选择本地区在岗的组织员', 'Choose an active organiser of your region');
  }
  return {
    name: input.name,
    kind: input.kind,
    items,
    organizationId: input.organizationId,
    regionCode,
    organiserId: input.organiserId ?? null,
  };
}

export async function listAreas(deps: Deps, ctx: Ctx, query: AreaListQuery): Promise<z.infer<typeof areaPageSchema>> {
  const actor = requirePermission(ctx, 'membership:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await gridRepo.areaList(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map(areaAnswer), total, ...page };
}

export async function getArea(deps: Deps, ctx: Ctx, id: string): Promise<Area> {
  const actor = requirePermission(ctx, 'membership:read');
  const row = await gridRepo.areaById(deps.db, id);
  if (!row) throw areaNotFound();
  assertInScope(actor, row.regionCode);
  return areaAnswer(row);
}

export async function createArea(deps: Deps, ctx: Ctx, input: AreaInput): Promise<Area> {
  const actor = requirePermission(ctx, 'membership:manage');
  const id = await deps.db.transaction(async (tx) => {
    const row = await gridRepo.insertArea(tx, await areaValues(tx, actor, input));
    await writeAudit(tx, ctx, {
      action: 'membership_area.created',
      entityType: 'membership_area',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
    return row.id;
  });
  return getArea(deps, ctx, id);
}

/** The one write of an area: locked, at the version the user read, with its audit record. */
export async function updateArea(deps: Deps, ctx: Ctx, id: string, input: AreaUpdate): Promise<Area> {
  const actor = requirePermission(ctx, 'membership:manage');
  await deps.db.transaction(async (tx) => {
    const before = await gridRepo.lockArea(tx, id);
    if (!before) throw areaNotFound();
    assertInScope(actor, before.regionCode);
    if (before.version !== input.version) throw changedMeanwhile();
    const values = await areaValues(tx, actor, input);
    const after = await gridRepo.updateArea(tx, id, { ...values, version: before.version + 1, updatedAt: deps.now() });
    await writeAudit(tx, ctx, {
      action: 'membership_area.updated',
      entityType: 'membership_area',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
  });
  return getArea(deps, ctx, id);
}

export async function deleteArea(deps: Deps, ctx: Ctx, id: string, version: number): Promise<{ deleted: true }> {
  const actor = requirePermission(ctx, 'membership:manage');
  await deps.db.transaction(async (tx) => {
    const before = await gridRepo.lockArea(tx, id);
    if (!before) throw areaNotFound();
    assertInScope(actor, before.regionCode);
    if (before.version !== version) throw changedMeanwhile();
    if (await gridRepo.areaInUse(tx, id))
      throw errors.conflict(
        '该网格已有走访或入会记录，不能删除',
        'This area has visits or joins on record and cannot be deleted',
        'id',
      );
    await gridRepo.deleteArea(tx, id);
    await writeAudit(tx, ctx, {
      action: 'membership_area.deleted',
      entityType: 'membership_area',
      entityId: id,
      regionCode: before.regionCode,
      before,
    });
  });
  return { deleted: true };
}
