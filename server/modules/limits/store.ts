import type { DbOrTx } from '../../db/client.js';
import { throttleRepo, type BucketRule } from './repository.js';

/** A bucket as it is after an attempt was counted. */
export interface BucketState {
  count: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

/**
 * Where the counters live: PostgreSQL (the default, table throttle_buckets) or Redis (REDIS_URL).
 * Either way one atomic step per attempt, shared by every app instance. `db` is the caller's
 * database or transaction: the PostgreSQL store counts in it; the Redis store uses it only to
 * mirror lockouts that lists show (see redis-store.ts).
 */
export interface LimitsStore {
  readonly kind: 'postgres' | 'redis';
  countAttempt(db: DbOrTx, now: Date, rule: BucketRule): Promise<BucketState>;
  remove(db: DbOrTx, key: string): Promise<void>;
  removePrefix(db: DbOrTx, prefix: string): Promise<void>;
  giveBack(db: DbOrTx, keys: string[]): Promise<void>;
}

export const postgresLimitsStore: LimitsStore = {
  kind: 'postgres',
  async countAttempt(db, now, rule) {
    const row = await throttleRepo.countAttempt(db, now, rule);
    return {
      count: row.count,
      windowStart: new Date(row.windowStart),
      blockedUntil: row.blockedUntil ? new Date(row.blockedUntil) : null,
    };
  },
  remove: (db, key) => throttleRepo.remove(db, key),
  removePrefix: (db, prefix) => throttleRepo.removePrefix(db, prefix),
  giveBack: (db, keys) => throttleRepo.giveBack(db, keys),
};

let current: LimitsStore = postgresLimitsStore;

/** The store every limit counts in; chosen once at start (configureLimitsStore), PostgreSQL until then. */
export function limitsStore(): LimitsStore {
  return current;
}

export function useLimitsStore(store: LimitsStore): void {
  current = store;
}
