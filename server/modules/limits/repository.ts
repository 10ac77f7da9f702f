import { inArray, like, sql, type SQL } from 'drizzle-orm';
import { escapeLike } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { throttleBuckets } from './tables.js';

/** A bucket's counting rule, in the terms the upsert needs. */
export interface BucketRule {
  key: string;
  max: number;
  windowMs: number;
  /** 0: no lockout, the key waits for its window to end. */
  lockMs: number;
  /** The longest a lockout may grow to by doubling. */
  maxLockMs: number;
  /** A quiet spell this long (no counted attempt) forgets earlier overruns. */
  strikesForgottenAfterMs: number;
}

export const throttleRepo = {
  /**
   * Counts one attempt in a single statement (an upsert on the key's row), so concurrent
   * attempts on several app instances cannot overtake each other: the n-th attempt sees count
   * n. A locked key stays locked; attempts made meanwhile do not count or extend the lock.
   * Answers the bucket as it is after this attempt.
   */
  async countAttempt(db: DbOrTx, now: Date, rule: BucketRule) {
    const nowIso = now.toISOString();
    const windowStartedBefore = new Date(now.getTime() - rule.windowMs).toISOString();
    const strikesForgottenBefore = new Date(now.getTime() - rule.strikesForgottenAfterMs).toISOString();
    const t = throttleBuckets;
    // Inside the DO UPDATE, the bare column names are the row as it was before this attempt.
    const locked = sql`(${t.blockedUntil} IS NOT NULL AND ${t.blockedUntil} > ${nowIso}::timestamptz)`;
    const expired = sql`(${t.windowStart} <= ${windowStartedBefore}::timestamptz)`;
    const strikes = sql`(CASE WHEN ${t.updatedAt} <= ${strikesForgottenBefore}::timestamptz THEN 0 ELSE ${t.strikes} END)`;
    const nextCount = sql`(CASE WHEN ${locked} THEN ${t.count} WHEN ${expired} THEN 1 ELSE ${t.count} + 1 END)`;
    const overrun = sql`(NOT ${locked} AND ${nextCount} > ${rule.max} AND ${rule.lockMs} > 0)`;
    const result = await db
      .insert(t)
      .values({ key: rule.key, windowStart: now, count: 1, strikes: 0, blockedUntil: null, updatedAt: now })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          windowStart: sql`CASE WHEN ${locked} THEN ${t.windowStart} WHEN ${expired} THEN ${nowIso}::timestamptz ELSE ${t.windowStart} END`,
          count: nextCount,
          strikes: sql`CASE WHEN ${overrun} THEN ${strikes} + 1 ELSE ${strikes} END`,
          blockedUntil: sql`CASE WHEN ${locked} THEN ${t.blockedUntil}
          WHEN ${overrun} THEN ${nowIso}::timestamptz + make_interval(secs => LEAST(${rule.lockMs}::float8 * power(2, ${strikes}), ${rule.maxLockMs}) / 1000)
          ELSE NULL END`,
          updatedAt: sql`CASE WHEN ${locked} THEN ${t.updatedAt} ELSE ${nowIso}::timestamptz END`,
        },
      })
      .returning({ count: t.count, windowStart: t.windowStart, blockedUntil: t.blockedUntil });
    return result[0]!;
  },

  /**
   * A lockout counted elsewhere (the Redis store), written here for the lists that show it
   * (an account's sign-in pause). Not read by any counting.
   */
  async recordLockout(
    db: DbOrTx,
    key: string,
    state: { count: number; windowStart: Date; blockedUntil: Date | null },
    now: Date,
  ): Promise<void> {
    const values = {
      windowStart: state.windowStart,
      count: state.count,
      blockedUntil: state.blockedUntil,
      updatedAt: now,
    };
    await db
      .insert(throttleBuckets)
      .values({ key, strikes: 0, ...values })
      .onConflictDoUpdate({ target: throttleBuckets.key, set: values });
  },

  async remove(db: DbOrTx, key: string): Promise<void> {
    await db.delete(throttleBuckets).where(sql`${throttleBuckets.key} = ${key}`);
  },

  /** Every key that starts with `prefix`. */
  async removePrefix(db: DbOrTx, prefix: string): Promise<void> {
    await db.delete(throttleBuckets).where(like(throttleBuckets.key, `${escapeLike(prefix)}%`));
  },

  /** One attempt back to each key, never below zero. */
  async giveBack(db: DbOrTx, keys: string[]): Promise<void> {
    const t = throttleBuckets;
    await db
      .update(t)
      .set({ count: sql`GREATEST(${t.count} - 1, 0)` })
      .where(inArray(t.key, keys));
  },
};

/** SQL for "locked until" of the bucket whose key is `keyExpr`, for lists (null when none). */
export function blockedUntilOf(keyExpr: SQL) {
  return sql<
    string | null
  >`(select ${throttleBuckets.blockedUntil} from ${throttleBuckets} where ${throttleBuckets.key} = ${keyExpr})`;
}
