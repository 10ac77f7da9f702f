import type { z } from 'zod';
import type {
  ApproverChoices,
  OrganizationInput,
  organizationPageSchema,
  organizationSchema,
} from '../../../contracts/organizations.js';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { assertInScope, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { offsetOf, splitPage } from '../../core/paging.js';
import type { DbOrTx } from '../../db/client.js';
import { accountRepo } from '../accounts/repository.js';
import { regionRepo } from '../regions/repository.js';
import { regionPrefix, regionWithin } from '../../../contracts/regions.js';
import { mediationBodyRepo, organizationRepo } from './repository.js';
import type { OrganizationListQuery } from './schemas.js';

type OrganizationAnswer = z.infer<typeof organizationSchema>;

export async function listOrganizations(
  deps: Deps,
  ctx: Ctx,
  query: OrganizationListQuery,
): Promise<z.infer<typeof organizationPageSchema>> {
  const actor = requirePermission(ctx, 'organizations:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await organizationRepo.list(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items, total, ...page };
}

export async function getOrganization(deps: Deps, ctx: Ctx, id: string): Promise<OrganizationAnswer> {
  const actor = requirePermission(ctx, 'organizations:read');
  const row = await organizationRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('工会组织', 'Organization');
  assertInScope(actor, row.regionCode);
  return row;
}

async function validateInput(db: DbOrTx, ctx: Ctx, input: OrganizationInput, selfId?: string) {
  const actor = requirePermission(ctx, 'organizations:manage');
  if (!(await regionRepo.byCode(db, input.regionCode)))
    throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  assertInScope(actor, input.regionCode);
  if (input.parentId) {
    if (input.parentId === selfId)
      throw errors.validation('parentId', '上级组织不能是自身', 'An organization cannot be its own parent');
    const parent = await organizationRepo.raw(db, input.parentId);
    if (!parent) throw errors.validation('parentId', '上级组织不存在', 'Parent organization not found');
  }
  if (input.code) {
    const holder = await organizationRepo.byCode(db, input.code);
    if (holder && holder.id !== selfId)
      throw errors.conflict('该代码已被其他组织使用', 'Another organization has this code', 'code');
  }
  if (input.approverAccountId) {
    const approver = await accountRepo.byId(db, input.approverAccountId);
    if (!approver || approver.status !== 'active' || !regionWithin(input.regionCode, approver.regionCode))
      throw errors.validation(
        'approverAccountId',
        '审批人须为本地区在用的账号',
        'The approver must be an active account of this region',
      );
  }
  return actor;
}

export async function createOrganization(deps: Deps, ctx: Ctx, input: OrganizationInput): Promise<OrganizationAnswer> {
  await validateInput(deps.db, ctx, input);
  const id = await deps.db.transaction(async (tx) => {
    const row = await organizationRepo.insert(tx, { ...input, parentId: input.parentId ?? null });
    if (!row) throw new AppError('INTERNAL', '创建失败', 'Create failed');
    await writeAudit(tx, ctx, {
      action: 'organization.created',
      entityType: 'organization',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
    return row.id;
  });
  return getOrganization(deps, ctx, id);
}

export async function updateOrganization(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: OrganizationInput,
): Promise<OrganizationAnswer> {
  const actor = await validateInput(deps.db, ctx, input, id);
  const before = await organizationRepo.raw(deps.db, id);
  if (!before) throw errors.notFound('工会组织', 'Organization');
  assertInScope(actor, before.regionCode);
  await deps.db.transaction(async (tx) => {
    const after = await organizationRepo.update(tx, id, {
      ...input,
      parentId: input.parentId ?? null,
      updatedAt: deps.now(),
    });
    await writeAudit(tx, ctx, {
      action: 'organization.updated',
      entityType: 'organization',
      entityId: id,
      regionCode: input.regionCode,
      before,
      after,
    });
  });
  return getOrganization(deps, ctx, id);
}

export type Studio = Awaited<ReturnType<typeof mediationBodyRepo.studios>>[number];

/** The union studios that take dispute cases: what a worker choosing one on the phone may see. */
export async function listStudios(deps: Deps) {
  const rows = await mediationBodyRepo.studios(deps.db);
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    regionCode: s.regionCode,
    regionName: s.regionName,
    address: s.address,
    contactPhone: s.contactPhone,
  }));
}

export async function studioById(db: DbOrTx, id: string): Promise<Studio | null> {
  const row = await mediationBodyRepo.byId(db, id);
  return row && row.kind === 'union_studio' ? row : null;
}

/**
 * The studio for a region: the most local one whose region covers it (a city's studio before
 * a province's). A region no studio covers has none: cases are not sent to another city.
 */
export async function studioForRegion(db: DbOrTx, regionCode: string): Promise<Studio | null> {
  const covering = (await mediationBodyRepo.studios(db)).filter((s) => regionWithin(regionCode, s.regionCode));
  covering.sort((a, b) => regionPrefix(b.regionCode).length - regionPrefix(a.regionCode).length);
  return covering[0] ?? null;
}

/** A mediator's own studio: the one their organization runs. */
export async function studioOfOrganization(db: DbOrTx, organizationId: string): Promise<Studio | null> {
  return (await mediationBodyRepo.studios(db)).find((s) => s.organizationId === organizationId) ?? null;
}

/** The only studio of the installation, if there is exactly one. */
export async function onlyStudio(db: DbOrTx): Promise<Studio | null> {
  const all = await mediationBodyRepo.studios(db);
  return all.length === 1 ? all[0]! : null;
}

/** The organization a joining QR or link names (no login: the public joining page). */
export async function organizationByCode(db: DbOrTx, code: string) {
  return organizationRepo.byCode(db, code.trim().toUpperCase());
}

/** An organization by id, for another module's checks (it has checked its own permission). */
export async function organizationById(db: DbOrTx, id: string) {
  return organizationRepo.byId(db, id);
}

/**
 * The accounts that may be named an organization's approver: the active union staff of the
 * caller's region (those who keep organizations, without the right to list every account).
 */
export async function approverChoices(deps: Deps, ctx: Ctx, q: string | undefined): Promise<ApproverChoices> {
  const actor = requirePermission(ctx, 'organizations:manage');
  const { items } = await accountRepo.list(
    deps.db,
    { scope: actor.regionCode, q, role: 'union_staff', status: 'active' },
    20,
    0,
  );
  return {
    items: items.map(({ id, username, displayName, regionCode }) => ({ id, username, displayName, regionCode })),
  };
}
