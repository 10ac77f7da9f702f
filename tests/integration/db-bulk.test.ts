import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert, type BulkColumn } from '../../server/db/bulk.js';
import { orderedId } from '../../server/db/ordered-id.js';
import { createTestApp, type TestApp } from '../support/app.js';

// bulkInsert writes by COPY inside a transaction on PostgreSQL, by COPY from a Blob on PGlite, and
// by unnest on PostgreSQL outside a transaction: each must store every value exactly, the awkward
// ones included.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  await t.deps.db.execute(sql`create table bulk_probe (id uuid primary key, label text, n bigint, day date,
    at timestamptz, doc jsonb, flag boolean)`);
});
afterAll(async () => {
  await t.deps.db.execute(sql`drop table if exists bulk_probe`);
  await t.close();
});

interface Row {
  id: string;
  label: string | null;
  n: number | null;
  day: string | null;
  at: Date | null;
  doc: unknown;
  flag: boolean | null;
}
const columns: BulkColumn<Row>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'label', type: 'text', value: (r) => r.label },
  { name: 'n', type: 'int8', value: (r) => r.n },
  { name: 'day', type: 'date', value: (r) => r.day },
  { name: 'at', type: 'timestamptz', value: (r) => r.at },
  { name: 'doc', type: 'jsonb', value: (r) => r.doc },
  { name: 'flag', type: 'bool', value: (r) => r.flag },
];
const awkward = [
  'tab\there',
  'line\nbreak',
  'cr\rreturn',
  'back\\slash \\N',
  '\\.',
  '',
  '工会"\'<&>',
  'NULL',
  '{"a":1}',
];

function rows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    id: orderedId(),
    label: i % 7 === 6 ? null : awkward[i % awkward.length]!,
    n: i % 5 === 4 ? null : i * 1_000_003 - 9_007_199_254,
    day: i % 3 === 2 ? null : `2024-0${1 + (i % 9)}-1${i % 10}`,
    at: i % 4 === 3 ? null : new Date(Date.UTC(2024, i % 12, 1, 8, i % 60, 0, i % 1000)),
    doc: i % 6 === 5 ? [] : { label: awkward[i % awkward.length], n: i, list: ['\t', '\\', null] },
    flag: i % 3 === 0 ? null : i % 2 === 0,
  }));
}

async function stored() {
  const result: unknown = await t.deps.db.execute(sql`select id::text, label, n::text, day::text,
    to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, doc, flag from bulk_probe order by id`);
  return (result as { rows: Record<string, unknown>[] }).rows;
}

const expected = (input: Row[]) =>
  [...input]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((r) => ({
      id: r.id,
      label: r.label,
      n: r.n === null ? null : String(r.n),
      day: r.day,
      at: r.at?.toISOString() ?? null,
      doc: r.doc,
      flag: r.flag,
    }));

describe('bulkInsert', () => {
  it('stores tabs, line breaks, backslashes, nulls and JSON exactly, in a transaction (COPY on PostgreSQL)', async () => {
    const input = rows(2_500);
    await t.deps.db.transaction((tx) => bulkInsert(tx, 'bulk_probe', columns, input));
    expect(await stored()).toEqual(expected(input));
  });

  it('stores the same outside a transaction (unnest), and a failed COPY leaves nothing', async () => {
    await t.deps.db.execute(sql`delete from bulk_probe`);
    const input = rows(300);
    await bulkInsert(t.deps.db, 'bulk_probe', columns, input);
    expect(await stored()).toEqual(expected(input));
    const again = [...rows(10), input[0]!];
    await expect(t.deps.db.transaction((tx) => bulkInsert(tx, 'bulk_probe', columns, again))).rejects.toThrow();
    expect(await stored()).toHaveLength(300);
  });
});
