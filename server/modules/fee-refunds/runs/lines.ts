import type { FeeLine } from '../../../../contracts/fee-refunds/runs.js';
import { requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import { addDays, todayInChina } from '../../../../contracts/dates.js';
import { AT_RISK_DAYS } from './deadlines.js';
import { lineRepo } from './batch-repository.js';
import { type LineRow } from './repository.js';
import type { FeeLineQuery } from './schemas.js';

/** GET /api/fee-refunds/lines: refund lines of the caller's region with every payment of each. */
export async function listLines(deps: Deps, ctx: Ctx, query: FeeLineQuery) {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const { page, filter } = splitPage(query);
  const today = todayInChina(deps.now());
  const { items, total } = await lineRepo.list(
    deps.db,
    {
      scope: actor.regionCode,
      uscc: filter.uscc,
      regionCode: filter.regionCode,
      state: filter.state,
      runId: filter.runId,
      batchId: filter.batchId,
      dueBefore: filter.overdue ? today : filter.atRisk ? addDays(today, AT_RISK_DAYS) : undefined,
      dueFrom: !filter.overdue && filter.atRisk ? today : undefined,
    },
    page.pageSize,
    offsetOf(page),
  );
  return { items: await lineViews(deps, items, today), total, ...page };
}

export async function lineViews(deps: Deps, rows: LineRow[], today: string): Promise<FeeLine[]> {
  const payments = await lineRepo.paymentsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((l) => ({
    id: l.id,
    uscc: l.uscc,
    enterpriseName: l.enterpriseName,
    regionCode: l.regionCode,
    month: l.month,
    destination: l.destination,
    amountFen: l.amountFen,
    creditor:
      l.creditorAccountNo && l.creditorBankCode && l.creditorAccountName
        ? { bankCode: l.creditorBankCode, accountNo: l.creditorAccountNo, accountName: l.creditorAccountName }
        : null,
    state: l.state,
    dueOn: l.dueOn,
    paidOn: l.paidOn,
    overdue: l.state !== 'paid' && l.state !== 'held' && l.dueOn < today,
    payments: payments
      .filter((p) => p.payment.lineId === l.id)
      .map(({ payment: p, batchNo }) => ({
        endToEndId: p.endToEndId,
        batchNo,
        amountFen: p.amountFen,
        creditor: { bankCode: p.creditorBankCode, accountNo: p.creditorAccountNo, accountName: p.creditorAccountName },
        status: p.status,
        reasonCode: p.reasonCode,
        reasonText: p.reasonText,
        settledAt: p.settledAt?.toISOString() ?? null,
      })),
  }));
}
