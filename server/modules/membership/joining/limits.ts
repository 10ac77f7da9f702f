import { addressKey } from '../../limits/requests.js';
import type { Limit } from '../../limits/service.js';

// How often a phone and an address may ask for and try the membership codes; counted in the
// shared limits table, so every instance sees the same counts. The phone's hourly and daily SMS
// allowance is the one every code flow shares.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export function codeRequestLimits(phone: string, ip: string | null): Limit[][] {
  const address = `member-code:ip:${addressKey(ip)}`;
  const sms = `sms:phone:${phone}`;
  return [
    [
      { key: `${address}:min`, max: 5, windowMs: MIN },
      { key: `${address}:hour`, max: 30, windowMs: HOUR, lockMs: HOUR },
      { key: `${address}:day`, max: 100, windowMs: DAY, lockMs: DAY },
    ],
    [{ key: `${sms}:membership:min`, max: 1, windowMs: MIN }],
    [
      { key: `${sms}:hour`, max: 5, windowMs: HOUR, lockMs: HOUR },
      { key: `${sms}:day`, max: 10, windowMs: DAY, lockMs: DAY },
    ],
  ];
}

/** Wrong codes: five per phone in 15 minutes, then locked; the address has a larger allowance. */
export function codeAttemptLimits(phone: string, ip: string | null): { phoneLimit: Limit; addressLimit: Limit } {
  return {
    phoneLimit: { key: `member-verify:phone:${phone}`, max: 5, windowMs: 15 * MIN, lockMs: 15 * MIN },
    addressLimit: { key: `member-verify:ip:${addressKey(ip)}`, max: 30, windowMs: HOUR, lockMs: HOUR },
  };
}

/** Applications from one address: a shared network may sign up a crew, not a city. */
export function applicationLimits(ip: string | null): Limit[] {
  const address = `member-apply:ip:${addressKey(ip)}`;
  return [
    { key: `${address}:hour`, max: 30, windowMs: HOUR, lockMs: HOUR },
    { key: `${address}:day`, max: 200, windowMs: DAY, lockMs: DAY },
  ];
}

/** A code lives ten minutes (the SMS says so); the phone's session (the card, the application), 30 days. */
export const CODE_TTL_MS = 10 * MIN;
export const SESSION_TTL_MS = 30 * DAY;
export const RESEND_AFTER_SEC = 60;
