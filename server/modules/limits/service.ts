import { AppError } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { limitsStore } from './store.js';

/** What is limited, how much, and for how long an overrun locks it. */
export interface Limit {
  /** e.g. `sms:phone:13800138000`; one bucket per key. */
  key: string;
  /** Attempts allowed in one window. */
  max: number;
  windowMs: number;
  /**
   * Lockout after the window's allowance is spent: the first overrun locks for lockMs, each
   * further overrun (before a quiet day resets the strikes) for twice as long, up to 24 hours.
   * Without it, the key simply waits for the window to end.
   */
  lockMs?: number;
}

export interface LimitResult {
  allowed: boolean;
  /** Seconds until the next attempt may succeed (0 when allowed). */
  retryAfterSec: number;
  /** Attempts left in this window after this one. */
  remaining: number;
}

const MAX_LOCK_MS = 24 * 3600_000;
const STRIKES_FORGOTTEN_AFTER_MS = 24 * 3600_000;

/**
 * Counts one attempt against a limit, in one atomic step of the limits store (store.ts), so
 * concurrent attempts on several app instances cannot overtake each other. A key that is locked
 * stays locked; attempts made meanwhile are refused and do not extend the lock.
 */
export async function consume(db: DbOrTx, now: Date, limit: Limit): Promise<LimitResult> {
  const row = await limitsStore().countAttempt(db, now, {
    key: limit.key,
    max: limit.max,
    windowMs: limit.windowMs,
    lockMs: limit.lockMs ?? 0,
    maxLockMs: MAX_LOCK_MS,
    strikesForgottenAfterMs: STRIKES_FORGOTTEN_AFTER_MS,
  });
  const blockedUntil = row.blockedUntil;
  if (blockedUntil && blockedUntil > now)
    return { allowed: false, retryAfterSec: Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000), remaining: 0 };
  if (row.count > limit.max) {
    const windowEnds = row.windowStart.getTime() + limit.windowMs;
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)), remaining: 0 };
  }
  return { allowed: true, retryAfterSec: 0, remaining: limit.max - row.count };
}

/** Counts against every limit (each bucket counts the attempt); allowed only if all allow. */
export async function consumeAll(db: DbOrTx, now: Date, limits: Limit[]): Promise<LimitResult> {
  let worst: LimitResult = { allowed: true, retryAfterSec: 0, remaining: Number.POSITIVE_INFINITY };
  for (const limit of limits) {
    const r = await consume(db, now, limit);
    if (!r.allowed && (worst.allowed || r.retryAfterSec > worst.retryAfterSec)) worst = r;
    else if (worst.allowed) worst = { ...worst, remaining: Math.min(worst.remaining, r.remaining) };
  }
  return worst;
}

/** A success (a right password, a right code) clears what the failures counted. */
export async function clear(db: DbOrTx, key: string): Promise<void> {
  await limitsStore().remove(db, key);
}

/** A refusal a person understands: what was limited and when to try again. */
export function rateLimited(result: LimitResult, what: { zh: string; en: string }): AppError {
  const { zh, en } = waitText(result.retryAfterSec);
  return Object.assign(
    new AppError('RATE_LIMITED', `${what.zh}过于频繁，请${zh}后再试`, `Too many ${what.en}; try again in ${en}`),
    { retryAfterSec: result.retryAfterSec },
  );
}

/** Too many wrong codes for one key (a phone, an enterprise): locked until the time said, on the `code` field. */
export function wrongCodesLockout(result: LimitResult, field = 'code'): AppError {
  const wait = waitText(result.retryAfterSec);
  return new AppError(
    'RATE_LIMITED',
    `验证码错误次数过多，请${wait.zh}后再试`,
    `Too many wrong codes; try again in ${wait.en}`,
    field,
  );
}

/** A wrong or expired code, with the attempts left before the 15-minute lock. */
export function wrongCodeRefusal(left: number, field = 'code'): AppError {
  return new AppError(
    'VALIDATION',
    left > 0 ? `验证码不正确或已过期，还可尝试 ${left} 次` : '验证码不正确或已过期，请 15 分钟后再试',
    left > 0
      ? `The code is wrong or has expired; ${left} attempt(s) left`
      : 'The code is wrong or has expired; try again in 15 minutes',
    field,
  );
}

/** "15 分钟" up to an hour and a half, then "2 小时": a day-long lock reads as 24 hours, not 1440 minutes. */
export function waitText(seconds: number): { zh: string; en: string } {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes <= 90) return { zh: ` ${minutes} 分钟`, en: `${minutes} minute(s)` };
  const hours = Math.ceil(minutes / 60);
  return { zh: ` ${hours} 小时`, en: `${hours} hour(s)` };
}

/** Throws the refusal when a limit is spent. */
export async function enforce(db: DbOrTx, now: Date, limits: Limit[], what: { zh: string; en: string }): Promise<void> {
  const r = await consumeAll(db, now, limits);
  if (!r.allowed) throw rateLimited(r, what);
}

/** Gives one attempt back to each key (an attempt that turned out not to be a failure). */
export async function refund(db: DbOrTx, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await limitsStore().giveBack(db, keys);
}

/** Forgets every key that starts with `prefix` (e.g. all addresses of one account). */
export async function clearPrefix(db: DbOrTx, prefix: string): Promise<void> {
  await limitsStore().removePrefix(db, prefix);
}
