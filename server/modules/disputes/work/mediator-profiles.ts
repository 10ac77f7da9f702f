import { writeAudit } from '../../../core/audit.js';
import { assertInScope, can, requireActor, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { regionLike } from '../case-view.js';
import { mediatorRepo } from './repository.js';
import type { MediatorProfileInput } from './schemas.js';

/** Mediators (disputes:work) and studio managers (disputes:manage) see the studio's mediators. */
function requireStudioStaff(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!can(actor, 'disputes:work') && !can(actor, 'disputes:manage')) throw errors.forbidden();
  return actor;
}

/** The studio's mediators with expertise, availability, declared conflicts and current load. */
export async function listMediators(deps: Deps, ctx: Ctx) {
  const actor = requireStudioStaff(ctx);
  const rows = await mediatorRepo.inRegion(deps.db, regionLike(actor));
  const items = rows.map((m) => ({
    id: m.id,
    name: m.name,
    expertise: m.expertise ?? [],
    available: m.available ?? true,
    conflictEmployerIds: m.conflicts ?? [],
    activeCases: m.activeCases,
  }));
  return { items };
}

/**
 * A mediator keeps their own profile: availability, expertise, and may declare more conflicts
 * of interest. Other mediators' profiles are kept by a studio manager or an administrator
 * (disputes:manage) of their region, who alone may lift a declared conflict — and never their
 * own, so a conflict is always lifted by someone else.
 */
export async function setMediatorProfile(deps: Deps, ctx: Ctx, accountId: string, input: MediatorProfileInput) {
  const actor = requireStudioStaff(ctx);
  const manager = can(actor, 'disputes:manage');
  const target = await mediatorRepo.account(deps.db, accountId);
  if (!target || !target.roles.includes('mediator'))
    throw new AppError('NOT_FOUND', '调解员账号不存在', 'No such mediator account', 'accountId');
  const own = target.id === actor.accountId;
  if (!own) {
    if (!manager)
      throw new AppError(
        'FORBIDDEN',
        '调解员只能修改自己的资料，其他调解员的资料由工作室负责人修改',
        'A mediator may change only their own profile; the studio manager changes the others',
        'accountId',
      );
    assertInScope(actor, target.regionCode);
  }
  const before = await mediatorRepo.profile(deps.db, accountId);
  const declared = before?.conflictEmployerIds ?? [];
  const conflictEmployerIds = [...new Set(input.conflictEmployerIds)];
  if (declared.some((id) => !conflictEmployerIds.includes(id)) && (own || !manager)) {
    throw new AppError(
      'FORBIDDEN',
      '撤销已申报的利害关系须由工作室负责人办理（本人不能撤销）',
      'A declared conflict of interest is lifted by the studio manager, not by the mediator',
      'conflictEmployerIds',
    );
  }
  const added = conflictEmployerIds.filter((id) => !declared.includes(id));
  if (added.length) {
    if ((await mediatorRepo.existingEmployers(deps.db, added)) !== added.length)
      throw new AppError(
        'VALIDATION',
        '申报利害关系的用人单位不存在',
        'An employer of the declared conflicts does not exist',
        'conflictEmployerIds',
      );
  }
  const value = { expertise: input.expertise, available: input.available, conflictEmployerIds };
  await deps.db.transaction(async (tx) => {
    await mediatorRepo.saveProfile(tx, accountId, value);
    await writeAudit(tx, ctx, {
      action: 'mediator.profile_updated',
      entityType: 'account',
      entityId: accountId,
      regionCode: target.regionCode,
      before: before ?? null,
      after: value,
    });
  });
  return { ok: true as const };
}
