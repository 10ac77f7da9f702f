import { addressKey } from '../../limits/requests.js';
import type { Limit } from '../../limits/service.js';

// How often an enterprise may ask for and try codes to read its refunds without an account.
// Counted in the shared limits table (modules/limits), so the counts hold across instances.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const perHourAndDay = (key: string, hour: number, day: number): Limit[] => [
  { key: `${key}:hour`, max: hour, windowMs: HOUR, lockMs: HOUR },
  { key: `${key}:day`, max: day, windowMs: DAY, lockMs: DAY },
];

/**
 * Code requests, in stages counted before the USCC is looked up (a refusal at one stage does not
 * count at the next): the address first, so one network cannot work through many codes; then the
 * USCC typed, registered or not, so the answer shows nothing.
 */
export function codeRequestLimits(uscc: string, ip: string | null): Limit[][] {
  const address = `fee-code:ip:${addressKey(ip)}`;
  const usccKey = `fee-code:uscc:${uscc}`;
  return [
    [{ key: `${address}:min`, max: 5, windowMs: MIN }, ...perHourAndDay(address, 20, 50)],
    [{ key: `${usccKey}:min`, max: 1, windowMs: MIN }],
    perHourAndDay(usccKey, 5, 10),
  ];
}

/**
 * The registered phone's allowance, once the lookup found it: one fee-refund code a minute, and
 * the phone's hourly and daily SMS allowance shared with every other code flow (`sms:phone:`).
 * Spent, the code is silently not sent: a refusal would tell that the USCC has a phone.
 */
export function phoneLimits(phone: string): Limit[] {
  const key = `sms:phone:${phone}`;
  return [{ key: `${key}:fee_refunds:min`, max: 1, windowMs: MIN }, ...perHourAndDay(key, 5, 10)];
}

/**
 * Wrong codes per USCC, across every code sent: five in 15 minutes, then 15 minutes locked
 * (doubling at each further overrun). A right code clears the count. The address has its own,
 * larger allowance, against guessing across many enterprises.
 */
export function codeAttemptLimits(uscc: string, ip: string | null): { usccLimit: Limit; addressLimit: Limit } {
  return {
    usccLimit: { key: `fee-verify:uscc:${uscc}`, max: 5, windowMs: 15 * MIN, lockMs: 15 * MIN },
    addressLimit: { key: `fee-verify:ip:${addressKey(ip)}`, max: 30, windowMs: HOUR, lockMs: HOUR },
  };
}

/** A code lives ten minutes (the SMS says so); the session it opens, thirty. */
export const CODE_TTL_MS = 10 * MIN;
export const SESSION_TTL_MS = 30 * MIN;
