import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { numberCounters } from './tables.js';

/**
 * The next number of a series (e.g. `ruling:<courtId>:2025`), in the caller's transaction:
 * the update (or the insert) locks the series row until commit, so concurrent callers get
 * consecutive numbers and a rolled-back caller's number is given again. `floor` starts a new
 * series above numbers issued before the series existed (e.g. imported historic cases); as a
 * function it is only asked when the series is new.
 */
export async function nextNumber(
  tx: DbOrTx,
  series: string,
  floor: number | (() => Promise<number>) = 0,
): Promise<number> {
  const [bumped] = await tx
    .update(numberCounters)
    .set({ last: sql`${numberCounters.last} + 1` })
    .where(eq(numberCounters.series, series))
    .returning({ last: numberCounters.last });
  if (bumped) return bumped.last;
  const start = (typeof floor === 'function' ? await floor() : floor) + 1;
  // Two first users of a series: the second one's insert becomes an increment.
  const [row] = await tx
    .insert(numberCounters)
    .values({ series, last: start })
    .onConflictDoUpdate({ target: numberCounters.series, set: { last: sql`${numberCounters.last} + 1` } })
    .returning({ last: numberCounters.last });
  return row!.last;
}
