import type { z } from 'zod';
import type { auditPageSchema } from '../../../contracts/audit.js';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { offsetOf, splitPage } from '../../core/paging.js';
import { auditRepo } from './repository.js';
import type { AuditListQuery } from './schemas.js';

/** The audit trail within the caller's region, newest first. */
export async function listAudit(deps: Deps, ctx: Ctx, query: AuditListQuery): Promise<z.infer<typeof auditPageSchema>> {
  const actor = requirePermission(ctx, 'audit:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await auditRepo.list(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), total, ...page };
}
