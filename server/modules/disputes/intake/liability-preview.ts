import type { HiringChainBody } from '../../../../contracts/disputes.js';
import type { LiabilityResult } from '../../../../contracts/disputes/liability.js';
import { requirePermission, type Ctx } from '../../../core/context.js';
import { proposeLiableParties } from '../rules/construction-liability.js';

/**
 * The intake form's live proposal of the party liable for a construction worker's wages: the same
 * rules the intake applies when the case is registered, asked of the server so they stay out of
 * the browser. Nothing is stored; the caller must be one who may register a case.
 */
export function previewLiability(ctx: Ctx, chain: HiringChainBody): LiabilityResult {
  requirePermission(ctx, 'disputes:intake');
  return proposeLiableParties(chain);
}
