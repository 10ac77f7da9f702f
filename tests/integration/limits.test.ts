import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consume, consumeAll, clear } from '../../server/modules/limits/service.js';
import { nextNumber } from '../../server/modules/numbering/service.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
});
afterAll(() => t.close());

const MIN = 60_000;

describe('limits: one counter per key, shared by every instance', () => {
  it('sixty concurrent attempts against a limit of 5 let exactly 5 through', async () => {
    const now = new Date('2026-01-05T02:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        consume(t.deps.db, now, { key: 'race', max: 5, windowMs: 15 * MIN, lockMs: 15 * MIN }),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterSec > 0)).toBe(true);
  });

  it('an overrun locks the key; attempts while locked do not extend it; the lock doubles on the next overrun', async () => {
    const key = 'lockout';
    const at = (m: number) => new Date(Date.UTC(2026, 0, 6, 2, 0) + m * MIN);
    const limit = { key, max: 2, windowMs: 10 * MIN, lockMs: 15 * MIN };
    expect((await consume(t.deps.db, at(0), limit)).allowed).toBe(true);
    expect((await consume(t.deps.db, at(1), limit)).remaining).toBe(0);
    const third = await consume(t.deps.db, at(2), limit);
    expect(third).toMatchObject({ allowed: false, retryAfterSec: 15 * 60 });
    // Still locked ten minutes later, and the retry time counts down instead of growing.
    expect(await consume(t.deps.db, at(12), limit)).toMatchObject({ allowed: false, retryAfterSec: 5 * 60 });
    // After the lock: a fresh window.
    expect((await consume(t.deps.db, at(18), limit)).allowed).toBe(true);
    await consume(t.deps.db, at(18), limit);
    // The second overrun locks twice as long.
    expect(await consume(t.deps.db, at(19), limit)).toMatchObject({ allowed: false, retryAfterSec: 30 * 60 });
  });

  it('without a lockout the key waits for the window to end; clear() forgets it', async () => {
    const limit = { key: 'window', max: 1, windowMs: 10 * MIN };
    const now = new Date('2026-01-07T02:00:00Z');
    expect((await consume(t.deps.db, now, limit)).allowed).toBe(true);
    expect(await consume(t.deps.db, new Date(now.getTime() + 4 * MIN), limit)).toMatchObject({
      allowed: false,
      retryAfterSec: 6 * 60,
    });
    expect((await consume(t.deps.db, new Date(now.getTime() + 10 * MIN), limit)).allowed).toBe(true);
    await clear(t.deps.db, 'window');
    expect((await consume(t.deps.db, new Date(now.getTime() + 11 * MIN), limit)).allowed).toBe(true);
  });

  it('consumeAll refuses when any one limit is spent', async () => {
    const now = new Date('2026-01-08T02:00:00Z');
    const limits = [
      { key: 'all:a', max: 10, windowMs: MIN },
      { key: 'all:b', max: 1, windowMs: MIN },
    ];
    expect((await consumeAll(t.deps.db, now, limits)).allowed).toBe(true);
    expect((await consumeAll(t.deps.db, now, limits)).allowed).toBe(false);
  });
});

describe('numbering: consecutive numbers per series', () => {
  it('concurrent transactions get distinct consecutive numbers, starting above the floor', async () => {
    const got = await Promise.all(
      Array.from({ length: 20 }, () => t.deps.db.transaction((tx) => nextNumber(tx, 'test:series', 100))),
    );
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 101 + i));
  });

  it('a rolled-back number is given again', async () => {
    await t.deps.db
      .transaction(async (tx) => {
        await nextNumber(tx, 'test:rollback');
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await t.deps.db.transaction((tx) => nextNumber(tx, 'test:rollback'))).toBe(1);
  });
});

describe('how long to wait, in words', () => {
  it('minutes up to an hour and a half, then hours', async () => {
    const { waitText } = await import('../../server/modules/limits/service.js');
    expect(waitText(15 * 60).zh).toBe(' 15 分钟');
    expect(waitText(90 * 60).en).toBe('90 minute(s)');
    expect(waitText(24 * 3600).zh).toBe(' 24 小时');
    expect(waitText(24 * 3600).en).toBe('24 hour(s)');
  });
});
