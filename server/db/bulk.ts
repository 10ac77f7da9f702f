import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbOrTx } from './client.js';
import { copyField } from './copy.js';

/** A column of a bulk insert: its name in the table and the PostgreSQL type its values arrive as. */
export interface BulkColumn<R> {
  name: string;
  /** The array element type the values are sent as (uuid, text, int8, int4, bool, date, timestamptz, jsonb). */
  type: 'uuid' | 'text' | 'int8' | 'int4' | 'bool' | 'date' | 'timestamptz' | 'jsonb';
  value: (row: R) => unknown;
}

/** Rows per statement: a handful of array parameters, whatever the row count. */
const ROWS_PER_STATEMENT = 20_000;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A value as the text PostgreSQL reads (array element or COPY field); null stays null. */
function textOf(type: BulkColumn<unknown>['type'], v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (type === 'jsonb') return JSON.stringify(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v === 'number' ? String(v) : (v as string);
}

/**
 * The connection of a node-postgres transaction, for COPY; null on PGlite and outside a
 * transaction (a pool would COPY on another connection, outside the caller's transaction).
 * Drizzle keeps it on the session, which its types mark internal.
 */
function copyClient(db: DbOrTx): pg.ClientBase | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

/** The embedded PGlite (or one of its transactions): a COPY reads a Blob through '/dev/blob'. */
interface LiteQuery {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}
function liteClient(db: DbOrTx): LiteQuery | null {
  const d = db as unknown as { session?: { client?: unknown }; $client?: unknown };
  const client = (d.session?.client ?? d.$client) as { query?: unknown; exec?: unknown } | undefined;
  if (!client || client instanceof pg.Client || client instanceof pg.Pool) return null;
  return typeof client.query === 'function' && typeof client.exec === 'function' ? (client as LiteQuery) : null;
}

// COPY's text format: a tab between fields, a newline after a row (each field by copy.ts's copyField).
function* copyText<R>(columns: readonly BulkColumn<R>[], rows: readonly R[]): Generator<string> {
  let text = '';
  for (const row of rows) {
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]!;
      text += (k ? '\t' : '') + copyField(textOf(c.type, c.value(row)));
    }
    text += '\n';
    if (text.length >= 256 * 1024) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

/**
 * Inserts many rows in few statements. On PostgreSQL inside a transaction: one COPY … FROM STDIN,
 * streamed, the fastest way in (no statement to plan, no array to build and unnest). On PGlite:
 * one COPY … FROM '/dev/blob' of the same text (about twice as fast as unnest there). Otherwise
 * (PostgreSQL outside a transaction, where a pool would COPY on another connection): each column
 * is sent as one array parameter and unnested (`insert … select * from unnest($1::uuid[], …)`),
 * 20 000 rows a statement, so building the statement costs the same for 20 000 rows as for one,
 * where a multi-row VALUES list has a parameter per cell. Either way constraints and triggers apply
 * as to any insert. Nothing is returned: a caller that needs the ids makes them before the insert.
 */
export async function bulkInsert<R>(
  db: DbOrTx,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
): Promise<void> {
  if (!rows.length) return;
  const names = columns.map((c) => quoted(c.name)).join(', ');
  const client = copyClient(db);
  if (client) {
    const copy = client.query(copyFrom(`copy ${quoted(table)} (${names}) from stdin`));
    await pipeline(Readable.from(copyText(columns, rows)), copy);
    return;
  }
  const lite = liteClient(db);
  if (lite) {
    // The Blob copies the pieces into one native buffer: no JS string of the whole batch.
    await lite.query(`copy ${quoted(table)} (${names}) from '/dev/blob'`, [], {
      blob: new Blob([...copyText(columns, rows)]),
    });
    return;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const arrays = columns.map((c) => {
      const values = chunk.map((r) => textOf(c.type, c.value(r)));
      const type = c.type === 'jsonb' ? 'text' : c.type;
      return sql`${sql.param(values)}::${sql.raw(type)}[]`;
    });
    const selected = columns.map((c, k) => (c.type === 'jsonb' ? `u.c${k}::jsonb` : `u.c${k}`)).join(', ');
    const aliases = columns.map((_, k) => `c${k}`).join(', ');
    const statement: SQL = sql`insert into ${sql.raw(quoted(table))} (${sql.raw(names)})
      select ${sql.raw(selected)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(aliases)})`;
    await db.execute(statement);
  }
}
