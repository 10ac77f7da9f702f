import { eq } from 'drizzle-orm';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { assertInScope, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { offsetOf, type PageQuery } from '../../core/paging.js';
import type { DbOrTx } from '../../db/client.js';
import { regionRepo } from '../regions/repository.js';
import { organizationRepo, type OrganizationFilter } from './repository.js';
import type { OrganizationInput } from './schemas.js';
import { organizations } from './tables.js';

export async function listOrganizations(deps: Deps, ctx: Ctx, filter: Omit<OrganizationFilter, 'scope'>, page: PageQuery) {
  const actor = requirePermission(ctx, 'organizations:read');
  const { items, total } = await organizationRepo.list(deps.db, { ...filter, scope: actor.regionCode }, page.pageSize, offsetOf(page));
  return { items, total, ...page };
}

export async function getOrganization(deps: Deps, ctx: Ctx, id: string) {
  const actor = requirePermission(ctx, 'organizations:read');
  const row = await organizationRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('工会组织', 'Organization');
  assertInScope(actor, row.regionCode);
  return row;
}

async function validateInput(db: DbOrTx, ctx: Ctx, input: OrganizationInput, selfId?: string) {
  const actor = requirePermission(ctx, 'organizations:manage');
  if (!(await regionRepo.byCode(db, input.regionCode))) throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  assertInScope(actor, input.regionCode);
  if (input.parentId) {
    if (input.parentId === selfId) throw errors.validation('parentId', '上级组织不能是自身', 'An organization cannot be its own parent');
    const parent = await organizationRepo.raw(db, input.parentId);
    if (!parent) throw errors.validation('parentId', '上级组织不存在', 'Parent organization not found');
  }
  return actor;
}

export async function createOrganization(deps: Deps, ctx: Ctx, input: OrganizationInput) {
  await validateInput(deps.db, ctx, input);
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(organizations).values({ ...input, parentId: input.parentId ?? null }).returning();
    if (!row) throw new AppError('INTERNAL', '创建失败', 'Create failed');
    await writeAudit(tx, ctx, { action: 'organization.created', entityType: 'organization', entityId: row.id, regionCode: row.regionCode, after: row });
    return row.id;
  });
  return getOrganization(deps, ctx, id);
}

export async function updateOrganization(deps: Deps, ctx: Ctx, id: string, input: OrganizationInput) {
  const actor = await validateInput(deps.db, ctx, input, id);
  const before = await organizationRepo.raw(deps.db, id);
  if (!before) throw errors.notFound('工会组织', 'Organization');
  assertInScope(actor, before.regionCode);
  await deps.db.transaction(async (tx) => {
    const [after] = await tx
      .update(organizations)
      .set({ ...input, parentId: input.parentId ?? null, updatedAt: deps.now() })
      .where(eq(organizations.id, id))
      .returning();
    await writeAudit(tx, ctx, { action: 'organization.updated', entityType: 'organization', entityId: id, regionCode: input.regionCode, before, after });
  });
  return getOrganization(deps, ctx, id);
}
