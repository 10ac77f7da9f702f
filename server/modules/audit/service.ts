import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { offsetOf, type PageQuery } from '../../core/paging.js';
import { auditRepo, type AuditFilter } from './repository.js';

export async function listAudit(deps: Deps, ctx: Ctx, filter: Omit<AuditFilter, 'scope'>, page: PageQuery) {
  const actor = requirePermission(ctx, 'audit:read');
  const { items, total } = await auditRepo.list(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), total, ...page };
}
