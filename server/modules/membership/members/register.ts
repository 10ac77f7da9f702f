import { maskMobile } from '../../../../contracts/identifiers.js';
import type { MemberRecord, MemberRow, MemberUpdate } from '../../../../contracts/membership/api.js';
import type { LeaveReason, MembershipStatus } from '../../../../contracts/membership/codes.js';
import { compareDates, todayInChina } from '../../../../contracts/dates.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { writeAudit } from '../../../core/audit.js';
import { requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { maskResidentIdParts } from '../../../core/identifiers/resident-id.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import type { PageQuery } from '../../../../contracts/paging.js';
import { membershipRepo, type MemberView } from '../repository.js';
import { cardCodeOf, memberNoOfCard } from '../rules/card.js';
import { sameHash } from '../../../core/one-time-codes.js';

/*
 * The register (会员名册): one row per stay in an organization, with the ACFTU registration form's
 * fields. Sex and birth date are the person's, read from the resident ID; the rest are kept here.
 */

const versionMoved = () =>
  errors.conflict(
    '该会员记录已被他人修改，请刷新后重试',
    'Someone else changed this member; reload and try again',
    'version',
  );

function toRow(m: MemberView): MemberRow {
  return {
    id: m.id,
    memberNo: m.memberNo,
    personId: m.personId,
    name: m.name,
    sex: m.sex,
    birthDate: m.birthDate,
    residentIdMasked: maskResidentIdParts(m.residentIdHead, m.residentIdTail),
    phoneMasked: m.phone ? maskMobile(m.phone) : null,
    ethnicity: m.ethnicity,
    education: m.education,
    politicalStatus: m.politicalStatus,
    occupation: m.occupation,
    employer: m.employer,
    post: m.post,
    joinedOn: m.joinedOn,
    endedOn: m.endedOn,
    status: m.status,
    leaveReason: m.leaveReason,
    organizationId: m.organizationId,
    organizationName: m.organizationName,
    regionCode: m.regionCode,
    version: m.version,
  };
}

/** GET /api/membership/members */
export async function listMembers(
  deps: Deps,
  ctx: Ctx,
  query: PageQuery & { status?: MembershipStatus; organizationId?: string; q?: string },
) {
  const actor = requirePermission(ctx, 'membership:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await membershipRepo.list(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map(toRow), total, ...page };
}

async function visibleMember(deps: Deps, actor: Actor, id: string) {
  const m = await membershipRepo.byId(deps.db, id);
  if (!m || !regionWithin(m.regionCode, actor.regionCode)) throw errors.notFound('会员', 'Member');
  return m;
}

/** GET /api/membership/members/:id: the stay, with every stay of the person (transfers, leaving, return). */
export async function getMember(deps: Deps, ctx: Ctx, id: string): Promise<MemberRecord> {
  const actor = requirePermission(ctx, 'membership:read');
  const m = await visibleMember(deps, actor, id);
  const history = await membershipRepo.historyOf(deps.db, m.personId);
  return {
    ...toRow(m),
    history: history.map((h) => ({
      id: h.id,
      organizationName: h.organizationName,
      joinedOn: h.joinedOn,
      endedOn: h.endedOn,
      status: h.status,
      leaveReason: h.leaveReason,
      endNote: h.endNote,
    })),
  };
}

/** PUT /api/membership/members/:id: the register's fields, at the version read. */
export async function updateMember(deps: Deps, ctx: Ctx, id: string, body: MemberUpdate): Promise<MemberRecord> {
  const actor = requirePermission(ctx, 'membership:manage');
  await visibleMember(deps, actor, id);
  const { expectedVersion, ...fields } = body;
  await deps.db.transaction(async (tx) => {
    const locked = await membershipRepo.lockGet(tx, id);
    if (!locked || locked.version !== expectedVersion) throw versionMoved();
    await membershipRepo.update(tx, id, locked.version, { ...fields, updatedAt: deps.now() });
    await writeAudit(tx, ctx, {
      action: 'membership.updated',
      entityType: 'membership',
      entityId: id,
      regionCode: locked.regionCode,
      before: {
        ethnicity: locked.ethnicity,
        education: locked.education,
        politicalStatus: locked.politicalStatus,
        occupation: locked.occupation,
        employer: locked.employer,
        post: locked.post,
      },
      after: fields,
    });
  });
  return getMember(deps, ctx, id);
}

/** POST /api/membership/members/:id/leave: the stay ends; a later application starts a new one. */
export async function leaveMembership(
  deps: Deps,
  ctx: Ctx,
  id: string,
  body: { expectedVersion: number; reason: LeaveReason; on: string; note?: string | null },
): Promise<MemberRecord> {
  const actor = requirePermission(ctx, 'membership:manage');
  const member = await visibleMember(deps, actor, id);
  if (member.status !== 'active')
    throw errors.conflict('该会员已不在会', 'This membership has already ended', 'status');
  if (compareDates(body.on, member.joinedOn) < 0)
    throw errors.validation(
      'on',
      `退会日期不能早于入会日期 ${member.joinedOn}`,
      `The leaving date cannot be before joining (${member.joinedOn})`,
    );
  if (compareDates(body.on, todayInChina(deps.now())) > 0)
    throw errors.validation('on', '退会日期不能晚于今天', 'The leaving date cannot be in the future');
  await deps.db.transaction(async (tx) => {
    const locked = await membershipRepo.lockGet(tx, id);
    if (!locked || locked.version !== body.expectedVersion || locked.status !== 'active') throw versionMoved();
    await membershipRepo.update(tx, id, locked.version, {
      status: 'left',
      endedOn: body.on,
      leaveReason: body.reason,
      endNote: body.note ?? null,
      updatedAt: deps.now(),
    });
    await writeAudit(tx, ctx, {
      action: 'membership.left',
      entityType: 'membership',
      entityId: id,
      regionCode: locked.regionCode,
      after: { memberNo: locked.memberNo, reason: body.reason, on: body.on, note: body.note ?? null },
    });
  });
  return getMember(deps, ctx, id);
}

/** POST /api/membership/verify-card: a scanned card is valid only for the member's current stay. */
export async function verifyCard(deps: Deps, ctx: Ctx, cardCode: string) {
  requirePermission(ctx, 'membership:read');
  const invalid = {
    valid: false,
    memberNo: null,
    nameMasked: null,
    organizationName: null,
    joinedOn: null,
    status: null,
  };
  const memberNo = memberNoOfCard(cardCode);
  if (!memberNo) return invalid;
  const m = await membershipRepo.activeByNumber(deps.db, memberNo);
  if (
    !m ||
    !sameHash(
      cardCodeOf((s) => deps.cipher.searchHash(s), m),
      cardCode.trim(),
    )
  )
    return invalid;
  return {
    valid: true,
    memberNo: m.memberNo,
    // The holder shows their face and name; the scan confirms the surname and the union.
    nameMasked: `${m.name.slice(0, 1)}${'*'.repeat(Math.max(1, m.name.length - 1))}`,
    organizationName: m.organizationName,
    joinedOn: m.joinedOn,
    status: m.status,
  };
}
