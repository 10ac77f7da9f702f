import { aliasedTable, and, asc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import type { FeePolicyVersion } from '../rules/policy.js';
import { regionPrefix } from '../rules/policy.js';
import { feeRefundAllocations } from '../runs/tables.js';
import { feePolicyVersions } from '../tables.js';

export type PolicyRow = typeof feePolicyVersions.$inferSelect;

const drafter = aliasedTable(accounts, 'drafter');
const approver = aliasedTable(accounts, 'approver');
const P = feePolicyVersions;
const A = feeRefundAllocations;

export const feePolicyRepo = {
  /** Inserts the (seeded) versions whose id is not stored yet, in force; answers those inserted. */
  async insertMissing(db: DbOrTx, versions: readonly FeePolicyVersion[], now: Date): Promise<string[]> {
    if (!versions.length) return [];
    const rows = await db
      .insert(P)
      .values(
        versions.map((v) => ({
          id: v.id,
          regionCode: v.regionCode,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          policy: v,
          status: 'active' as const,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: P.id });
    return rows.map((r) => r.id);
  },
  /** The versions in force, for the refund rules; drafts are never used. */
  async active(db: DbOrTx): Promise<FeePolicyVersion[]> {
    const rows = await db
      .select({ policy: P.policy })
      .from(P)
      .where(eq(P.status, 'active'))
      .orderBy(asc(P.regionCode), asc(P.effectiveFrom));
    return rows.map((r) => r.policy);
  },
  /** Every version with the names of who drafted and approved it, for the staff's list. */
  async listed(db: DbOrTx) {
    return db
      .select({
        row: P,
        drafterName: drafter.displayName,
        approverName: approver.displayName,
      })
      .from(P)
      .leftJoin(drafter, eq(drafter.id, P.draftedBy))
      .leftJoin(approver, eq(approver.id, P.approvedBy))
      .orderBy(asc(P.regionCode), asc(P.effectiveFrom), asc(P.createdAt));
  },
  async get(db: DbOrTx, id: string): Promise<PolicyRow | undefined> {
    const [row] = await db.select().from(P).where(eq(P.id, id));
    return row;
  },
  /** Versions are put in force one at a time (the overlap check reads them all). */
  async lockVersions(db: DbOrTx) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('fee-policy-versions'))`);
  },
  async insert(db: DbOrTx, row: typeof P.$inferInsert) {
    await db.insert(P).values(row);
  },
  /** Writes a version at the version it was read at; answers false when someone wrote it since. */
  async update(
    db: DbOrTx,
    id: string,
    readAt: number,
    set: Partial<Omit<typeof P.$inferInsert, 'id' | 'version'>>,
  ): Promise<boolean> {
    const rows = await db
      .update(P)
      .set({ ...set, version: readAt + 1 })
      .where(and(eq(P.id, id), eq(P.version, readAt)))
      .returning({ id: P.id });
    return rows.length === 1;
  },
  async deleteDraft(db: DbOrTx, id: string, readAt: number): Promise<boolean> {
    const rows = await db
      .delete(P)
      .where(and(eq(P.id, id), eq(P.version, readAt), eq(P.status, 'draft')))
      .returning({ id: P.id });
    return rows.length === 1;
  },
  /**
   * Whether a run has computed any collection of the region (or under it) whose tax period
   * reaches into [from, to]. A rare question (putting a version in force), so a scan is fine.
   */
  async computedWithin(db: DbOrTx, regionCode: string, from: string, to: string | null): Promise<boolean> {
    const prefix = regionPrefix(regionCode);
    const [row] = await db
      .select({ one: sql<number>`1` })
      .from(A)
      .where(
        and(
          sql`${A.regionCode} like ${prefix + '%'}`,
          gte(A.periodTo, from),
          to === null ? undefined : lte(A.periodFrom, to),
        ),
      )
      .limit(1);
    return row !== undefined;
  },
  /** The last day of a tax period computed under the version after `day`, if any. */
  async computedAfter(db: DbOrTx, policyId: string, day: string): Promise<string | null> {
    const [row] = await db
      .select({ last: sql<string | null>`max(${A.periodTo})::text` })
      .from(A)
      .where(and(eq(A.policyId, policyId), gt(A.periodTo, day)));
    return row?.last ?? null;
  },
};
