import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { numberCounters } from './tables.js';

export const counterRepo = {
  /** The series' next number, its row locked until the transaction ends; null when the series is new. */
  async bump(tx: DbOrTx, series: string): Promise<number | null> {
    const [bumped] = await tx
      .update(numberCounters)
      .set({ last: sql`${numberCounters.last} + 1` })
      .where(eq(numberCounters.series, series))
      .returning({ last: numberCounters.last });
    return bumped?.last ?? null;
  },

  /**
   * Starts a series at `first`. Two first users of a series: the second one's insert becomes an
   * increment (under the row lock the first one took).
   */
  async start(tx: DbOrTx, series: string, first: number): Promise<number> {
    const [row] = await tx
      .insert(numberCounters)
      .values({ series, last: first })
      .onConflictDoUpdate({ target: numberCounters.series, set: { last: sql`${numberCounters.last} + 1` } })
      .returning({ last: numberCounters.last });
    return row!.last;
  },
};
