import { sql, type AnyColumn } from 'drizzle-orm';
import type { AppConfig } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { blockedUntilOf } from '../limits/repository.js';
import { clear, clearPrefix, consume, refund, type Limit, type LimitResult } from '../limits/service.js';

/**
 * How many failed sign-ins are tolerated, counted in the database so every app instance
 * shares the counters, and counted *before* the password is checked (one atomic upsert
 * per bucket), so concurrent guesses cannot overtake the limit.
 *
 * - account (or typed name) + address: LOGIN_MAX_FAILURES (5) per LOGIN_LOCK_MINUTES (15),
 *   then paused for LOGIN_LOCK_MINUTES from that address only (doubling on repeats, see
 *   limits/service.ts), so someone elsewhere cannot lock the real user out;
 * - one address across all names: 20 per 15 minutes, then 15 minutes (spraying many names);
 * - one account (or typed name) across all addresses: 50 per hour, then one hour for
 *   everyone (guessing spread over many addresses).
 *
 * Unknown names get the same buckets as real accounts, so the answers never tell them apart.
 * A successful sign-in does not count: it clears its account+address bucket and gives its
 * attempt back to the two wider ones.
 */
export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MINUTES = 15;
export const ACCOUNT_MAX_FAILURES = 50;
export const ACCOUNT_WINDOW_MINUTES = 60;

const MIN = 60_000;

/** The account id when the name is an account, else the typed name itself. */
export type LoginSubject = { accountId: string } | { typedName: string };

const subjectKey = (s: LoginSubject) => ('accountId' in s ? s.accountId : `name:${s.typedName}`);
const pairKey = (s: LoginSubject, ip: string) => `login:pair:${subjectKey(s)}@${ip}`;
const accountKey = (s: LoginSubject) => `login:account:${subjectKey(s)}`;
const addressKey = (ip: string) => `login:ip:${ip}`;

export interface LoginLimits {
  address: Limit;
  pair: Limit;
  account: Limit;
}

export function loginLimits(config: AppConfig, subject: LoginSubject, ip: string): LoginLimits {
  const lockMs = config.loginLockMinutes * MIN;
  return {
    address: {
      key: addressKey(ip),
      max: ADDRESS_MAX_FAILURES,
      windowMs: ADDRESS_WINDOW_MINUTES * MIN,
      lockMs: ADDRESS_WINDOW_MINUTES * MIN,
    },
    pair: { key: pairKey(subject, ip), max: config.loginMaxFailures, windowMs: lockMs, lockMs },
    account: {
      key: accountKey(subject),
      max: ACCOUNT_MAX_FAILURES,
      windowMs: ACCOUNT_WINDOW_MINUTES * MIN,
      lockMs: ACCOUNT_WINDOW_MINUTES * MIN,
    },
  };
}

export type Admission =
  | { allowed: true; pair: LimitResult; account: LimitResult }
  | { allowed: false; by: 'address' | 'subject'; result: LimitResult };

/**
 * Counts the attempt: address first (a flooding address is refused whatever the name), then
 * the account+address and account-wide buckets. Stops at the first refusal.
 */
export async function admit(db: DbOrTx, now: Date, limits: LoginLimits): Promise<Admission> {
  const address = await consume(db, now, limits.address);
  if (!address.allowed) return { allowed: false, by: 'address', result: address };
  const pair = await consume(db, now, limits.pair);
  if (!pair.allowed) return { allowed: false, by: 'subject', result: pair };
  const account = await consume(db, now, limits.account);
  if (!account.allowed) return { allowed: false, by: 'subject', result: account };
  return { allowed: true, pair, account };
}

/** A right password: forget this address's failures for the account and hand the attempt back. */
export async function succeeded(db: DbOrTx, limits: LoginLimits): Promise<void> {
  await clear(db, limits.pair.key);
  await refund(db, [limits.address.key, limits.account.key]);
}

/** An administrator's password reset lifts every sign-in pause of the account. */
export async function forgetAccountFailures(db: DbOrTx, accountId: string): Promise<void> {
  await clear(db, accountKey({ accountId }));
  await clearPrefix(db, `login:pair:${accountId}@`);
}

/** The account-wide pause as SQL, for showing "locked" in the accounts list. */
export function accountPausedUntil(accountIdColumn: AnyColumn) {
  return blockedUntilOf(sql`'login:account:' || ${accountIdColumn}`);
}
