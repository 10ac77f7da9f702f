import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config.js';
import { throttleRepo } from './repository.js';
import { postgresLimitsStore, useLimitsStore, type LimitsStore } from './store.js';

/*
 * The limits in Redis (REDIS_URL): the same buckets and rules as the PostgreSQL upsert
 * (repository.ts countAttempt), as one Lua script per attempt, which Redis runs atomically.
 * A bucket is a hash: ws (window start, ms), c (count), s (strikes), b (blocked until, ms; 0 none),
 * u (last counted attempt, ms). Keys expire once nothing in them can matter any more.
 *
 * Lockouts are also written to throttle_buckets (rare: one row per lockout), because the accounts
 * list shows an account's pause from there; clearing a key clears both.
 */

const PREFIX = 'yizhan:limits:';

const COUNT_ATTEMPT = `
local now, max, windowMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local lockMs, maxLockMs, forgetMs, ttlMs = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local h = redis.call('HMGET', KEYS[1], 'ws', 'c', 's', 'b', 'u')
local ws, c, s, b, u = tonumber(h[1]), tonumber(h[2]), tonumber(h[3]), tonumber(h[4]), tonumber(h[5])
if ws == nil then
  ws, c, s, b = now, 1, 0, 0
  redis.call('HSET', KEYS[1], 'ws', ws, 'c', c, 's', s, 'b', b, 'u', now)
  redis.call('PEXPIRE', KEYS[1], ttlMs)
  return {c, ws, b, 0}
end
if b > now then return {c, ws, b, 0} end
if ws <= now - windowMs then ws, c = now, 1 else c = c + 1 end
if u <= now - forgetMs then s = 0 end
local locked = 0
b = 0
if c > max and lockMs > 0 then
  b = now + math.min(lockMs * 2 ^ s, maxLockMs)
  s = s + 1
  locked = 1
end
redis.call('HSET', KEYS[1], 'ws', ws, 'c', c, 's', s, 'b', b, 'u', now)
redis.call('PEXPIRE', KEYS[1], ttlMs)
return {c, ws, b, locked}
`;

const GIVE_BACK = `
for _, key in ipairs(KEYS) do
  local c = tonumber(redis.call('HGET', key, 'c'))
  if c ~= nil and c > 0 then redis.call('HINCRBY', key, 'c', -1) end
end
return 0
`;

/** A key pattern matching the prefix literally (glob characters escaped). */
function globOf(prefix: string): string {
  return `${PREFIX}${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
}

export function redisLimitsStore(redis: Redis): LimitsStore {
  return {
    kind: 'redis',
    async countAttempt(db, now, rule) {
      const ttlMs = Math.max(rule.windowMs, rule.maxLockMs) + rule.strikesForgottenAfterMs;
      const args = [now.getTime(), rule.max, rule.windowMs, rule.lockMs, rule.maxLockMs, rule.strikesForgottenAfterMs];
      const [count, windowStart, blockedUntil, lockedNow] = (await redis.eval(
        COUNT_ATTEMPT,
        1,
        PREFIX + rule.key,
        ...args,
        ttlMs,
      )) as [number, number, number, number];
      const state = {
        count,
        windowStart: new Date(windowStart),
        blockedUntil: blockedUntil > 0 ? new Date(blockedUntil) : null,
      };
      if (lockedNow && state.blockedUntil) await throttleRepo.recordLockout(db, rule.key, state, now);
      return state;
    },
    async remove(db, key) {
      await redis.del(PREFIX + key);
      await throttleRepo.remove(db, key);
    },
    async removePrefix(db, prefix) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', globOf(prefix), 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await throttleRepo.removePrefix(db, prefix);
    },
    async giveBack(_db, keys) {
      if (keys.length) await redis.eval(GIVE_BACK, keys.length, ...keys.map((k) => PREFIX + k));
    },
  };
}

/**
 * Chooses the limits store once, at start: Redis when REDIS_URL is set (and answering: a server
 * that cannot reach it does not start, rather than count in a different place than the others),
 * otherwise PostgreSQL. Answers a function that closes the connection at shutdown.
 */
export async function configureLimitsStore(config: AppConfig, logger: Logger): Promise<() => Promise<void>> {
  if (!config.redisUrl) {
    useLimitsStore(postgresLimitsStore);
    return async () => {};
  }
  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', (err: Error) => logger.warn({ error: err.message }, 'Redis (limits store) connection error'));
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(
      `无法连接 REDIS_URL 指定的 Redis（登录与短信限制存放处）：${(err as Error).message}\n` +
        `Cannot reach the Redis named by REDIS_URL (where the login and SMS limits are kept): ${(err as Error).message}`,
      { cause: err },
    );
  }
  useLimitsStore(redisLimitsStore(redis));
  logger.info('limits store: Redis (REDIS_URL)');
  return async () => {
    useLimitsStore(postgresLimitsStore);
    await redis.quit().catch(() => undefined);
  };
}
