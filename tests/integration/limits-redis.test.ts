import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { throttleBuckets } from '../../server/modules/limits/tables.js';
import { configureLimitsStore } from '../../server/modules/limits/redis-store.js';
import { clear, clearPrefix, consume, refund } from '../../server/modules/limits/service.js';
import { limitsStore } from '../../server/modules/limits/store.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { FACTORY_PASSWORD, newAccount } from '../support/factories.js';

// The limits in Redis (REDIS_URL): the same rules as the PostgreSQL store (limits.test.ts), and a
// sign-in lockout that holds across two app instances counting in the same Redis. Skipped when no
// Redis answers at REDIS_URL (default redis://127.0.0.1:6379).

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const available = await redisAnswers();
const MIN = 60_000;
/** Keys of their own per run, so runs (and the PostgreSQL tests) never share a bucket. */
const run = crypto.randomBytes(4).toString('hex');
const key = (name: string) => `test:${run}:${name}`;

let t: TestApp;
let closeStore: () => Promise<void> = async () => {};
let redis: Redis;

describe.skipIf(!available)('limits in Redis (REDIS_URL)', () => {
  beforeAll(async () => {
    t = await createTestApp({ demoScale: null });
    closeStore = await configureLimitsStore({ ...t.deps.config, redisUrl: REDIS_URL }, pino({ level: 'silent' }));
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await closeStore();
    redis?.disconnect();
    await t?.close();
  });

  it('is the store in use once configured', () => {
    expect(limitsStore().kind).toBe('redis');
  });

  it('sixty concurrent attempts against a limit of 5 let exactly 5 through', async () => {
    const now = new Date('2026-01-05T02:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        consume(t.deps.db, now, { key: key('race'), max: 5, windowMs: 15 * MIN, lockMs: 15 * MIN }),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterSec > 0)).toBe(true);
  });

  it('an overrun locks the key; attempts while locked do not extend it; the lock doubles on the next overrun', async () => {
    const at = (m: number) => new Date(Date.UTC(2026, 0, 6, 2, 0) + m * MIN);
    const limit = { key: key('lockout'), max: 2, windowMs: 10 * MIN, lockMs: 15 * MIN };
    expect((await consume(t.deps.db, at(0), limit)).allowed).toBe(true);
    expect((await consume(t.deps.db, at(1), limit)).remaining).toBe(0);
    expect(await consume(t.deps.db, at(2), limit)).toMatchObject({ allowed: false, retryAfterSec: 15 * 60 });
    expect(await consume(t.deps.db, at(12), limit)).toMatchObject({ allowed: false, retryAfterSec: 5 * 60 });
    expect((await consume(t.deps.db, at(18), limit)).allowed).toBe(true);
    await consume(t.deps.db, at(18), limit);
    expect(await consume(t.deps.db, at(19), limit)).toMatchObject({ allowed: false, retryAfterSec: 30 * 60 });
    // The lockout is mirrored where lists read it; clearing the key clears both.
    const [mirrored] = await t.deps.db.select().from(throttleBuckets).where(eq(throttleBuckets.key, limit.key));
    expect(mirrored?.blockedUntil?.toISOString()).toBe(at(49).toISOString());
    await clear(t.deps.db, limit.key);
    expect(await redis.exists(`yizhan:limits:${limit.key}`)).toBe(0);
    expect(await t.deps.db.select().from(throttleBuckets).where(eq(throttleBuckets.key, limit.key))).toEqual([]);
    expect((await consume(t.deps.db, at(20), limit)).allowed).toBe(true);
  });

  it('without a lockout the key waits for its window; refund gives one attempt back; clearPrefix forgets', async () => {
    const now = new Date('2026-01-07T02:00:00Z');
    const limit = { key: key('window:a'), max: 1, windowMs: 10 * MIN };
    expect((await consume(t.deps.db, now, limit)).allowed).toBe(true);
    expect(await consume(t.deps.db, new Date(now.getTime() + 4 * MIN), limit)).toMatchObject({
      allowed: false,
      retryAfterSec: 6 * 60,
    });
    await refund(t.deps.db, [limit.key]);
    await refund(t.deps.db, [limit.key]);
    expect((await consume(t.deps.db, new Date(now.getTime() + 5 * MIN), limit)).allowed).toBe(true);
    const other = { ...limit, key: key('window:b*') };
    await consume(t.deps.db, now, other);
    await clearPrefix(t.deps.db, key('window:'));
    expect(await redis.keys(`yizhan:limits:${key('window:')}*`)).toEqual([]);
    expect((await consume(t.deps.db, new Date(now.getTime() + 6 * MIN), limit)).allowed).toBe(true);
    // A key holding glob characters is matched literally.
    await consume(t.deps.db, now, other);
    await clearPrefix(t.deps.db, key('window:b*'));
    expect(await redis.exists(`yizhan:limits:${key('window:b*')}`)).toBe(0);
  });

  it('five failed sign-ins spread over two app instances lock the account at that address', async () => {
    const account = await newAccount(t, { role: 'mediator', username: `redis_${run}` });
    const second = await buildApp(t.deps);
    try {
      const instances = [t.app, second];
      const login = (i: number, password: string) =>
        instances[i % 2]!.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: account.username, password },
          remoteAddress: '10.99.0.1',
        });
      for (let i = 0; i < 5; i++) expect((await login(i, `wrong${i}pw`)).statusCode).toBe(401);
      const refused = await login(5, FACTORY_PASSWORD);
      expect(refused.statusCode).toBe(401);
      expect(refused.json<{ message: string }>().message).toMatch(/15 分钟/);
      expect((await login(6, FACTORY_PASSWORD)).statusCode).toBe(401);
      // Counted in Redis, not in throttle_buckets (which holds only the mirrored lockout).
      expect(await redis.exists(`yizhan:limits:login:pair:${account.id}@10.99.0.1`)).toBe(1);
    } finally {
      await second.close();
    }
  });
});
