import { addressKey } from '../../limits/requests.js';
import type { Limit } from '../../limits/service.js';

// How often a worker and an address may post on the message boards; counted in the shared limits
// table, so every instance sees the same counts.

const HOUR = 60 * 60_000;

/** Five suggestions an hour per worker, thirty per address (a shared network has many workers). */
export function postLimits(workerId: string, ip: string | null): Limit[] {
  return [
    { key: `station-board:worker:${workerId}`, max: 5, windowMs: HOUR },
    { key: `station-board:ip:${addressKey(ip)}`, max: 30, windowMs: HOUR },
  ];
}
