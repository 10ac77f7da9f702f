import type { z } from 'zod';
import type { LaborLawRequest, LaborLawResponse } from '../../../contracts/labor-law.js';
import type { LaborParamInput, laborParamPageSchema, laborParamSchema } from '../../../contracts/labor-law/api.js';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { assertInScope, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { offsetOf, splitPage } from '../../core/paging.js';
import type { DbOrTx } from '../../db/client.js';
import { calendarFor } from '../disputes/calendar.js';
import { regionRepo } from '../regions/repository.js';
import { laborParamRepo } from './repository.js';
import { calculate, type Lang } from './rules/calculate.js';
import { todayInChina } from './rules/dates.js';
import type { LaborParamListQuery } from './schemas.js';

type LaborParamAnswer = z.infer<typeof laborParamSchema>;

/**
 * Runs the engine with the local figures in force on the end date (or today while still
 * employed) and the platform's working-day calendar (with staff's holiday corrections) for the
 * last days of limitation periods. A region without a figure gets none: the engine then says so
 * in `warnings`, naming the figure, the region and the date (and warns of a figure so old that a
 * newer one has probably been published); the answer's context lists the figures with their sources.
 */
export async function calculateEntitlements(
  deps: Deps,
  request: LaborLawRequest,
  lang: Lang,
): Promise<LaborLawResponse> {
  const region = await regionRepo.byCode(deps.db, request.regionCode);
  if (!region) throw errors.validation('regionCode', '地区代码不存在（GB/T 2260）', 'Unknown region code (GB/T 2260)');
  const asOf = todayInChina(deps.now());
  const onDate = request.endDate ?? asOf;
  const [minimum, average, injuryPooling, calendar] = await Promise.all([
    laborParamRepo.inForce(deps.db, request.regionCode, 'minimum_wage_monthly', onDate),
    laborParamRepo.inForce(deps.db, request.regionCode, 'average_wage_monthly', onDate),
    laborParamRepo.inForce(deps.db, request.regionCode, 'injury_pooling_wage_monthly', onDate),
    calendarFor(deps),
  ]);
  const found = [minimum, average, injuryPooling].flatMap((row) =>
    row
      ? [
          {
            kind: row.kind,
            regionCode: row.regionCode,
            amountFen: row.amountFen,
            effectiveFrom: row.effectiveFrom,
            source: row.source,
          },
        ]
      : [],
  );
  return calculate(
    request,
    {
      minimumWageFen: minimum?.amountFen ?? null,
      averageWageFen: average?.amountFen ?? null,
      injuryPoolingWageFen: injuryPooling?.amountFen ?? null,
      regionName: region.fullName,
      lookup: { onDate, found },
    },
    lang,
    { asOf, calendar },
  );
}

export async function listParams(
  deps: Deps,
  ctx: Ctx,
  query: LaborParamListQuery,
): Promise<z.infer<typeof laborParamPageSchema>> {
  const actor = requirePermission(ctx, 'dashboard:view');
  const { page, filter } = splitPage(query);
  // Published figures are public facts: everyone may read them; editing is scoped below.
  const { items, total } = await laborParamRepo.list(deps.db, null, filter.regionCode, page.pageSize, offsetOf(page));
  return { items, total, ...page, canEdit: actor.permissions.has('labor_params:manage') };
}

async function checkParam(db: DbOrTx, ctx: Ctx, input: LaborParamInput) {
  const actor = requirePermission(ctx, 'labor_params:manage');
  if (!(await regionRepo.byCode(db, input.regionCode)))
    throw errors.validation('regionCode', '地区代码不存在', 'Unknown region code');
  assertInScope(actor, input.regionCode);
}

/** The figure as it now stands, as lists show it (read in the change's transaction). */
async function answerOf(tx: DbOrTx, id: string): Promise<LaborParamAnswer> {
  const row = await laborParamRepo.byId(tx, id);
  if (!row) throw new AppError('INTERNAL', '读取失败', 'Read failed');
  return row;
}

export async function createParam(deps: Deps, ctx: Ctx, input: LaborParamInput): Promise<LaborParamAnswer> {
  await checkParam(deps.db, ctx, input);
  return deps.db.transaction(async (tx) => {
    const row = await laborParamRepo.insertNew(tx, input);
    if (!row)
      throw errors.conflict(
        '该地区该日期已有此项标准，请修改原记录',
        'A figure for this region, kind and date exists; edit it instead',
        'effectiveFrom',
      );
    await writeAudit(tx, ctx, {
      action: 'labor_param.created',
      entityType: 'labor_param',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
    return answerOf(tx, row.id);
  });
}

export async function updateParam(deps: Deps, ctx: Ctx, id: string, input: LaborParamInput): Promise<LaborParamAnswer> {
  await checkParam(deps.db, ctx, input);
  const before = await laborParamRepo.raw(deps.db, id);
  if (!before) throw errors.notFound('地方标准', 'Local figure');
  assertInScope(requirePermission(ctx, 'labor_params:manage'), before.regionCode);
  return deps.db.transaction(async (tx) => {
    const after = await laborParamRepo.update(tx, id, { ...input, updatedAt: deps.now() });
    if (!after) throw new AppError('INTERNAL', '更新失败', 'Update failed');
    await writeAudit(tx, ctx, {
      action: 'labor_param.updated',
      entityType: 'labor_param',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
    return answerOf(tx, id);
  });
}

/** Idempotent: published figures are added once and never overwrite local edits. */
export async function ensureReferenceFigures(db: DbOrTx): Promise<void> {
  await laborParamRepo.insertReferenceFigures(db);
}
