import { timeInChina } from '../../../../contracts/dates.js';
import type { WorkerSessionStatus, WorkerView } from '../../../../contracts/disputes/public-views.js';
import type { disputeSessions } from '../tables.js';

type SessionRow = typeof disputeSessions.$inferSelect;

/** A session under way is still the one to join: it stays "upcoming" this long after its start. */
const UNDER_WAY_MS = 2 * 3_600_000;

function statusOf(s: SessionRow, now: Date): WorkerSessionStatus {
  if (s.heldAt) return 'held';
  return s.scheduledAt.getTime() + UNDER_WAY_MS > now.getTime() ? 'upcoming' : 'past';
}

/**
 * The case's sessions as the worker reads them on the phone: upcoming ones first, soonest first,
 * then the held and past ones, latest first. Only what the worker needs to attend: the mode, the
 * China date and time, the place (in person) or the link (video). The minutes and the reminder's
 * bookkeeping stay with staff.
 */
export function workerSessions(rows: readonly SessionRow[], now: Date): WorkerView['sessions'] {
  const shown = rows.map((s) => {
    const [date, time] = timeInChina(s.scheduledAt).split('T') as [string, string];
    return {
      mode: s.mode,
      scheduledAt: s.scheduledAt.toISOString(),
      date,
      time,
      status: statusOf(s, now),
      location: s.mode === 'in_person' ? s.location : null,
      meetingUrl: s.mode === 'video' ? s.meetingUrl : null,
    };
  });
  const upcoming = shown
    .filter((s) => s.status === 'upcoming')
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const done = shown.filter((s) => s.status !== 'upcoming').sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
  return [...upcoming, ...done];
}
