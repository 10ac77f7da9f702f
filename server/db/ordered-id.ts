import crypto from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A version 7 UUID (RFC 9562 §5.7): the milliseconds since 1970 in the first 48 bits, a counter in
 * the 12 bits of rand_a (§6.2, method 1) and random bits after. Ids made one after another sort in
 * the order they were made, so a bulk insert adds them at the right edge of the primary key's
 * btree instead of at random pages all over it (a random UUID per row touches a different page of
 * an index that outgrows memory). The random 62 bits keep them unguessable enough for row ids; a
 * clock that steps back reuses the last millisecond and counts on (monotonic in this process).
 */
export function orderedId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  const ms = lastMs.toString(16).padStart(12, '0');
  // randomUUID gives the variant bits (10xx) and the random tail at positions 19–35.
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${crypto.randomUUID().slice(19)}`;
}
