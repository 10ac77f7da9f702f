import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { BilingualText, ImportStatus, RowError } from '../../../contracts/imports.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Who started (or committed) an import, kept so that its jobs act and audit as that person. */
export interface ImportActorSnapshot {
  accountId: string;
  username: string;
  displayName: string;
  roles: string[];
  regionCode: string | null;
}

/** One uploaded file of one import kind, from upload to commit or rollback. */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: varchar('kind', { length: 32 }).notNull(),
    status: varchar('status', { length: 16 }).$type<ImportStatus>().notNull(),
    filename: varchar('filename', { length: 256 }).notNull(),
    format: varchar('format', { length: 8 }).$type<'csv' | 'xlsx'>().notNull(),
    /** CSV only: the decoding chosen from the bytes (UTF-8, with or without BOM, else GB18030). */
    encoding: varchar('encoding', { length: 16 }),
    byteSize: integer('byte_size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    /** The importer's region scope (null: the whole country): rows outside it are rejected. */
    regionCode: varchar('region_code', { length: 6 }),
    createdBy: jsonb('created_by').$type<ImportActorSnapshot>().notNull(),
    committedBy: jsonb('committed_by').$type<ImportActorSnapshot>(),
    /**
     * acceptWarnings: keep rows that fail only a check the user may accept. autoCommit: commit the
     * rows that pass as soon as the check is done (an upload by another system, e.g. fee refunds).
     */
    options: jsonb('options').$type<{ acceptWarnings: boolean; autoCommit?: boolean }>().notNull(),
    requestId: varchar('request_id', { length: 64 }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    rejectedRows: integer('rejected_rows').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** The file's header row as it was, for the download of rejected rows. */
    headers: jsonb('headers').$type<string[]>().notNull().default([]),
    unknownHeaders: jsonb('unknown_headers').$type<string[]>().notNull().default([]),
    progress: real('progress').notNull().default(0),
    progressMessage: jsonb('progress_message').$type<BilingualText>(),
    /** The queue's job now checking or committing the import: the page follows its progress events. */
    jobId: varchar('job_id', { length: 64 }),
    failure: jsonb('failure').$type<BilingualText>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    rolledBackAt: timestamp('rolled_back_at', { withTimezone: true }),
  },
  (t) => [
    // The same file for the same kind (with the same options) is one import, unless that one
    // failed or was rolled back.
    uniqueIndex('imports_kind_sha256')
      .on(t.kind, t.sha256, sql`(${t.options}->>'acceptWarnings')`)
      .where(sql`status not in ('failed', 'rolled_back')`),
    index('imports_kind_created').on(t.kind, t.createdAt),
  ],
);

/** The uploaded bytes in pieces, so that any instance can run the import's jobs. */
export const importChunks = pgTable(
  'import_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** The staging table: each data row of the file, parsed (data) or rejected (errors, with its cells). */
export const importRows = pgTable(
  'import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    naturalKey: text('natural_key'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    errors: jsonb('errors').$type<RowError[]>(),
    /**
     * The row as it was in the file (rows rejected while read), for the download of rejected rows;
     * a row rejected later as a duplicate keeps its parsed data instead.
     */
    cells: jsonb('cells').$type<string[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.rowNo] }),
    // The rejected rows of a file of millions are read (page, download) without walking the accepted ones.
    index('import_rows_rejected')
      .on(t.importId, t.rowNo)
      .where(sql`errors is not null`),
  ],
);

/** A record a commit created (before: null) or changed (before: the record as it was). */
export interface ImportChange {
  entityId: string;
  before: Record<string, unknown> | null;
}

/** What a commit changed, for its rollback: one row per committed batch. */
export const importChanges = pgTable(
  'import_changes',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    changes: jsonb('changes').$type<ImportChange[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);
