import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { FeePolicyVersion } from './rules/policy.js';
import { feePolicyVersions } from './tables.js';

// The queries the module's parts share: the policy versions (the registry's own are in
// registry/repository.ts).

export const feePolicyRepo = {
  /** Inserts the versions whose id is not stored yet; answers those inserted. */
  async insertMissing(db: DbOrTx, versions: readonly FeePolicyVersion[], now: Date): Promise<string[]> {
    if (!versions.length) return [];
    const rows = await db
      .insert(feePolicyVersions)
      .values(
        versions.map((v) => ({
          id: v.id,
          regionCode: v.regionCode,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          policy: v,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: feePolicyVersions.id });
    return rows.map((r) => r.id);
  },
  async all(db: DbOrTx): Promise<FeePolicyVersion[]> {
    const rows = await db
      .select({ policy: feePolicyVersions.policy })
      .from(feePolicyVersions)
      .orderBy(asc(feePolicyVersions.regionCode), asc(feePolicyVersions.effectiveFrom));
    return rows.map((r) => r.policy);
  },
};
