import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { numberCounters } from './tables.js';

/**
 * The next number of a series (e.g. `ruling:<courtId>:2025`), in the caller's transaction:
 * the upsert locks the series row until commit, so concurrent callers get consecutive numbers
 * and a rolled-back caller's number is given again. `floor` starts a new series above numbers
 * issued before the series existed (e.g. imported historic cases).
 */
export async function nextNumber(tx: DbOrTx, series: string, floor = 0): Promise<number> {
  const [row] = await tx
    .insert(numberCounters)
    .values({ series, last: floor + 1 })
    .onConflictDoUpdate({ target: numberCounters.series, set: { last: sql`${numberCounters.last} + 1` } })
    .returning({ last: numberCounters.last });
  return row!.last;
}
