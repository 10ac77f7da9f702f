import type { FeeRun, FeeRunRequest } from '../../../../contracts/fee-refunds/runs.js';
import { RUN_SKIP_REASONS, type RunSkipReason } from '../../../../contracts/fee-refunds/run-codes.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import type { PageQuery } from '../../../../contracts/paging.js';
import { regionFullName } from '../../regions/service.js';
import { reconciledPairs } from '../bank/reconciliation.js';
import { officeKey } from '../bank/row.js';
import { storedFeePolicies } from '../policies/service.js';
import { planRun } from './plan.js';
import { unionAccounts } from './accounts-repository.js';
import { runRepo, type BatchRow, type RunRow } from './repository.js';
import { storeBatch } from './store.js';

/** The first and last day of a month (YYYY-MM). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * POST /api/fee-refunds/runs: computes a region's month. Takes every collection of the region
 * whose money reached the treasury in the month, whose (tax office, date) is reconciled with the
 * bank and which no run has computed yet; stores the ledger, the lines and one draft batch per
 * paying account, all in one transaction with its audit record. Runs of one province take turns
 * (a lock), and the database refuses a collection computed twice even if they did not.
 */
export async function createRun(deps: Deps, ctx: Ctx, request: FeeRunRequest): Promise<FeeRun> {
  const actor = requirePermission(ctx, 'fee_refunds:run');
  assertInScope(actor, request.regionCode);
  if ((await regionFullName(deps.db, request.regionCode)) === null)
    throw errors.validation('regionCode', '没有这个行政区划代码', 'There is no region with this code');
  const { from, to } = monthRange(request.month);
  const now = deps.now();
  const runId = await deps.db.transaction(async (tx) => {
    await runRepo.lockProvince(tx, request.regionCode.slice(0, 2));
    const all = await runRepo.uncomputed(tx, request.regionCode, from, to);
    const pairs = await reconciledPairs(tx, from, to);
    const reconciled = new Set(pairs.map((p) => `${p.treasuryDate}|${officeKey(p.taxOfficeName)}`));
    const ready = all.filter((c) => reconciled.has(`${c.treasuryDate}|${officeKey(c.taxOfficeName)}`));
    const enterprises = await runRepo.enterprises(tx, [...new Set(ready.map((c) => c.uscc))]);
    const plan = planRun(ready, enterprises, await storedFeePolicies({ db: tx }), await unionAccounts(tx));
    plan.skipped.unreconciled = all.length - ready.length;
    if (plan.computed === 0) {
      throw errors.conflict(
        `${request.month} 没有可计算的征收记录（未对平 ${plan.skipped.unreconciled} 条，企业不在名录中 ${plan.skipped.unregistered} 条，无适用政策 ${plan.skipped.no_policy} 条；已计算过的不再计算）`,
        `Nothing to compute for ${request.month} (not reconciled: ${plan.skipped.unreconciled}, enterprise not in the registry: ${plan.skipped.unregistered}, no policy: ${plan.skipped.no_policy}; collections computed before are not computed again)`,
        'month',
      );
    }
    const run = await runRepo.insertRun(tx, {
      regionCode: request.regionCode,
      month: request.month,
      collections: plan.computed,
      skipped: plan.skipped,
      createdBy: actor.accountId,
      createdAt: now,
    });
    const lineIds = await runRepo.insertLines(
      tx,
      plan.lines.map((l) => ({
        runId: run.id,
        uscc: l.uscc,
        enterpriseName: l.enterpriseName,
        regionCode: l.regionCode,
        month: request.month,
        destination: l.destination,
        amountFen: l.amountFen,
        creditorBankCode: l.creditor?.bankCode ?? null,
        creditorAccountNo: l.creditor?.accountNo ?? null,
        creditorAccountName: l.creditor?.accountName ?? null,
        payingRegionCode: l.payingAccount?.regionCode ?? null,
        state: l.state,
        dueOn: l.dueOn,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const idOf = new Map(plan.lines.map((l, i) => [l.key, lineIds[i]!.id]));
    await runRepo.insertAllocations(
      tx,
      plan.allocations.map(({ lineKey, ...a }) => ({
        ...a,
        runId: run.id,
        lineId: lineKey === null ? null : (idOf.get(lineKey) ?? null),
      })),
    );
    const lineOf = new Map(plan.lines.map((l) => [l.key, l]));
    for (const batch of plan.batches) {
      await storeBatch(tx, {
        runId: run.id,
        regionCode: request.regionCode,
        month: request.month,
        payingAccount: batch.payingAccount,
        lines: batch.lineKeys.map((key) => {
          const line = lineOf.get(key)!;
          return { id: idOf.get(key)!, amountFen: line.amountFen, creditor: line.creditor! };
        }),
        now,
      });
    }
    await writeAudit(tx, ctx, {
      action: 'fee_refund_run.created',
      entityType: 'fee_refund_run',
      entityId: run.id,
      regionCode: request.regionCode,
      after: {
        month: request.month,
        collections: plan.computed,
        skipped: plan.skipped,
        lines: plan.lines.length,
        batches: plan.batches.map((b) => ({
          payingRegion: b.payingAccount.regionCode,
          lines: b.lineKeys.length,
          totalFen: b.totalFen,
        })),
      },
    });
    return run.id;
  });
  return getRun(deps, ctx, runId);
}

async function runViews(deps: Deps, runs: RunRow[]): Promise<FeeRun[]> {
  const ids = runs.map((r) => r.id);
  const [totals, batches] = await Promise.all([runRepo.lineTotals(deps.db, ids), runRepo.batchesOfRuns(deps.db, ids)]);
  return runs.map((run) => {
    const sum = (state: string) => {
      const row = totals.find((t) => t.runId === run.id && t.state === state);
      return { lines: row?.lines ?? 0, totalFen: Number(row?.totalFen ?? 0) };
    };
    const skipped = Object.fromEntries(RUN_SKIP_REASONS.map((r: RunSkipReason) => [r, run.skipped[r] ?? 0]));
    return {
      id: run.id,
      regionCode: run.regionCode,
      month: run.month,
      collections: run.collections,
      skipped,
      held: sum('held'),
      noAccount: sum('no_account'),
      batches: batches
        .filter((b: BatchRow) => b.runId === run.id)
        .map((b) => ({ id: b.id, lines: b.lines, totalFen: b.totalFen })),
      createdAt: run.createdAt.toISOString(),
    };
  });
}

export async function getRun(deps: Deps, ctx: Ctx, id: string): Promise<FeeRun> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const run = await runRepo.run(deps.db, id);
  if (!run) throw errors.notFound('返还批次计算', 'Refund run');
  assertInScope(actor, run.regionCode);
  const [view] = await runViews(deps, [run]);
  return view!;
}

export async function listRuns(deps: Deps, ctx: Ctx, query: PageQuery) {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const { page } = splitPage(query);
  const { items, total } = await runRepo.runs(deps.db, actor.regionCode, page.pageSize, offsetOf(page));
  return { items: await runViews(deps, items), total, ...page };
}
