import type { FeeBatch } from '../../../../contracts/fee-refunds/runs.js';
import type { BatchStatus } from '../../../../contracts/fee-refunds/run-codes.js';
import type { PageQuery } from '../../../../contracts/paging.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, can, requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { batchRepo } from './batch-repository.js';
import { type BatchRow } from './repository.js';

/*
 * Maker–checker on a batch: the maker (fee_refunds:run) submits it, someone else with
 * fee_refunds:approve approves it. Each step moves the batch only from the state it expects, at
 * the version it read; the approval is also a row of its own (one per batch, approver ≠ maker in
 * a check constraint), so two checkers pressing at the same moment approve it once.
 */

async function views(deps: Deps, actor: Actor, rows: BatchRow[]): Promise<FeeBatch[]> {
  const ids = rows.map((r) => r.id);
  const [counts, months] = await Promise.all([
    batchRepo.settledCounts(deps.db, ids),
    batchRepo.runMonth(
      deps.db,
      rows.map((r) => r.runId),
    ),
  ]);
  return rows.map((b) => {
    const n = (status: string) => counts.find((c) => c.batchId === b.id && c.status === status)?.n ?? 0;
    return {
      id: b.id,
      batchNo: b.batchNo,
      runId: b.runId,
      regionCode: b.regionCode,
      month: months.get(b.runId) ?? '',
      debtor: { bankCode: b.debtorBankCode, accountNo: b.debtorAccountNo, accountName: b.debtorAccountName },
      status: b.status,
      lines: b.lines,
      totalFen: b.totalFen,
      settled: { paid: n('paid'), returned: n('returned'), out: n('out') },
      submittedBy: b.submittedBy,
      submittedAt: b.submittedAt?.toISOString() ?? null,
      approvedBy: b.approvedBy,
      approvedAt: b.approvedAt?.toISOString() ?? null,
      canSubmit: b.status === 'draft' && can(actor, 'fee_refunds:run'),
      canApprove: b.status === 'submitted' && can(actor, 'fee_refunds:approve') && b.submittedBy !== actor.accountId,
      version: b.version,
    };
  });
}

export async function listBatches(deps: Deps, ctx: Ctx, query: PageQuery & { status?: BatchStatus }) {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await batchRepo.list(
    deps.db,
    actor.regionCode,
    filter.status,
    page.pageSize,
    offsetOf(page),
  );
  return { items: await views(deps, actor, items), total, ...page };
}

/** A batch the caller may see (its region inside theirs). */
export async function visibleBatch(deps: Deps, actor: Actor, id: string): Promise<BatchRow> {
  const batch = await batchRepo.get(deps.db, id);
  if (!batch) throw errors.notFound('返还批次', 'Refund batch');
  assertInScope(actor, batch.regionCode);
  return batch;
}

export async function getBatch(deps: Deps, ctx: Ctx, id: string): Promise<FeeBatch> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  const [view] = await views(deps, actor, [await visibleBatch(deps, actor, id)]);
  return view!;
}

const STATUS_TEXT: Record<BatchStatus, [string, string]> = {
  draft: ['尚未提交', 'not submitted yet'],
  submitted: ['已提交待复核', 'submitted and awaiting approval'],
  approved: ['已复核', 'approved already'],
  closed: ['已办结', 'settled already'],
};

function wrongState(batch: BatchRow, action: string, actionEn: string) {
  const [zh, en] = STATUS_TEXT[batch.status];
  return errors.conflict(
    `批次 ${batch.batchNo} ${zh}，不能${action}`,
    `Batch ${batch.batchNo} is ${en}: it cannot be ${actionEn}`,
  );
}

/** POST /api/fee-refunds/batches/:id/submit (the maker). */
export async function submitBatch(deps: Deps, ctx: Ctx, id: string): Promise<FeeBatch> {
  const actor = requirePermission(ctx, 'fee_refunds:run');
  await visibleBatch(deps, actor, id);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const batch = (await batchRepo.lockGet(tx, id))!;
    if (batch.status !== 'draft') throw wrongState(batch, '提交', 'submitted');
    await batchRepo.move(tx, id, batch.version, 'draft', {
      status: 'submitted',
      submittedBy: actor.accountId,
      submittedAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, ctx, {
      action: 'fee_refund_batch.submitted',
      entityType: 'fee_refund_batch',
      entityId: id,
      regionCode: batch.regionCode,
      after: { batchNo: batch.batchNo, lines: batch.lines, totalFen: batch.totalFen },
    });
  });
  return getBatch(deps, ctx, id);
}

/** POST /api/fee-refunds/batches/:id/approve (the checker: not the one who submitted it). */
export async function approveBatch(deps: Deps, ctx: Ctx, id: string): Promise<FeeBatch> {
  const actor = requirePermission(ctx, 'fee_refunds:approve');
  await visibleBatch(deps, actor, id);
  const now = deps.now();
  try {
    await deps.db.transaction(async (tx) => {
      const batch = (await batchRepo.lockGet(tx, id))!;
      if (batch.status !== 'submitted') throw wrongState(batch, '复核', 'approved');
      if (batch.submittedBy === actor.accountId)
        throw errors.conflict(
          '提交人不能复核自己提交的批次，请由另一位同事复核',
          'You submitted this batch: another colleague must approve it',
        );
      await batchRepo.insertApproval(tx, {
        batchId: id,
        submittedBy: batch.submittedBy!,
        approvedBy: actor.accountId,
        approvedAt: now,
      });
      const moved = await batchRepo.move(tx, id, batch.version, 'submitted', {
        status: 'approved',
        approvedBy: actor.accountId,
        approvedAt: now,
        updatedAt: now,
      });
      if (!moved) throw wrongState(batch, '复核', 'approved');
      await writeAudit(tx, ctx, {
        action: 'fee_refund_batch.approved',
        entityType: 'fee_refund_batch',
        entityId: id,
        regionCode: batch.regionCode,
        after: { batchNo: batch.batchNo, lines: batch.lines, totalFen: batch.totalFen, submittedBy: batch.submittedBy },
      });
    });
  } catch (e) {
    // The approval row is one per batch: a second approval that got past the lock answers here.
    if (isUniqueViolation(e))
      throw errors.conflict('该批次已由他人复核', 'Someone else has approved this batch already');
    throw e;
  }
  return getBatch(deps, ctx, id);
}
