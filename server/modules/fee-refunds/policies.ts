import { writeAudit } from '../../core/audit.js';
import { systemCtx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { feePolicyRepo } from './repository.js';
import { checkPolicyVersions, SEED_POLICY_VERSIONS, type FeePolicyVersion } from './rules/policy.js';

/**
 * Refund policy versions are data (table fee_policy_versions): every installation starts with
 * the seeded ones (rules/policy.ts: Jiangsu 2020–2024), inserted once with an audit record; a
 * stored version is never overwritten by a later start.
 */
export async function ensureFeePolicies(deps: Pick<Deps, 'db' | 'now'>): Promise<void> {
  const problems = checkPolicyVersions(SEED_POLICY_VERSIONS);
  if (problems.length) throw new Error(`fee policy seed: ${problems.map((p) => p.en).join('; ')}`);
  await deps.db.transaction(async (tx) => {
    const inserted = await feePolicyRepo.insertMissing(tx, SEED_POLICY_VERSIONS, deps.now());
    for (const id of inserted) {
      const version = SEED_POLICY_VERSIONS.find((v) => v.id === id)!;
      await writeAudit(tx, systemCtx('reference-data'), {
        action: 'fee_policy.seeded',
        entityType: 'fee_policy_version',
        entityId: id,
        regionCode: version.regionCode,
        after: version,
      });
    }
  });
}

/** Every stored version, for the refund rules (policyInForce, policySegments). */
export async function storedFeePolicies(deps: Pick<Deps, 'db'>): Promise<FeePolicyVersion[]> {
  return feePolicyRepo.all(deps.db);
}
