import type { Deps } from '../core/deps.js';
import { ensureFeePolicies } from '../modules/fee-refunds/policies/service.js';
import { ensureReferenceFigures } from '../modules/labor-law/service.js';
import { ensureRegionsLoaded } from '../modules/regions/service.js';

/** Reference data every installation needs, demo or not. Safe to run at every start. */
export async function ensureReferenceData(deps: Deps): Promise<void> {
  await ensureRegionsLoaded(deps.db);
  await ensureReferenceFigures(deps.db);
  await ensureFeePolicies(deps);
}
