import type { z } from 'zod';
import type { feeRebatchRequestSchema, feeRebatchSchema } from '../../../../contracts/fee-refunds/runs.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { creditorFor, payingAccountFor, type Account, type PayingAccount } from './plan.js';
import { unionAccounts } from './accounts-repository.js';
import { runRepo, type LineRow } from './repository.js';
import { settlementRepo } from './settlement-repository.js';
import { storeBatch } from './store.js';

type Rebatched = z.infer<typeof feeRebatchSchema>;

/**
 * POST /api/fee-refunds/rebatch: the region's lines the bank returned, or that had no account,
 * into new draft batches once the registry has an account for them that is not the one the bank
 * returned (a line returned for a closed account waits until the account is fixed). A new batch
 * goes through maker–checker again; the database refuses a line whose payment is still out.
 */
export async function rebatch(
  deps: Deps,
  ctx: Ctx,
  request: z.infer<typeof feeRebatchRequestSchema>,
): Promise<Rebatched> {
  const actor = requirePermission(ctx, 'fee_refunds:run');
  assertInScope(actor, request.regionCode);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await runRepo.lockProvince(tx, request.regionCode.slice(0, 2));
    const lines = await settlementRepo.waitingLines(tx, request.regionCode, request.month);
    const returnedTo = new Map<string, Set<string>>();
    for (const r of await settlementRepo.lastReturned(
      tx,
      lines.map((l) => l.id),
    )) {
      const set = returnedTo.get(r.lineId) ?? new Set<string>();
      set.add(r.accountNo);
      returnedTo.set(r.lineId, set);
    }
    const enterprises = await runRepo.enterprises(tx, [...new Set(lines.map((l) => l.uscc))]);
    const accounts = await unionAccounts(tx);
    const groups = new Map<
      string,
      { runId: string; paying: PayingAccount; lines: { line: LineRow; creditor: Account }[] }
    >();
    let waiting = 0;
    for (const line of lines) {
      const creditor = creditorFor(enterprises.get(line.uscc), line.destination, line.regionCode, accounts);
      const paying = payingAccountFor(line.regionCode, accounts.paying);
      if (!creditor || !paying || returnedTo.get(line.id)?.has(creditor.accountNo)) {
        waiting++;
        continue;
      }
      const key = `${line.runId}|${paying.regionCode}`;
      const group = groups.get(key) ?? { runId: line.runId, paying, lines: [] };
      group.lines.push({ line, creditor });
      groups.set(key, group);
    }
    const batches: Rebatched['batches'] = [];
    for (const group of groups.values()) {
      const month = group.lines[0]!.line.month;
      const batch = await storeBatch(tx, {
        runId: group.runId,
        regionCode: request.regionCode,
        month,
        payingAccount: group.paying,
        lines: group.lines.map(({ line, creditor }) => ({ id: line.id, amountFen: line.amountFen, creditor })),
        now,
      });
      for (const { line, creditor } of group.lines)
        await settlementRepo.setLineCreditor(tx, line.id, creditor, group.paying.regionCode, now);
      batches.push({ id: batch.id, lines: batch.lines, totalFen: batch.totalFen });
      await writeAudit(tx, ctx, {
        action: 'fee_refund_batch.rebatched',
        entityType: 'fee_refund_batch',
        entityId: batch.id,
        regionCode: request.regionCode,
        after: { batchNo: batch.batchNo, lines: batch.lines, totalFen: batch.totalFen },
      });
    }
    return { batches, waiting };
  });
}
