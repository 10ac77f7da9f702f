import { and, asc, between, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { bulkInsert, type BulkColumn } from '../../../db/bulk.js';
import type { DbOrTx } from '../../../db/client.js';
import { orderedId } from '../../../db/ordered-id.js';
import { inRegion } from '../../../core/scope.js';
import { employers } from '../../employers/tables.js';
import { regions } from '../../regions/tables.js';
import { feeCollections, feeEnterprises } from '../tables.js';
import type { PayingAccount, PlanCollection, PlanEnterprise, UnionAccounts } from './plan.js';
import {
  feeBankResults,
  feePayingAccounts,
  feePooledAccounts,
  feeRefundAllocations,
  feeRefundApprovals,
  feeRefundBatches,
  feeRefundLines,
  feeRefundPayments,
  feeRefundReminders,
  feeRefundRuns,
} from './tables.js';

export type RunRow = typeof feeRefundRuns.$inferSelect;
export type LineRow = typeof feeRefundLines.$inferSelect;
export type LineInsert = typeof feeRefundLines.$inferInsert;
export type AllocationInsert = typeof feeRefundAllocations.$inferInsert;
export type BatchRow = typeof feeRefundBatches.$inferSelect;
export type BatchInsert = typeof feeRefundBatches.$inferInsert;
export type PaymentRow = typeof feeRefundPayments.$inferSelect;
export type PaymentInsert = typeof feeRefundPayments.$inferInsert;

/** The union's own accounts: the paying accounts and the county federations' pooled accounts. */
function unionAccountRepo(table: typeof feePayingAccounts | typeof feePooledAccounts) {
  return {
    async all(db: DbOrTx): Promise<PayingAccount[]> {
      return db
        .select({
          regionCode: table.regionCode,
          bankCode: table.bankCode,
          accountNo: table.accountNo,
          accountName: table.accountName,
        })
        .from(table)
        .orderBy(asc(table.regionCode));
    },
    async upsert(db: DbOrTx, account: PayingAccount, now: Date) {
      await db
        .insert(table)
        .values({ ...account, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: table.regionCode,
          set: {
            bankCode: account.bankCode,
            accountNo: account.accountNo,
            accountName: account.accountName,
            updatedAt: now,
            version: sql`${table.version} + 1`,
          },
        });
    },
  };
}

export const payingAccountRepo = unionAccountRepo(feePayingAccounts);
export const pooledAccountRepo = unionAccountRepo(feePooledAccounts);

/** Both kinds of the union's accounts by region code, as a run and a re-batch read them. */
export async function unionAccounts(db: DbOrTx): Promise<UnionAccounts> {
  const [paying, pooled] = await Promise.all([payingAccountRepo.all(db), pooledAccountRepo.all(db)]);
  return {
    paying: new Map(paying.map((a) => [a.regionCode, a])),
    pooled: new Map(pooled.map((a) => [a.regionCode, a])),
  };
}

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
   * The ledger rows, in the order of their collections: the primary key and the foreign key's
   * look-ups into fee_collections then walk their btrees page after page.
   */
  async insertAllocations(db: DbOrTx, rows: AllocationInsert[]) {
    const A = feeRefundAllocations;
    const sorted = [...rows].sort((a, b) =>
      a.collectionId < b.collectionId ? -1 : a.collectionId > b.collectionId ? 1 : a.policyId < b.policyId ? -1 : 1,
    );
    await bulkInsert(
      db,
      'fee_refund_allocations',
      [
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

export const batchRepo = {
  async get(db: DbOrTx, id: string): Promise<BatchRow | undefined> {
    const [row] = await db.select().from(feeRefundBatches).where(eq(feeRefundBatches.id, id));
    return row;
  },
  async lockGet(db: DbOrTx, id: string): Promise<BatchRow | undefined> {
    const [row] = await db.select().from(feeRefundBatches).where(eq(feeRefundBatches.id, id)).for('update');
    return row;
  },
  async list(db: DbOrTx, scope: string | null, status: string | undefined, limit: number, offset: number) {
    const where = and(
      inRegion(feeRefundBatches.regionCode, scope),
      status ? eq(feeRefundBatches.status, status as BatchRow['status']) : undefined,
    );
    const items = await db
      .select()
      .from(feeRefundBatches)
      .where(where)
      .orderBy(desc(feeRefundBatches.createdAt), asc(feeRefundBatches.batchNo))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(feeRefundBatches)
      .where(where);
    return { items, total: count?.n ?? 0 };
  },
  /** Moves a batch on from `from` to `to`, only while it is in `from` and at `version`. */
  async move(db: DbOrTx, id: string, version: number, from: BatchRow['status'], set: Partial<BatchInsert>) {
    const rows = await db
      .update(feeRefundBatches)
      .set({ ...set, version: version + 1 })
      .where(and(eq(feeRefundBatches.id, id), eq(feeRefundBatches.status, from), eq(feeRefundBatches.version, version)))
      .returning();
    return rows[0];
  },
  async insertApproval(db: DbOrTx, row: typeof feeRefundApprovals.$inferInsert) {
    await db.insert(feeRefundApprovals).values(row);
  },
  async markSent(db: DbOrTx, id: string, now: Date) {
    await db
      .update(feeRefundBatches)
      .set({ fileFirstSentAt: now })
      .where(and(eq(feeRefundBatches.id, id), sql`${feeRefundBatches.fileFirstSentAt} is null`));
  },
  /** What the payment file writes of the batch's payments, in EndToEndId order. */
  async payments(db: DbOrTx, batchId: string) {
    return db
      .select({
        endToEndId: feeRefundPayments.endToEndId,
        amountFen: feeRefundPayments.amountFen,
        creditorBankCode: feeRefundPayments.creditorBankCode,
        creditorAccountNo: feeRefundPayments.creditorAccountNo,
        creditorAccountName: feeRefundPayments.creditorAccountName,
        month: feeRefundLines.month,
        uscc: feeRefundLines.uscc,
        destination: feeRefundLines.destination,
      })
      .from(feeRefundPayments)
      .innerJoin(feeRefundLines, eq(feeRefundLines.id, feeRefundPayments.lineId))
      .where(eq(feeRefundPayments.batchId, batchId))
      .orderBy(asc(feeRefundPayments.endToEndId));
  },
  async settledCounts(db: DbOrTx, batchIds: string[]) {
    if (!batchIds.length) return [];
    return db
      .select({
        batchId: feeRefundPayments.batchId,
        status: feeRefundPayments.status,
        n: sql<number>`count(*)::int`,
      })
      .from(feeRefundPayments)
      .where(inArray(feeRefundPayments.batchId, batchIds))
      .groupBy(feeRefundPayments.batchId, feeRefundPayments.status);
  },
  async runMonth(db: DbOrTx, runIds: string[]) {
    if (!runIds.length) return new Map<string, string>();
    const rows = await db
      .select({ id: feeRefundRuns.id, month: feeRefundRuns.month })
      .from(feeRefundRuns)
      .where(inArray(feeRefundRuns.id, runIds));
    return new Map(rows.map((r) => [r.id, r.month]));
  },
};

export interface LineFilter {
  scope: string | null;
  uscc?: string;
  regionCode?: string;
  state?: LineRow['state'];
  runId?: string;
  batchId?: string;
  /** Due before this day and not paid (overdue: today; at risk: a week ahead). */
  dueBefore?: string;
  /** With dueBefore: due on or after this day (at risk: not overdue yet). */
  dueFrom?: string;
}

function lineWhere(f: LineFilter) {
  return and(
    inRegion(feeRefundLines.regionCode, f.scope),
    inRegion(feeRefundLines.regionCode, f.regionCode),
    f.uscc ? eq(feeRefundLines.uscc, f.uscc) : undefined,
    f.state ? eq(feeRefundLines.state, f.state) : undefined,
    f.runId ? eq(feeRefundLines.runId, f.runId) : undefined,
    f.batchId
      ? sql`exists (select 1 from ${feeRefundPayments} where ${feeRefundPayments.lineId} = ${feeRefundLines.id} and ${feeRefundPayments.batchId} = ${f.batchId})`
      : undefined,
    f.dueBefore
      ? and(
          sql`${feeRefundLines.dueOn} < ${f.dueBefore}`,
          inArray(feeRefundLines.state, ['no_account', 'in_batch', 'returned']),
        )
      : undefined,
    f.dueFrom ? sql`${feeRefundLines.dueOn} >= ${f.dueFrom}` : undefined,
  );
}

export const lineRepo = {
  async list(db: DbOrTx, f: LineFilter, limit: number, offset: number) {
    const items = await db
      .select()
      .from(feeRefundLines)
      .where(lineWhere(f))
      .orderBy(
        ...(f.dueBefore
          ? [asc(feeRefundLines.dueOn), asc(feeRefundLines.uscc)]
          : [desc(feeRefundLines.month), asc(feeRefundLines.uscc)]),
        asc(feeRefundLines.id),
      )
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(feeRefundLines)
      .where(lineWhere(f));
    return { items, total: count?.n ?? 0 };
  },
  async paymentsOf(db: DbOrTx, lineIds: string[]) {
    if (!lineIds.length) return [];
    return db
      .select({ payment: feeRefundPayments, batchNo: feeRefundBatches.batchNo })
      .from(feeRefundPayments)
      .innerJoin(feeRefundBatches, eq(feeRefundBatches.id, feeRefundPayments.batchId))
      .where(inArray(feeRefundPayments.lineId, lineIds))
      .orderBy(asc(feeRefundPayments.endToEndId));
  },
};

export const settlementRepo = {
  /**
   * The payments a bank file names, by EndToEndId or by their batch's number (a status for a
   * whole message), locked for the settlement, with their batch.
   */
  async lockNamed(db: DbOrTx, endToEndIds: string[], batchNos: string[]) {
    if (!endToEndIds.length && !batchNos.length) return [];
    return db
      .select({ payment: feeRefundPayments, batch: feeRefundBatches, destination: feeRefundLines.destination })
      .from(feeRefundPayments)
      .innerJoin(feeRefundBatches, eq(feeRefundBatches.id, feeRefundPayments.batchId))
      .innerJoin(feeRefundLines, eq(feeRefundLines.id, feeRefundPayments.lineId))
      .where(
        sql`${feeRefundPayments.endToEndId} = any(${sql.param(endToEndIds)}::text[])
          or ${feeRefundBatches.batchNo} = any(${sql.param(batchNos)}::text[])`,
      )
      .orderBy(asc(feeRefundPayments.endToEndId))
      .for('update', { of: feeRefundPayments });
  },
  async settle(
    db: DbOrTx,
    ids: string[],
    set: Pick<PaymentInsert, 'status' | 'reasonCode' | 'reasonText' | 'settledAt' | 'resultId'>,
  ) {
    for (let i = 0; i < ids.length; i += 5000)
      await db
        .update(feeRefundPayments)
        .set(set)
        .where(inArray(feeRefundPayments.id, ids.slice(i, i + 5000)));
  },
  async setLineState(db: DbOrTx, lineIds: string[], state: LineRow['state'], paidOn: string | null, now: Date) {
    for (let i = 0; i < lineIds.length; i += 5000)
      await db
        .update(feeRefundLines)
        .set({ state, paidOn, updatedAt: now, version: sql`${feeRefundLines.version} + 1` })
        .where(inArray(feeRefundLines.id, lineIds.slice(i, i + 5000)));
  },
  /** Approved batches with no payment still out become closed. */
  async closeSettled(db: DbOrTx, batchIds: string[], now: Date) {
    if (!batchIds.length) return;
    await db
      .update(feeRefundBatches)
      .set({ status: 'closed', updatedAt: now, version: sql`${feeRefundBatches.version} + 1` })
      .where(
        and(
          inArray(feeRefundBatches.id, batchIds),
          eq(feeRefundBatches.status, 'approved'),
          notExists(
            db
              .select({ one: sql`1` })
              .from(feeRefundPayments)
              .where(and(eq(feeRefundPayments.batchId, feeRefundBatches.id), eq(feeRefundPayments.status, 'out'))),
          ),
        ),
      );
  },
  /** Lines waiting for an account (returned, or never had one) in the region, with their last payment's account. */
  async waitingLines(db: DbOrTx, regionCode: string, month: string | undefined) {
    return db
      .select()
      .from(feeRefundLines)
      .where(
        and(
          inRegion(feeRefundLines.regionCode, regionCode),
          inArray(feeRefundLines.state, ['returned', 'no_account']),
          month ? eq(feeRefundLines.month, month) : undefined,
        ),
      )
      .orderBy(asc(feeRefundLines.runId), asc(feeRefundLines.uscc))
      .for('update');
  },
  async lastReturned(db: DbOrTx, lineIds: string[]) {
    if (!lineIds.length) return [];
    return db
      .select({ lineId: feeRefundPayments.lineId, accountNo: feeRefundPayments.creditorAccountNo })
      .from(feeRefundPayments)
      .where(and(inArray(feeRefundPayments.lineId, lineIds), eq(feeRefundPayments.status, 'returned')));
  },
  async setLineCreditor(
    db: DbOrTx,
    lineId: string,
    creditor: { bankCode: string; accountNo: string; accountName: string },
    payingRegionCode: string,
    now: Date,
  ) {
    await db
      .update(feeRefundLines)
      .set({
        creditorBankCode: creditor.bankCode,
        creditorAccountNo: creditor.accountNo,
        creditorAccountName: creditor.accountName,
        payingRegionCode,
        state: 'in_batch',
        updatedAt: now,
        version: sql`${feeRefundLines.version} + 1`,
      })
      .where(eq(feeRefundLines.id, lineId));
  },
};

/** The sums of the balance identity over a region's collections of a year (each part its own query). */
export const balanceRepo = {
  async collected(db: DbOrTx, regionCode: string, from: string, to: string) {
    const [row] = await db
      .select({ fen: sql<string>`coalesce(sum(${feeCollections.paidFen}), 0)::text` })
      .from(feeCollections)
      .where(and(inRegion(feeCollections.regionCode, regionCode), between(feeCollections.treasuryDate, from, to)));
    return BigInt(row?.fen ?? '0');
  },
  async uncomputed(db: DbOrTx, regionCode: string, from: string, to: string) {
    const [row] = await db
      .select({ fen: sql<string>`coalesce(sum(${feeCollections.paidFen}), 0)::text` })
      .from(feeCollections)
      .where(
        and(
          inRegion(feeCollections.regionCode, regionCode),
          between(feeCollections.treasuryDate, from, to),
          notExists(
            db
              .select({ one: sql`1` })
              .from(feeRefundAllocations)
              .where(eq(feeRefundAllocations.collectionId, feeCollections.id)),
          ),
        ),
      );
    return BigInt(row?.fen ?? '0');
  },
  /** The ledger of the computed collections: returned (paid or not), held, retained per level. */
  async ledger(db: DbOrTx, regionCode: string, from: string, to: string) {
    const level = (name: string) =>
      sql<string>`coalesce(sum((${feeRefundAllocations.retainedByLevel} ->> ${name})::bigint), 0)::text`;
    const [row] = await db
      .select({
        paid: sql<string>`coalesce(sum(${feeRefundAllocations.returnedFen}) filter (where ${feeRefundLines.state} = 'paid'), 0)::text`,
        unpaid: sql<string>`coalesce(sum(${feeRefundAllocations.returnedFen}) filter (where ${feeRefundLines.state} is distinct from 'paid'), 0)::text`,
        held: sql<string>`coalesce(sum(${feeRefundAllocations.heldFen}), 0)::text`,
        retained: sql<string>`coalesce(sum(${feeRefundAllocations.retainedFen}), 0)::text`,
        grassroots: level('grassroots'),
        county: level('county'),
        city: level('city'),
        provincial: level('provincial'),
        national: level('national'),
      })
      .from(feeRefundAllocations)
      .innerJoin(feeCollections, eq(feeCollections.id, feeRefundAllocations.collectionId))
      .leftJoin(feeRefundLines, eq(feeRefundLines.id, feeRefundAllocations.lineId))
      .where(and(inRegion(feeCollections.regionCode, regionCode), between(feeCollections.treasuryDate, from, to)));
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, BigInt(v)])) as Record<
      'paid' | 'unpaid' | 'held' | 'retained' | 'grassroots' | 'county' | 'city' | 'provincial' | 'national',
      bigint
    >;
  },
};

export const deadlineRepo = {
  /** Due lines not paid, per county: overdue (due before `today`) and at risk (due before `soon`). */
  async byCounty(db: DbOrTx, today: string, soon: string) {
    return db
      .select({
        regionCode: feeRefundLines.regionCode,
        overdue: sql<number>`count(*) filter (where ${feeRefundLines.dueOn} < ${today})::int`,
        atRisk: sql<number>`count(*) filter (where ${feeRefundLines.dueOn} >= ${today})::int`,
      })
      .from(feeRefundLines)
      .where(
        and(
          inArray(feeRefundLines.state, ['no_account', 'in_batch', 'returned']),
          sql`${feeRefundLines.dueOn} < ${soon}`,
        ),
      )
      .groupBy(feeRefundLines.regionCode);
  },
  /** Records today's reminder of an account; false when one was recorded already. */
  async record(db: DbOrTx, row: typeof feeRefundReminders.$inferInsert): Promise<boolean> {
    const inserted = await db
      .insert(feeRefundReminders)
      .values(row)
      .onConflictDoNothing()
      .returning({ day: feeRefundReminders.day });
    return inserted.length > 0;
  },
};

export const bankResultRepo = {
  async insert(db: DbOrTx, row: typeof feeBankResults.$inferInsert): Promise<string> {
    const [inserted] = await db.insert(feeBankResults).values(row).returning({ id: feeBankResults.id });
    return inserted!.id;
  },
  async setCounts(db: DbOrTx, id: string, counts: Record<string, number>) {
    await db.update(feeBankResults).set({ counts }).where(eq(feeBankResults.id, id));
  },
};
