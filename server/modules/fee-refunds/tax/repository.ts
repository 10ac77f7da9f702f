import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.js';
import { openCopy, type CopyWriter } from '../../../db/copy.js';
import { orderedIdOfRow } from '../../../db/ordered-id.js';
import { feeRefundAllocations } from '../runs/tables.js';
import { feeCollections, feeCollectionStaging } from '../tables.js';

/** The staging table's columns in the order `feeStagingRepo.copy` takes each line's fields. */
export const STAGING_COLUMNS = [
  'import_id',
  'row_no',
  'uscc',
  'taxpayer_name',
  'period_from',
  'period_to',
  'wage_base_fen',
  'rate_bp',
  'paid_fen',
  'e_ticket_no',
  'tax_office_name',
  'treasury_date',
  'region_code',
] as const;

/** The columns moved from staging into fee_collections (created_at takes its default). */
const MOVED = STAGING_COLUMNS.filter((c) => c !== 'row_no').join(', ');

/**
 * Each moved row's id is time-ordered (db/ordered-id.ts `orderedIdOfRow`): random ids scattered
 * the 336,000 inserts of a month's file over the whole primary-key index; ordered ones append to
 * its right edge, which took the key's upkeep from about 1.9 s to 0.9 s (and gen_random_uuid's
 * 0.4 s away).
 */
const orderedIdOf = (importId: string) => orderedIdOfRow(importId, sql`row_no`);

export const feeStagingRepo = {
  /** A COPY into the staging table; each line holds STAGING_COLUMNS' fields. */
  copy(db: Db): Promise<CopyWriter> {
    return openCopy(db, 'fee_collection_staging', STAGING_COLUMNS);
  },
  async discard(db: DbOrTx, importId: string) {
    await db.delete(feeCollectionStaging).where(eq(feeCollectionStaging.importId, importId));
  },
  async counts(db: DbOrTx, importId: string): Promise<{ rows: number; lastRowNo: number }> {
    const [row] = await db
      .select({
        rows: sql<number>`count(*)::int`,
        lastRowNo: sql<number>`coalesce(max(${feeCollectionStaging.rowNo}), 0)::int`,
      })
      .from(feeCollectionStaging)
      .where(eq(feeCollectionStaging.importId, importId));
    return { rows: row?.rows ?? 0, lastRowNo: row?.lastRowNo ?? 0 };
  },
  /**
   * Inserts the staged rows numbered in (after, upTo] in file order; a row with the e-ticket
   * number and period of a stored one (an earlier import, or an earlier row of the file) is
   * skipped by the unique constraint. Answers how many went in.
   */
  async moveToCollections(db: DbOrTx, importId: string, after: number, upTo: number): Promise<number> {
    const result = await db.execute<{ n: number }>(sql`
      with moved as (
        insert into fee_collections (id, ${sql.raw(MOVED)})
        select ${orderedIdOf(importId)}, ${sql.raw(MOVED)} from fee_collection_staging
        where import_id = ${importId}::uuid and row_no > ${after} and row_no <= ${upTo}
        order by row_no
        on conflict (e_ticket_no, period_from, period_to) do nothing
        returning 1
      )
      select count(*)::int as n from moved`);
    const rows = (result as { rows: { n: number }[] }).rows;
    return Number(rows[0]?.n ?? 0);
  },
};

export type FeeCollectionInsert = typeof feeCollections.$inferInsert;

/** 15 parameters a row: a few hundred rows per statement stay far below the protocol's limit. */
const INSERT_CHUNK = 500;

export const feeCollectionRepo = {
  /**
   * Inserts the rows the database does not hold yet (the demo data's path; an upload takes the
   * staging table): a row with the e-ticket number and period of a stored one is skipped.
   * Answers how many went in.
   */
  async insertNew(db: DbOrTx, rows: FeeCollectionInsert[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const ids = await db
        .insert(feeCollections)
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflictDoNothing({
          target: [feeCollections.eTicketNo, feeCollections.periodFrom, feeCollections.periodTo],
        })
        .returning({ id: feeCollections.id });
      inserted += ids.length;
    }
    return inserted;
  },
  /** Deletes every collection an import stored; answers how many went. */
  async deleteOfImport(db: DbOrTx, importId: string): Promise<number> {
    const result = await db.execute<{ n: number }>(sql`
      with gone as (delete from fee_collections where import_id = ${importId}::uuid returning 1)
      select count(*)::int as n from gone`);
    return Number((result as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  },
  /** How many collections of an import a refund run has computed (they cannot be taken out any more). */
  async computedOfImport(db: DbOrTx, importId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${feeRefundAllocations.collectionId})::int` })
      .from(feeRefundAllocations)
      .innerJoin(feeCollections, eq(feeCollections.id, feeRefundAllocations.collectionId))
      .where(eq(feeCollections.importId, importId));
    return row?.n ?? 0;
  },
  /** The tax office names of computed collections that reached the treasury on these dates. */
  async computedOfficesOn(db: DbOrTx, dates: string[]): Promise<{ name: string; date: string }[]> {
    if (!dates.length) return [];
    return db
      .selectDistinct({ name: feeCollections.taxOfficeName, date: feeCollections.treasuryDate })
      .from(feeCollections)
      .innerJoin(feeRefundAllocations, eq(feeRefundAllocations.collectionId, feeCollections.id))
      .where(sql`${feeCollections.treasuryDate} = any(${sql.param(dates)}::date[])`);
  },
};
