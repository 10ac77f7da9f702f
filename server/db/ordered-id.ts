import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';

let lastMs = 0;
let counter = 0;

/**
 * A version 7 UUID (RFC 9562 §5.7): the milliseconds since 1970 in the first 48 bits, a counter in
 * the 12 bits of rand_a (§6.2, method 1) and random bits after. Ids made one after another sort in
 * the order they were made, so a bulk insert adds them at the right edge of the primary key's
 * btree instead of at random pages all over it (a random UUID per row touches a different page of
 * an index that outgrows memory). The random 62 bits keep them unguessable enough for row ids; a
 * clock that steps back reuses the last millisecond and counts on (monotonic in this process).
 */
export function orderedId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  const ms = lastMs.toString(16).padStart(12, '0');
  // randomUUID gives the variant bits (10xx) and the random tail at positions 19–35.
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${crypto.randomUUID().slice(19)}`;
}

/**
 * The SQL of a time-ordered id for each row an `INSERT … SELECT` moves from a staging table
 * (UUID version 7's layout: 48 bits of milliseconds, the version 7, 12 bits, the variant 8, 60
 * bits): the statement's millisecond, the row's number in its file (`rowNo`, 28 bits, astride the
 * variant), and a tail of 44 bits. Inserted in row order, the ids append to the right edge of the
 * primary key's btree, where random ones would touch a page each all over it. The tail comes from
 * `seed`, a random UUID such as the import's id, for facts whose ids nobody types (no random
 * number per row: gen_random_uuid cost 0.4 s per 336,000 rows), or with `seed: 'random'` from a
 * random UUID per row, for records whose ids appear in addresses (people): not guessable from the
 * import and the row. A file is far below 268 million rows.
 */
export function orderedIdOfRow(seed: string, rowNo: SQL): SQL {
  const tail = seed === 'random' ? sql`right(gen_random_uuid()::text, 11)` : sql`${seed.replace(/-/g, '').slice(-11)}`;
  return sql`(lpad(to_hex((extract(epoch from statement_timestamp()) * 1000)::bigint), 12, '0')
    || '7' || lpad(to_hex(${rowNo} >> 16), 3, '0') || '8' || lpad(to_hex(${rowNo} & 65535), 4, '0') || ${tail})::uuid`;
}
