import type { FeeReconciliation } from '../../../../contracts/fee-refunds/responses.js';
import { requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import { reconciliationGroups } from './reconciliation.js';
import type { FeeReconciliationQuery } from './schemas.js';

/**
 * GET /api/fee-refunds/reconciliation: the (tax office, date) groups of a window inside the
 * caller's region, with the totals of every group; the groups are paged (a window of at most a
 * year holds offices × days groups, summed by the database and merged here).
 */
export async function getReconciliation(
  deps: Deps,
  ctx: Ctx,
  query: FeeReconciliationQuery,
): Promise<FeeReconciliation> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const { page, filter } = splitPage(query);
  const groups = await reconciliationGroups(deps.db, {
    scope: actor.regionCode,
    regionCode: filter.regionCode,
    from: filter.from,
    to: filter.to,
  });
  const totals = {
    collectedFen: 0,
    creditedFen: 0,
    differenceFen: 0,
    groups: { reconciled: 0, difference: 0, no_credit: 0, no_collection: 0 },
  };
  for (const g of groups) {
    totals.collectedFen += g.collectedFen;
    totals.creditedFen += g.creditedFen;
    totals.groups[g.status] += 1;
  }
  totals.differenceFen = totals.creditedFen - totals.collectedFen;
  const start = offsetOf(page);
  return { items: groups.slice(start, start + page.pageSize), total: groups.length, ...page, totals };
}
