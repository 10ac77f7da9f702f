import type { z } from 'zod';
import type { Permission } from '../../../contracts/roles.js';
import type { BilingualText, RowError } from '../../../contracts/imports.js';
import type { Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import type { DbOrTx, Tx } from '../../db/client.js';

export interface ImportColumn {
  key: string;
  /** Header texts that name this column: the first is the template's; matched ignoring case and spaces. */
  headers: string[];
  required?: boolean;
}

/** What a kind's checks and writes know about the import they serve. */
export interface ImportRun {
  importId: string;
  /** The importer's region scope (null: the whole country). */
  regionCode: string | null;
  /** The user chose to keep rows that fail only a check they may accept. */
  acceptWarnings: boolean;
  /** The importer (validation) or the committer (commit, rollback), for audit records. */
  ctx: Ctx;
}

export interface StagedRow<R> {
  rowNo: number;
  row: R;
}

export interface CommitOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Every record the batch created (before: null) or changed (before: the record as it was). */
  changes: { entityId: string; before: Record<string, unknown> | null }[];
}

/** Where a validation puts a bulk lane's accepted rows, batch after batch (see `ImportBulkLane`). */
export interface BulkStager<R> {
  /** Takes a batch in file order; may answer before the database has stored it (pipelined). */
  write(rows: StagedRow<R>[]): Promise<void>;
  /** Waits until every row written is stored. */
  end(): Promise<void>;
  /** Gives up (the validation failed); the pipeline then calls `discard`. */
  abort(): Promise<void>;
}

/**
 * The fast lane of a kind whose records are only ever added (facts such as tax collections),
 * never updated: the accepted rows are not staged as JSON in import_rows but in the owner's typed
 * staging table (PostgreSQL: COPY, streamed while the file is read), the commit moves them into
 * the records with one `INSERT … SELECT … ON CONFLICT DO NOTHING` per large chunk, and every
 * record carries its import, so rollback deletes by import (no import_changes). Rejected rows
 * still go to import_rows with their reasons and cells (the errors list and download are the same).
 */
export interface ImportBulkLane<R> {
  /** Opens the staging of an import's accepted rows (the validation deletes earlier ones first). */
  stager(deps: Deps, run: ImportRun): Promise<BulkStager<R>>;
  /** Deletes the import's staged rows (a retried validation, a failure, or after the commit). */
  discard(deps: Deps, db: DbOrTx, importId: string): Promise<void>;
  /** How many rows are staged and the last row number, so the commit can cut it in chunks. */
  staged(deps: Deps, db: DbOrTx, importId: string): Promise<{ rows: number; lastRowNo: number }>;
  /**
   * Moves the staged rows numbered in (afterRowNo, upToRowNo] into the records, in file order,
   * inside the commit's transaction; answers how many were new (the rest are duplicates).
   */
  commitChunk(deps: Deps, tx: Tx, run: ImportRun, afterRowNo: number, upToRowNo: number): Promise<number>;
  /**
   * Deletes every record of the import (and what it registered elsewhere, unless changed after
   * `committedAt`); CONFLICT (undoing the whole rollback) when one is in use.
   */
  rollback(deps: Deps, tx: Tx, run: ImportRun, committedAt: Date): Promise<void>;
  /**
   * A kind whose repeated keys are rejected (the default `repeatedKeys`) must give this: after the
   * file is staged, takes out of the staging up to `limit` rows whose natural key an earlier staged
   * row has, each with that first row's number and its values by column key (for the rejected-rows
   * workbook, as a usual-lane duplicate keeps its parsed row); found by sorting in the database.
   * The pipeline calls it until it answers none and stores them as rejected rows.
   */
  takeRepeated?(deps: Deps, db: DbOrTx, importId: string, limit: number): Promise<RepeatedRow[]>;
  /**
   * A kind that moved to this lane from the usual one: undoes, a batch at a time after `rollback`,
   * the changes an import committed by the usual lane recorded (import_changes).
   */
  rollbackRecorded?(
    deps: Deps,
    tx: Tx,
    run: ImportRun,
    changes: CommitOutcome['changes'],
    committedAt: Date,
  ): Promise<void>;
}

/** A staged row whose natural key an earlier row of the file has (`ImportBulkLane.takeRepeated`). */
export interface RepeatedRow {
  rowNo: number;
  firstRowNo: number;
  data: Record<string, unknown>;
}

interface ImportKindBase<R> {
  kind: string;
  title: BilingualText;
  /** Who may import this kind (and see its imports). */
  permission: Permission;
  /** The columns; the first one holds the natural key (named in the duplicate-row message). */
  columns: ImportColumn[];
  /** Parses one row: the cells by column key, trimmed, blank cells absent. */
  rowSchema: z.ZodType<R>;
  /** The key that identifies a record across files: a second row with the same key is rejected. */
  naturalKey(row: R): string;
  /**
   * What a key seen earlier in the file makes of the later row: rejected, naming the first
   * (the default), or passed on to `commit`, which counts it as unchanged (the tax data: the
   * same collection sent twice is a duplicate, not an error).
   */
  repeatedKeys?: 'rejected' | 'committed_as_duplicates';
  /** The checks that need the database or the importer's scope, a batch at a time. */
  checkRows?(deps: Deps, run: ImportRun, rows: StagedRow<R>[]): Promise<RowError[]>;
}

/** The usual lane: rows staged as JSON, committed in batches, each change recorded for rollback. */
interface RowLane<R> {
  bulk?: undefined;
  /** Inserts new records and updates changed ones (by natural key); unchanged rows change nothing. */
  commit(deps: Deps, tx: Tx, run: ImportRun, rows: StagedRow<R>[]): Promise<CommitOutcome>;
  /**
   * Undoes a batch of a commit's changes: deletes what it created, restores the before-images.
   * Throws a CONFLICT AppError (which undoes the whole rollback) when a record is used elsewhere
   * or was changed since.
   */
  rollback(deps: Deps, tx: Tx, run: ImportRun, changes: CommitOutcome['changes'], committedAt: Date): Promise<void>;
}

/** The fast lane (`ImportBulkLane`): a kind declares it instead of `commit` and `rollback`. */
interface BulkLane<R> {
  bulk: ImportBulkLane<R>;
  commit?: undefined;
  rollback?: undefined;
}

/**
 * One kind of bulk upload, defined by the module that owns the records: the imports module
 * reads, checks and stages the file and calls `commit`/`rollback` (or the `bulk` lane's
 * functions), which write through the owner's repository. Rows are handed over in batches of a
 * few thousand, inside one transaction.
 */
export type ImportKind<R = Record<string, unknown>> = ImportKindBase<R> & (RowLane<R> | BulkLane<R>);

/** A kind as the pipeline holds it: rows pass from `rowSchema` to `commit` unopened. */
export type AnyImportKind = ImportKind<Record<string, unknown>>;

/** Typed against its own row shape where it is written; erased for the pipeline's list of kinds. */
export function defineImportKind<R>(kind: ImportKind<R>): AnyImportKind {
  if (kind.bulk && kind.repeatedKeys !== 'committed_as_duplicates' && !kind.bulk.takeRepeated)
    throw new Error(`import kind ${kind.kind}: a bulk lane rejecting repeated keys needs takeRepeated`);
  return kind as unknown as AnyImportKind;
}
