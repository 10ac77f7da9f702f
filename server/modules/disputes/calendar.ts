import type { Deps } from '../../core/deps.js';
import type { DbOrTx } from '../../db/client.js';
import { toChinaDate } from './rules/dates.js';
import { createCalendar, type WorkingCalendar } from './rules/working-days.js';
import { settingsRepo } from './repository.js';

// The holiday corrections table changes a few times a year; re-reading it every minute is plenty.
const TTL_MS = 60_000;
const cache = new WeakMap<object, { at: number; calendar: WorkingCalendar }>();

export async function calendarFor(deps: Deps): Promise<WorkingCalendar> {
  const hit = cache.get(deps.db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.calendar;
  const overrides = await settingsRepo.calendarOverrides(deps.db);
  const calendar = createCalendar(overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.note ?? undefined })));
  cache.set(deps.db, { at: Date.now(), calendar });
  return calendar;
}

export function forgetCalendar(db: DbOrTx): void {
  cache.delete(db);
}

export function todayOf(deps: Deps): string {
  return toChinaDate(deps.now());
}
