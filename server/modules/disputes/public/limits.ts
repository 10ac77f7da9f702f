import { addressKey } from '../../limits/requests.js';
import type { Limit } from '../../limits/service.js';

export { addressKey, perInstanceBrake } from '../../limits/requests.js';

// How often the no-login dispute flows may be used. Counted in the shared limits table, so the
// counts hold across app instances and restarts. Each limit is one bucket; a spent hourly or
// daily allowance locks the key, twice as long at each further overrun (limits/service.ts).

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A series of SMS to one phone: not two within a minute, five an hour, ten a day. */
const perMinute = (key: string): Limit => ({ key: `${key}:min`, max: 1, windowMs: MIN });
const perHourAndDay = (key: string, hour: number, day: number): Limit[] => [
  { key: `${key}:hour`, max: hour, windowMs: HOUR, lockMs: HOUR },
  { key: `${key}:day`, max: day, windowMs: DAY, lockMs: DAY },
];

/**
 * Tracking and signing codes, in three stages (a refusal at one stage does not count at the
 * next): the address first, so one network cannot work through many phones and cases; then
 * one code a minute per case and per phone; then five an hour and ten a day per case, and per
 * phone for every purpose together (the application's SMS included). The case is
 * counted by the number typed, whether or not a case has it, so the answer shows nothing.
 */
export function codeRequestLimits(purpose: string, caseNumber: string, phone: string, ip: string | null): Limit[][] {
  const address = `code:ip:${addressKey(ip)}`;
  const caseKey = `code:${purpose}:case:${caseNumber}`;
  const phoneKey = `sms:phone:${phone}`;
  return [
    [{ key: `${address}:min`, max: 5, windowMs: MIN }, ...perHourAndDay(address, 20, 50)],
    // Per purpose: a worker who has just logged in with a code may ask for the signing code at once.
    [perMinute(caseKey), perMinute(`${phoneKey}:${purpose}`)],
    [...perHourAndDay(caseKey, 5, 10), ...perHourAndDay(phoneKey, 5, 10)],
  ];
}

/**
 * Wrong codes for one case and purpose, across every code sent: five attempts in 15 minutes,
 * then 15 minutes locked (doubling). A right code clears the count. The address has its own,
 * larger allowance, against guessing across many cases.
 */
export function codeAttemptLimits(
  purpose: string,
  caseNumber: string,
  ip: string | null,
): { caseLimit: Limit; addressLimit: Limit } {
  return {
    caseLimit: { key: `verify:${purpose}:case:${caseNumber}`, max: 5, windowMs: 15 * MIN, lockMs: 15 * MIN },
    addressLimit: { key: `verify:ip:${addressKey(ip)}`, max: 30, windowMs: HOUR, lockMs: HOUR },
  };
}

/**
 * Online applications: five a day per phone and twenty per address (a refused form counts too:
 * it reached the server). Counted before the application is read.
 */
export function applicationLimits(phone: string, ip: string | null): Limit[][] {
  return [
    [{ key: `apply:ip:${addressKey(ip)}:day`, max: 20, windowMs: DAY, lockMs: DAY }],
    [{ key: `apply:phone:${phone}:day`, max: 5, windowMs: DAY, lockMs: DAY }],
  ];
}

/** An SMS sent to the phone (an application's confirmation) spends the phone's allowance. */
export function smsSent(phone: string): Limit[] {
  return perHourAndDay(`sms:phone:${phone}`, 5, 10);
}

/**
 * The worker's share of a case's evidence (the case as a whole has its own quota, see
 * work/evidence.ts): enough pay slips, chat screenshots and photos, while leaving room for what
 * the mediator and the employer add.
 */
export const WORKER_EVIDENCE_SHARE = { files: 30, bytes: 60 * 1024 * 1024 };

/**
 * Uploads from the phone: twenty in ten minutes per tracking session (a session lasts two hours),
 * and sixty an hour per address, counted before the file is read.
 */
export function trackUploadLimits(sessionId: string, ip: string | null): Limit[][] {
  return [
    [{ key: `track:upload:ip:${addressKey(ip)}:hour`, max: 60, windowMs: HOUR, lockMs: HOUR }],
    [{ key: `track:upload:session:${sessionId}`, max: 20, windowMs: 10 * MIN }],
  ];
}
