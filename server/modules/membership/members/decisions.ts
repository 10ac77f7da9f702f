import { maskMobile } from '../../../../contracts/identifiers.js';
import type { ApplicationListQuery, ApplicationRow } from '../../../../contracts/membership/api.js';
import { addDays, dayStartInChina, todayInChina } from '../../../../contracts/dates.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { writeAudit } from '../../../core/audit.js';
import { can, requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { maskResidentIdParts } from '../../../core/identifiers/resident-id.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { notify } from '../../notifications/service.js';
import { nextNumber } from '../../numbering/service.js';
import { applicationRepo, membershipRepo, type ApplicationView } from '../repository.js';
import { memberNumber } from '../rules/card.js';

/*
 * The grassroots union's approval queue: applications to join or to transfer in, approved or
 * rejected with a reason, one at a time or many at once. The organization's named approver
 * decides; without one, staff with the approval right whose region covers the organization do.
 */

const versionMoved = () =>
  errors.conflict(
    '该申请已被他人处理或修改，请刷新后重试',
    'Someone else changed this application; reload and try again',
    'version',
  );

/** Whether the actor may approve or reject this application. */
function mayDecide(actor: Actor, app: { regionCode: string; approverAccountId: string | null }): boolean {
  if (!can(actor, 'membership:approve') || !regionWithin(app.regionCode, actor.regionCode)) return false;
  return !app.approverAccountId || app.approverAccountId === actor.accountId || actor.regionCode === null;
}

function toRow(actor: Actor, a: ApplicationView): ApplicationRow {
  return {
    id: a.id,
    applicationNo: a.applicationNo,
    kind: a.kind,
    status: a.status,
    name: a.name,
    phoneMasked: maskMobile(a.phone),
    residentIdMasked: maskResidentIdParts(a.residentIdHead, a.residentIdTail),
    sex: a.sex,
    birthDate: a.birthDate,
    occupation: a.occupation,
    employer: a.employer,
    organizationId: a.organizationId,
    organizationName: a.organizationName,
    regionCode: a.regionCode,
    organiserName: a.organiserName,
    fromOrganizationName: a.fromOrganizationName,
    submittedAt: a.createdAt.toISOString(),
    decisionReason: a.decisionReason,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    membershipId: a.membershipId,
    version: a.version,
    canDecide: a.status === 'pending' && mayDecide(actor, a),
  };
}

/** GET /api/membership/applications: the region's queue, filtered, a page at a time. */
export async function listApplications(deps: Deps, ctx: Ctx, query: ApplicationListQuery) {
  const actor = requirePermission(ctx, 'membership:read');
  const { page, filter } = splitPage(query);
  const { from, to, ...rest } = filter;
  const { items, total } = await applicationRepo.list(
    deps.db,
    {
      ...rest,
      scope: actor.regionCode,
      since: from ? dayStartInChina(from) : undefined,
      before: to ? dayStartInChina(addDays(to, 1)) : undefined,
    },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map((a) => toRow(actor, a)), total, ...page };
}

async function visibleApplication(deps: Deps, actor: Actor, id: string) {
  const app = await applicationRepo.byId(deps.db, id);
  if (!app || !regionWithin(app.regionCode, actor.regionCode)) throw errors.notFound('入会申请', 'Application');
  return app;
}

/** GET /api/membership/applications/:id */
export async function getApplication(deps: Deps, ctx: Ctx, id: string): Promise<ApplicationRow> {
  const actor = requirePermission(ctx, 'membership:read');
  return toRow(actor, await visibleApplication(deps, actor, id));
}

async function decidable(deps: Deps, ctx: Ctx, id: string) {
  const actor = requirePermission(ctx, 'membership:approve');
  const app = await visibleApplication(deps, actor, id);
  if (!mayDecide(actor, app))
    throw new AppError(
      'FORBIDDEN',
      '该组织的入会申请由其指定的审批人审批',
      'Applications to this organization are decided by its named approver',
    );
  return { actor, app };
}

/** POST /api/membership/applications/:id/approve */
export async function approveApplication(deps: Deps, ctx: Ctx, id: string, expectedVersion: number) {
  const { actor, app } = await decidable(deps, ctx, id);
  await approveInTransaction(deps, ctx, actor, app, expectedVersion);
  return getApplication(deps, ctx, id);
}

async function approveInTransaction(deps: Deps, ctx: Ctx, actor: Actor, app: ApplicationView, expectedVersion: number) {
  const now = deps.now();
  const today = todayInChina(now);
  try {
    await deps.db.transaction(async (tx) => {
      const locked = await applicationRepo.lockGet(tx, app.id);
      if (!locked || locked.status !== 'pending' || locked.version !== expectedVersion) throw versionMoved();
      const active = await membershipRepo.activeOf(tx, locked.personId);
      let previousId: string | null = null;
      if (active) {
        if (locked.kind !== 'transfer' || active.id !== locked.fromMembershipId)
          throw errors.conflict(
            `申请人已是「${active.organizationName}」会员，请让其重新提交转会申请`,
            `The applicant is now a member of ${active.organizationName}; they must apply for a transfer`,
          );
        const from = await membershipRepo.lockGet(tx, active.id);
        const ended = await membershipRepo.update(tx, active.id, from!.version, {
          status: 'transferred',
          endedOn: today,
          endNote: `转入${app.organizationName}`,
          updatedAt: now,
        });
        if (!ended) throw versionMoved();
        previousId = active.id;
      } else if (locked.kind === 'transfer' && locked.fromMembershipId) {
        // The member left the old organization meanwhile: the transfer is a plain join now.
        previousId = locked.fromMembershipId;
      }
      const year = Number(today.slice(0, 4));
      const memberNo =
        (await membershipRepo.firstNumberOf(tx, locked.personId)) ??
        memberNumber(locked.regionCode, year, await nextNumber(tx, `member-no:${locked.regionCode}:${year}`));
      const membership = await membershipRepo.insert(tx, {
        memberNo,
        personId: locked.personId,
        organizationId: locked.organizationId,
        regionCode: locked.regionCode,
        joinedOn: today,
        applicationId: locked.id,
        previousId,
        organiserId: locked.organiserId,
        areaId: locked.areaId,
        occupation: locked.occupation,
        employer: locked.employer,
        createdAt: now,
        updatedAt: now,
      });
      if (!membership) throw versionMoved();
      if (
        !(await applicationRepo.decide(tx, locked.id, locked.version, {
          status: 'approved',
          decidedBy: actor.accountId,
          decidedAt: now,
          membershipId: membership.id,
          updatedAt: now,
        }))
      )
        throw versionMoved();
      await writeAudit(tx, ctx, {
        action: 'membership_application.approved',
        entityType: 'membership_application',
        entityId: locked.id,
        regionCode: locked.regionCode,
        after: {
          applicationNo: locked.applicationNo,
          memberNo,
          membershipId: membership.id,
          endedMembershipId: active?.id ?? null,
        },
      });
      await notify(tx, {
        channel: 'sms',
        recipient: locked.phone,
        template: 'membership.approved',
        variables: { organization: app.organizationName, memberNo },
        regionCode: locked.regionCode,
        topic: `member-phone:${locked.phone}`,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw versionMoved();
    throw e;
  }
}

/** POST /api/membership/applications/:id/reject: the reason is texted to the applicant. */
export async function rejectApplication(
  deps: Deps,
  ctx: Ctx,
  id: string,
  body: { expectedVersion: number; reason: string },
) {
  const { actor, app } = await decidable(deps, ctx, id);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const locked = await applicationRepo.lockGet(tx, id);
    if (!locked || locked.status !== 'pending' || locked.version !== body.expectedVersion) throw versionMoved();
    await applicationRepo.decide(tx, id, locked.version, {
      status: 'rejected',
      decisionReason: body.reason,
      decidedBy: actor.accountId,
      decidedAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, ctx, {
      action: 'membership_application.rejected',
      entityType: 'membership_application',
      entityId: id,
      regionCode: locked.regionCode,
      after: { applicationNo: locked.applicationNo, reason: body.reason },
    });
    await notify(tx, {
      channel: 'sms',
      recipient: locked.phone,
      template: 'membership.rejected',
      variables: { organization: app.organizationName, applicationNo: locked.applicationNo, reason: body.reason },
      regionCode: locked.regionCode,
      topic: `member-phone:${locked.phone}`,
    });
  });
  return getApplication(deps, ctx, id);
}

/**
 * POST /api/membership/applications/approve: each in its own transaction, so one that moved or
 * may not be decided is named in the answer and the others are approved.
 */
export async function approveMany(deps: Deps, ctx: Ctx, items: { id: string; expectedVersion: number }[]) {
  requirePermission(ctx, 'membership:approve');
  let approved = 0;
  const refused: { id: string; applicationNo: string | null; message: string; messageEn: string }[] = [];
  for (const item of new Map(items.map((i) => [i.id, i])).values()) {
    try {
      const { actor, app } = await decidable(deps, ctx, item.id);
      await approveInTransaction(deps, ctx, actor, app, item.expectedVersion);
      approved++;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const known = await applicationRepo.byId(deps.db, item.id);
      // An application outside the caller's region stays unnamed, as it would be on its own.
      const visible = known && regionWithin(known.regionCode, ctx.actor?.regionCode);
      refused.push({
        id: item.id,
        applicationNo: visible ? known.applicationNo : null,
        message: e.message,
        messageEn: e.messageEn,
      });
    }
  }
  return { approved, refused };
}
