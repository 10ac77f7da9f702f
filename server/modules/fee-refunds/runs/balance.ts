import { UNION_LEVELS } from '../../../../contracts/fee-refunds/codes.js';
import type { FeeBalance } from '../../../../contracts/fee-refunds/runs.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { balanceRepo } from './settlement-repository.js';

const exact = (n: bigint) => {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError('amount beyond exact numbers');
  return Number(n);
};

/**
 * GET /api/fee-refunds/balance: collected = refunded + retained + pending for a region's year,
 * to the fen. Each part is summed on its own from what is stored — the collections, the ledger
 * of the computed ones joined to their lines' states, the collections not computed — so a fen
 * lost or counted twice anywhere shows as a difference, not as an identity true by arithmetic.
 */
export async function getBalance(
  deps: Deps,
  ctx: Ctx,
  query: { regionCode: string; year: number },
): Promise<FeeBalance> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  assertInScope(actor, query.regionCode);
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  const [collected, uncomputed, ledger] = await Promise.all([
    balanceRepo.collected(deps.db, query.regionCode, from, to),
    balanceRepo.uncomputed(deps.db, query.regionCode, from, to),
    balanceRepo.ledger(deps.db, query.regionCode, from, to),
  ]);
  const pending = ledger.held + ledger.unpaid + uncomputed;
  return {
    regionCode: query.regionCode,
    year: query.year,
    collectedFen: exact(collected),
    refundedFen: exact(ledger.paid),
    retainedFen: exact(ledger.retained),
    pendingFen: exact(pending),
    pending: { heldFen: exact(ledger.held), unpaidFen: exact(ledger.unpaid), uncomputedFen: exact(uncomputed) },
    byLevel: UNION_LEVELS.map((level) => ({ level, retainedFen: exact(ledger[level]) })),
    differenceFen: exact(collected - ledger.paid - ledger.retained - pending),
  };
}
