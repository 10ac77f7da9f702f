import { and, asc, between, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { bulkInsert, type BulkColumn } from '../../../db/bulk.js';
import type { DbOrTx } from '../../../db/client.js';
import { orderedId } from '../../../db/ordered-id.js';
import { inRegion } from '../../../core/scope.js';
import { employers } from '../../employers/tables.js';
import { regions } from '../../regions/tables.js';
import { feeCollections, feeEnterprises } from '../tables.js';
import type { PlanCollection, PlanEnterprise } from './plan.js';
import { feeRefundAllocations, feeRefundBatches, feeRefundLines, feeRefundPayments, feeRefundRuns } from './tables.js';

// The refund side's reads and writes, by concern: runs and their bulk writes here, the union's
// accounts in accounts-repository.ts, batches and lines in batch-repository.ts, the bank's
// results, the balance and the deadlines in settlement-repository.ts.

export type RunRow = typeof feeRefundRuns.$inferSelect;
export type LineRow = typeof feeRefundLines.$inferSelect;
export type LineInsert = typeof feeRefundLines.$inferInsert;
export type AllocationInsert = typeof feeRefundAllocations.$inferInsert;
export type BatchRow = typeof feeRefundBatches.$inferSelect;
export type BatchInsert = typeof feeRefundBatches.$inferInsert;
export type PaymentRow = typeof feeRefundPayments.$inferSelect;
export type PaymentInsert = typeof feeRefundPayments.$inferInsert;

export const runRepo = {
  /** Runs of one province take turns: held to the end of the transaction. */
  async lockProvince(db: DbOrTx, provincePrefix: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'fee-refund-run:' + provincePrefix}))`);
  },
  /**
   * The month's collections in the region that no run has computed yet, with the day each
   * arrived; `pairs` keeps those whose (office, treasury date) is reconciled. The region is named
   * as its list of codes (from the regions table), not as a range of codes: the index on (region,
   * treasury date) then reads each code's month alone, where a range on its first column reads
   * the whole year of every code in the range.
   */
  async uncomputed(db: DbOrTx, regionCode: string, from: string, to: string) {
    const rows = await db
      .select({
        id: feeCollections.id,
        uscc: feeCollections.uscc,
        periodFrom: feeCollections.periodFrom,
        periodTo: feeCollections.periodTo,
        paidFen: feeCollections.paidFen,
        regionCode: feeCollections.regionCode,
        taxOfficeName: feeCollections.taxOfficeName,
        treasuryDate: feeCollections.treasuryDate,
        arrivedOn: sql<string>`to_char(${feeCollections.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
      })
      .from(feeCollections)
      .where(
        and(
          inArray(
            feeCollections.regionCode,
            db.select({ code: regions.code }).from(regions).where(inRegion(regions.code, regionCode)),
          ),
          between(feeCollections.treasuryDate, from, to),
          notExists(
            db
              .select({ one: sql`1` })
              .from(feeRefundAllocations)
              .where(eq(feeRefundAllocations.collectionId, feeCollections.id)),
          ),
        ),
      );
    return rows satisfies (PlanCollection & { taxOfficeName: string; treasuryDate: string })[];
  },
  /** The registry's enterprises with these codes, as the refund rules read them. */
  async enterprises(db: DbOrTx, usccs: string[]): Promise<Map<string, PlanEnterprise>> {
    const found = new Map<string, PlanEnterprise>();
    // One array parameter per 50 000 codes (an IN list has a parameter per code).
    for (let i = 0; i < usccs.length; i += 50_000) {
      const E = feeEnterprises;
      // Only the columns the rules and the lines read: a profile has more (size notes, audit
      // columns), and reading them for every enterprise of a province costs seconds.
      const rows = await db
        .select({
          uscc: employers.uscc,
          name: employers.name,
          regionCode: E.regionCode,
          industryCode: E.industryCode,
          employees: E.employees,
          revenueFen: E.revenueFen,
          assetsFen: E.assetsFen,
          hasUnion: E.hasUnion,
          unionBankCode: E.unionBankCode,
          unionAccountNo: E.unionAccountNo,
          unionAccountName: E.unionAccountName,
          payingBankCode: E.payingBankCode,
          payingAccountNo: E.payingAccountNo,
          payingAccountName: E.payingAccountName,
          declaredSizeClass: E.declaredSizeClass,
          exclusionFlags: E.exclusionFlags,
        })
        .from(E)
        .innerJoin(employers, eq(employers.id, E.employerId))
        .where(sql`${employers.uscc} = any(${sql.param(usccs.slice(i, i + 50_000))}::text[])`);
      for (const { uscc, name, ...p } of rows) {
        if (!uscc) continue;
        found.set(uscc, {
          uscc,
          name,
          regionCode: p.regionCode,
          industryCode: p.industryCode,
          employees: p.employees,
          revenueFen: p.revenueFen,
          assetsFen: p.assetsFen,
          hasUnion: p.hasUnion,
          hasUnionAccount: p.unionAccountNo !== null,
          declaredSizeClass: p.declaredSizeClass,
          flags: p.exclusionFlags,
          unionAccount:
            p.unionAccountNo && p.unionBankCode && p.unionAccountName
              ? { bankCode: p.unionBankCode, accountNo: p.unionAccountNo, accountName: p.unionAccountName }
              : null,
          payingAccount:
            p.payingAccountNo && p.payingBankCode && p.payingAccountName
              ? { bankCode: p.payingBankCode, accountNo: p.payingAccountNo, accountName: p.payingAccountName }
              : null,
        });
      }
    }
    return found;
  },
  async insertRun(db: DbOrTx, run: typeof feeRefundRuns.$inferInsert): Promise<RunRow> {
    const [row] = await db.insert(feeRefundRuns).values(run).returning();
    return row!;
  },
  /** The lines with ids made here (time-ordered UUIDs, see orderedId), in one statement (COPY) or a few. */
  async insertLines(db: DbOrTx, lines: LineInsert[]): Promise<{ id: string }[]> {
    const rows = lines.map((l) => ({ ...l, id: l.id ?? orderedId() }));
    const L = feeRefundLines;
    await bulkInsert(
      db,
      'fee_refund_lines',
      [
        { name: L.id.name, type: 'uuid', value: (r) => r.id },
        { name: L.runId.name, type: 'uuid', value: (r) => r.runId },
        { name: L.uscc.name, type: 'text', value: (r) => r.uscc },
        { name: L.enterpriseName.name, type: 'text', value: (r) => r.enterpriseName },
        { name: L.regionCode.name, type: 'text', value: (r) => r.regionCode },
        { name: L.month.name, type: 'text', value: (r) => r.month },
        { name: L.destination.name, type: 'text', value: (r) => r.destination },
        { name: L.amountFen.name, type: 'int8', value: (r) => r.amountFen },
        { name: L.creditorBankCode.name, type: 'text', value: (r) => r.creditorBankCode },
        { name: L.creditorAccountNo.name, type: 'text', value: (r) => r.creditorAccountNo },
        { name: L.creditorAccountName.name, type: 'text', value: (r) => r.creditorAccountName },
        { name: L.payingRegionCode.name, type: 'text', value: (r) => r.payingRegionCode },
        { name: L.state.name, type: 'text', value: (r) => r.state },
        { name: L.dueOn.name, type: 'date', value: (r) => r.dueOn },
        { name: L.createdAt.name, type: 'timestamptz', value: (r) => r.createdAt },
        { name: L.updatedAt.name, type: 'timestamptz', value: (r) => r.updatedAt },
      ] satisfies BulkColumn<(typeof rows)[number]>[],
      rows,
    );
    return rows.map((r) => ({ id: r.id }));
  },
  /**
   * The ledger rows, in the order of their collections: the unique key and the foreign key's
   * look-ups into fee_collections then walk their btrees page after page. Their ids are made here
   * in that order (time-ordered UUIDs), so the primary key grows at its end instead of taking a
   * random page of a province's ledger for every row.
   */
  async insertAllocations(db: DbOrTx, rows: AllocationInsert[]) {
    const A = feeRefundAllocations;
    const sorted = [...rows]
      .sort((a, b) =>
        a.collectionId < b.collectionId ? -1 : a.collectionId > b.collectionId ? 1 : a.policyId < b.policyId ? -1 : 1,
      )
      .map((r) => ({ ...r, id: r.id ?? orderedId() }));
    await bulkInsert(
      db,
      'fee_refund_allocations',
      [
        { name: A.id.name, type: 'uuid', value: (r) => r.id },
        { name: A.collectionId.name, type: 'uuid', value: (r) => r.collectionId },
        { name: A.policyId.name, type: 'text', value: (r) => r.policyId },
        { name: A.runId.name, type: 'uuid', value: (r) => r.runId },
        { name: A.lineId.name, type: 'uuid', value: (r) => r.lineId },
        { name: A.regionCode.name, type: 'text', value: (r) => r.regionCode },
        { name: A.periodFrom.name, type: 'date', value: (r) => r.periodFrom },
        { name: A.periodTo.name, type: 'date', value: (r) => r.periodTo },
        { name: A.group.name, type: 'text', value: (r) => r.group },
        { name: A.collectedFen.name, type: 'int8', value: (r) => r.collectedFen },
        { name: A.returnedFen.name, type: 'int8', value: (r) => r.returnedFen },
        { name: A.heldFen.name, type: 'int8', value: (r) => r.heldFen },
        { name: A.retainedByLevel.name, type: 'jsonb', value: (r) => r.retainedByLevel },
        { name: A.retainedFen.name, type: 'int8', value: (r) => r.retainedFen },
        { name: A.notes.name, type: 'jsonb', value: (r) => r.notes },
      ] satisfies BulkColumn<AllocationInsert>[],
      sorted,
    );
  },
  async insertBatch(db: DbOrTx, batch: BatchInsert): Promise<BatchRow> {
    const [row] = await db.insert(feeRefundBatches).values(batch).returning();
    return row!;
  },
  async insertPayments(db: DbOrTx, payments: PaymentInsert[]) {
    const P = feeRefundPayments;
    const rows = payments.map((p) => ({ ...p, id: p.id ?? orderedId() }));
    await bulkInsert(
      db,
      'fee_refund_payments',
      [
        { name: P.id.name, type: 'uuid', value: (r) => r.id },
        { name: P.lineId.name, type: 'uuid', value: (r) => r.lineId },
        { name: P.batchId.name, type: 'uuid', value: (r) => r.batchId },
        { name: P.endToEndId.name, type: 'text', value: (r) => r.endToEndId },
        { name: P.amountFen.name, type: 'int8', value: (r) => r.amountFen },
        { name: P.creditorBankCode.name, type: 'text', value: (r) => r.creditorBankCode },
        { name: P.creditorAccountNo.name, type: 'text', value: (r) => r.creditorAccountNo },
        { name: P.creditorAccountName.name, type: 'text', value: (r) => r.creditorAccountName },
        { name: P.status.name, type: 'text', value: (r) => r.status },
      ] satisfies BulkColumn<(typeof rows)[number]>[],
      rows,
    );
  },
  async run(db: DbOrTx, id: string): Promise<RunRow | undefined> {
    const [row] = await db.select().from(feeRefundRuns).where(eq(feeRefundRuns.id, id));
    return row;
  },
  async runs(db: DbOrTx, scope: string | null, limit: number, offset: number) {
    const items = await db
      .select()
      .from(feeRefundRuns)
      .where(inRegion(feeRefundRuns.regionCode, scope))
      .orderBy(desc(feeRefundRuns.createdAt))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(feeRefundRuns)
      .where(inRegion(feeRefundRuns.regionCode, scope));
    return { items, total: count?.n ?? 0 };
  },
  /** Per run: lines and amounts by state (held, no_account). */
  async lineTotals(db: DbOrTx, runIds: string[]) {
    if (!runIds.length) return [];
    return db
      .select({
        runId: feeRefundLines.runId,
        state: feeRefundLines.state,
        lines: sql<number>`count(*)::int`,
        totalFen: sql<string>`sum(${feeRefundLines.amountFen})::text`,
      })
      .from(feeRefundLines)
      .where(inArray(feeRefundLines.runId, runIds))
      .groupBy(feeRefundLines.runId, feeRefundLines.state);
  },
  async batchesOfRuns(db: DbOrTx, runIds: string[]): Promise<BatchRow[]> {
    if (!runIds.length) return [];
    return db
      .select()
      .from(feeRefundBatches)
      .where(inArray(feeRefundBatches.runId, runIds))
      .orderBy(asc(feeRefundBatches.batchNo));
  },
  /** How many batches numbers start with the prefix (the next batch's serial). */
  async countBatchNumbers(db: DbOrTx, prefix: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(feeRefundBatches)
      .where(sql`${feeRefundBatches.batchNo} like ${prefix + '%'}`);
    return row?.n ?? 0;
  },
};
