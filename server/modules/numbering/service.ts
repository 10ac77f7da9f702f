import type { DbOrTx } from '../../db/client.js';
import { counterRepo } from './repository.js';

/**
 * The next number of a series (e.g. `ruling:<courtId>:2025`), in the caller's transaction:
 * the update (or the insert) locks the series row until commit, so concurrent callers get
 * consecutive numbers and a rolled-back caller's number is given again. `floor` starts a new
 * series above numbers issued before the series existed (e.g. imported historic cases); as a
 * function it is only asked when the series is new.
 */
export async function nextNumber(
  tx: DbOrTx,
  series: string,
  floor: number | (() => Promise<number>) = 0,
): Promise<number> {
  const bumped = await counterRepo.bump(tx, series);
  if (bumped !== null) return bumped;
  const start = (typeof floor === 'function' ? await floor() : floor) + 1;
  return counterRepo.start(tx, series, start);
}
