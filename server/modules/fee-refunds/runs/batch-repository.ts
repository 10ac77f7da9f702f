import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inRegion } from '../../../core/scope.js';
import { feeRefundApprovals, feeRefundBatches, feeRefundLines, feeRefundPayments, feeRefundRuns } from './tables.js';
import type { BatchInsert, BatchRow, LineRow } from './repository.js';

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
