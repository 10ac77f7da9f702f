import { and, asc, between, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inRegion } from '../../../core/scope.js';
import { feeCollections } from '../tables.js';
import {
  feeBankResults,
  feeRefundAllocations,
  feeRefundBatches,
  feeRefundLines,
  feeRefundPayments,
  feeRefundReminders,
} from './tables.js';
import type { LineRow, PaymentInsert } from './repository.js';

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
