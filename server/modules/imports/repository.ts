import { and, asc, desc, eq, gt, inArray, isNull, lt, not, sql, type SQL } from 'drizzle-orm';
import type { RowError } from '../../../contracts/imports.js';
import { inRegion } from '../../core/scope.js';
import { bulkInsert, type BulkColumn } from '../../db/bulk.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { importChanges, importChunks, importRows, imports, type ImportChange } from './tables.js';

export type ImportRow = typeof imports.$inferSelect;
export type ImportInsert = typeof imports.$inferInsert;

/** Bytes of a stored piece read back at a time (hex text under V8's 128 KB large-object size). */
const CHUNK_SLICE = 48 * 1024;

/** An upload still arriving carries this in place of its hash: it is not an import yet. */
export const RECEIVING = 'receiving-';

export interface StagingRow {
  rowNo: number;
  naturalKey: string | null;
  data: Record<string, unknown> | null;
  errors: RowError[] | null;
  cells: string[] | null;
}

export const importRepo = {
  /** PGlite runs one statement at a time: a write outside an open transaction would wait for it. */
  isEmbedded(db: Db): boolean {
    return !('totalCount' in (db as unknown as { $client: object }).$client);
  },
  async insert(db: DbOrTx, values: ImportInsert) {
    const [row] = await db.insert(imports).values(values).returning();
    return row!;
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db.select().from(imports).where(eq(imports.id, id));
    return row ?? null;
  },
  /** The live import of this file with these options (not failed, not rolled back), if any. */
  async byFile(db: DbOrTx, kind: string, sha256: string, acceptWarnings: boolean) {
    const [row] = await db
      .select()
      .from(imports)
      .where(
        and(
          eq(imports.kind, kind),
          eq(imports.sha256, sha256),
          sql`(${imports.options}->>'acceptWarnings') = ${String(acceptWarnings)}`,
          not(inArray(imports.status, ['failed', 'rolled_back'])),
        ),
      );
    return row ?? null;
  },
  async list(db: DbOrTx, f: { kind: string; scope: string | null }, limit: number, offset: number) {
    const where: SQL | undefined = and(
      eq(imports.kind, f.kind),
      not(sql`${imports.sha256} like ${`${RECEIVING}%`}`),
      f.scope ? inRegion(imports.regionCode, f.scope) : undefined,
    );
    const items = await db
      .select()
      .from(imports)
      .where(where)
      .orderBy(desc(imports.createdAt), desc(imports.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(imports)
      .where(where);
    return { items, total: count?.n ?? 0 };
  },
  async update(db: DbOrTx, id: string, values: Partial<ImportInsert>) {
    const [row] = await db.update(imports).set(values).where(eq(imports.id, id)).returning();
    return row ?? null;
  },
  /** Moves an import on only from one of `from` (null: it was elsewhere, e.g. taken by a concurrent request). */
  async move(db: DbOrTx, id: string, from: ImportRow['status'][], values: Partial<ImportInsert>) {
    const [row] = await db
      .update(imports)
      .set(values)
      .where(and(eq(imports.id, id), inArray(imports.status, from)))
      .returning();
    return row ?? null;
  },
  async remove(db: DbOrTx, id: string) {
    await db.delete(imports).where(eq(imports.id, id));
  },

  // ---- the file's bytes ----
  async insertChunk(db: DbOrTx, importId: string, seq: number, content: Buffer) {
    await db.insert(importChunks).values({ importId, seq, content });
  },
  /**
   * A stored piece of the file in slices of CHUNK_SLICE bytes (empty when there is no such piece).
   * PostgreSQL sends bytea as hex text: a whole 1 MB piece would arrive as a 2 MB string, which
   * V8 puts straight into its old generation; slices of 48 KB stay young and die young.
   */
  async chunkSlices(db: DbOrTx, importId: string, seq: number): Promise<Buffer[]> {
    const result = await db.execute(sql`
      select substring(c.content from s.at for ${CHUNK_SLICE}) as piece
      from ${importChunks} c, generate_series(1, length(c.content), ${CHUNK_SLICE}) as s(at)
      where c.import_id = ${importId} and c.seq = ${seq}
      order by s.at`);
    return (result as { rows: { piece: Uint8Array }[] }).rows.map((r) =>
      Buffer.from(r.piece.buffer, r.piece.byteOffset, r.piece.byteLength),
    );
  },
  async deleteChunks(db: DbOrTx, importId: string) {
    await db.delete(importChunks).where(eq(importChunks.importId, importId));
  },

  /** Checked imports left uncommitted since before `before`, oldest first (the expiry's work list). */
  async validatedBefore(db: DbOrTx, before: Date, limit: number) {
    return db
      .select({ id: imports.id, kind: imports.kind, regionCode: imports.regionCode, filename: imports.filename })
      .from(imports)
      .where(and(eq(imports.status, 'validated'), lt(imports.updatedAt, before)))
      .orderBy(asc(imports.updatedAt))
      .limit(limit);
  },

  // ---- staging ----
  async deleteRows(db: DbOrTx, importId: string) {
    await db.delete(importRows).where(eq(importRows.importId, importId));
  },
  /** The staged rows that passed (a discarded import keeps only its rejected rows and their reasons). */
  async deleteAcceptedRows(db: DbOrTx, importId: string) {
    await db.delete(importRows).where(and(eq(importRows.importId, importId), isNull(importRows.errors)));
  },
  /**
   * One batch of staged rows: a COPY on PostgreSQL (in its own short transaction, as COPY needs
   * the connection), unnest inserts on PGlite (db/bulk.ts).
   */
  async insertRows(db: DbOrTx, importId: string, rows: StagingRow[]) {
    if (!rows.length) return;
    const R = importRows;
    await db.transaction(async (tx) =>
      bulkInsert(
        tx,
        'import_rows',
        [
          { name: R.importId.name, type: 'uuid', value: () => importId },
          { name: R.rowNo.name, type: 'int4', value: (r) => r.rowNo },
          { name: R.naturalKey.name, type: 'text', value: (r) => r.naturalKey },
          { name: R.data.name, type: 'jsonb', value: (r) => r.data },
          { name: R.errors.name, type: 'jsonb', value: (r) => r.errors },
          { name: R.cells.name, type: 'jsonb', value: (r) => r.cells },
        ] satisfies BulkColumn<StagingRow>[],
        rows,
      ),
    );
  },
  /**
   * Rejects every row whose natural key an earlier row of the file has, naming that row: one
   * statement that sorts the staged keys (a file of millions needs no set of keys in memory).
   */
  async markDuplicates(
    db: DbOrTx,
    importId: string,
    field: string | null,
    text: { zh: [string, string]; en: [string, string] },
  ) {
    // The rows were just written: without fresh statistics the planner took the import for a row
    // or two and joined by nested loop, running the window once per row (5,000 rows: 9.6 s, every
    // row a duplicate: worse). Statistics first (a sample, ~10 ms), and the duplicates computed
    // once (MATERIALIZED), then joined to their rows: 5,000 rows in ~40 ms whatever repeats.
    await db.execute(sql`analyze import_rows`);
    await db.execute(sql`
      with d as materialized (
        select row_no, first_row from (
          select row_no, first_value(row_no) over w as first_row, row_number() over w as n
          from import_rows where import_id = ${importId}::uuid and natural_key is not null
          window w as (partition by natural_key order by row_no)
        ) numbered where n > 1
      )
      update import_rows r
      set errors = jsonb_build_array(jsonb_build_object('row', r.row_no, 'field', ${field}::text,
        'zh', ${text.zh[0]}::text || d.first_row || ${text.zh[1]}::text,
        'en', ${text.en[0]}::text || d.first_row || ${text.en[1]}::text))
      from d
      where r.import_id = ${importId}::uuid and r.row_no = d.row_no and r.errors is null`);
  },
  async stagedCounts(db: DbOrTx, importId: string) {
    const [row] = await db
      .select({
        total: sql<number>`count(*)::int`,
        rejected: sql<number>`(count(*) filter (where ${importRows.errors} is not null))::int`,
      })
      .from(importRows)
      .where(eq(importRows.importId, importId));
    return { total: row?.total ?? 0, rejected: row?.rejected ?? 0 };
  },
  /** Accepted rows after row `afterRowNo`, in file order. */
  async acceptedRows(db: DbOrTx, importId: string, afterRowNo: number, limit: number) {
    return db
      .select({ rowNo: importRows.rowNo, data: importRows.data })
      .from(importRows)
      .where(and(eq(importRows.importId, importId), isNull(importRows.errors), gt(importRows.rowNo, afterRowNo)))
      .orderBy(asc(importRows.rowNo))
      .limit(limit);
  },
  async rejectedRows(db: DbOrTx, importId: string, afterRowNo: number, limit: number) {
    return db
      .select({ rowNo: importRows.rowNo, errors: importRows.errors, cells: importRows.cells, data: importRows.data })
      .from(importRows)
      .where(
        and(eq(importRows.importId, importId), sql`${importRows.errors} is not null`, gt(importRows.rowNo, afterRowNo)),
      )
      .orderBy(asc(importRows.rowNo))
      .limit(limit);
  },

  // ---- what a commit changed ----
  /** One row per committed batch (thousands of changes in one jsonb), not one per record. */
  async insertChanges(db: DbOrTx, importId: string, seq: number, changes: ImportChange[]) {
    if (changes.length) await db.insert(importChanges).values({ importId, seq, changes });
  },
  /** The changes of the batch after `afterSeq`, or null after the last. */
  async nextChanges(db: DbOrTx, importId: string, afterSeq: number) {
    const [row] = await db
      .select({ seq: importChanges.seq, changes: importChanges.changes })
      .from(importChanges)
      .where(and(eq(importChanges.importId, importId), gt(importChanges.seq, afterSeq)))
      .orderBy(asc(importChanges.seq))
      .limit(1);
    return row ?? null;
  },
};
