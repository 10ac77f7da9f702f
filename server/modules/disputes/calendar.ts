import type { Deps } from '../../core/deps.js';
import type { DbOrTx } from '../../db/client.js';
import { toChinaDate } from './rules/dates.js';
import { createCalendar, type WorkingCalendar } from './rules/working-days.js';
import { settingsRepo } from './repository.js';

// The holiday corrections are read on every use (a few rows a year): another app instance may
// have changed them a moment ago, and a deadline computed on a stale calendar is wrong. Only the
// calendar built from them is kept, for as long as the rows stay the same.
const cache = new WeakMap<object, { rows: string; calendar: WorkingCalendar }>();

export async function calendarFor(deps: Deps): Promise<WorkingCalendar> {
  const overrides = await settingsRepo.calendarOverrides(deps.db);
  const rows = overrides.map((o) => `${o.date}:${o.kind}:${o.note ?? ''}`).join('|');
  const hit = cache.get(deps.db);
  if (hit && hit.rows === rows) return hit.calendar;
  const calendar = createCalendar(overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.note ?? undefined })));
  cache.set(deps.db, { rows, calendar });
  return calendar;
}

export function forgetCalendar(db: DbOrTx): void {
  cache.delete(db);
}

export function todayOf(deps: Deps): string {
  return toChinaDate(deps.now());
}
