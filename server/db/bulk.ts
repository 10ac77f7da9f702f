import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/** A column of a bulk insert: its name in the table and the PostgreSQL type its values arrive as. */
export interface BulkColumn<R> {
  name: string;
  /** The array element type the values are sent as (uuid, text, int8, int4, date, timestamptz, jsonb). */
  type: 'uuid' | 'text' | 'int8' | 'int4' | 'date' | 'timestamptz' | 'jsonb';
  value: (row: R) => unknown;
}

/** Rows per statement: a handful of array parameters, whatever the row count. */
const ROWS_PER_STATEMENT = 20_000;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Inserts many rows in few statements: each column is sent as one array parameter and unnested
 * by PostgreSQL (`insert … select * from unnest($1::uuid[], $2::text[], …)`), so building the
 * statement costs the same for 20 000 rows as for one, where a multi-row VALUES list has a
 * parameter per cell. JSON goes as text and is cast per element. Nothing is returned: a caller
 * that needs the ids makes them (random UUIDs) before the insert.
 */
export async function bulkInsert<R>(
  db: DbOrTx,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const arrays = columns.map((c) => {
      const values = chunk.map((r) => {
        const v = c.value(r);
        if (v === null || v === undefined) return null;
        if (c.type === 'jsonb') return JSON.stringify(v);
        if (v instanceof Date) return v.toISOString();
        return typeof v === 'number' ? String(v) : v;
      });
      const type = c.type === 'jsonb' ? 'text' : c.type;
      return sql`${sql.param(values)}::${sql.raw(type)}[]`;
    });
    const names = columns.map((c) => quoted(c.name)).join(', ');
    const selected = columns.map((c, k) => (c.type === 'jsonb' ? `u.c${k}::jsonb` : `u.c${k}`)).join(', ');
    const aliases = columns.map((_, k) => `c${k}`).join(', ');
    const statement: SQL = sql`insert into ${sql.raw(quoted(table))} (${sql.raw(names)})
      select ${sql.raw(selected)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(aliases)})`;
    await db.execute(statement);
  }
}
