import { systemCtx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import type { Tx } from '../../db/client.js';
import { clocksOf, type CaseRecord } from './case-record.js';
import { changeCase, type CaseRow } from './case-writer.js';
import { reminderRepo } from './repository.js';
import { addDays, type IsoDate } from './rules/dates.js';
import type { WorkingCalendar } from './rules/working-days.js';
import {
  OVERDUE_TEXT_DAYS,
  warningKey,
  warningsToText,
  workerWarnings,
  type WorkerWarning,
} from './rules/worker-deadlines.js';
import { tellParties } from './service.js';
import { systemActor } from '../../../contracts/disputes/actor-labels.js';

// The worker's deadline warnings (rules/worker-deadlines.ts) as the clocks job texts them and the
// /track page shows them: read from the case's clocks as of today, texted once per clock, step and
// last day, recorded on the locked case row in the same transaction as the message.

type WarnedRow = Pick<CaseRow, 'record' | 'facts' | 'claimTypes'>;

/** The warnings the worker should see today (the /track banner). */
export function workerWarningsOf(row: WarnedRow, calendar: WorkingCalendar, today: IsoDate): WorkerWarning[] {
  const state = row.record.state;
  if (!state) return [];
  return workerWarnings(clocksOf(row, calendar, today), state.kind);
}

/** The warnings not yet texted to the worker. */
export function warningsDue(row: WarnedRow, calendar: WorkingCalendar, today: IsoDate): WorkerWarning[] {
  return warningsToText(workerWarningsOf(row, calendar, today), new Set(row.record.workerWarningsSent ?? []));
}

/** Texts the worker each warning, in the worker's words. */
export async function textWarnings(tx: Tx, row: CaseRow, warnings: readonly WorkerWarning[]) {
  await tellParties(
    tx,
    row,
    warnings.map((w) => ({ to: 'worker' as const, message: w.text })),
  );
}

/** The record with the warnings marked as texted. */
export function withWarningsTexted(record: CaseRecord, warnings: readonly WorkerWarning[]): CaseRecord {
  if (!warnings.length) return record;
  return {
    ...record,
    workerWarningsSent: [...(record.workerWarningsSent ?? []), ...warnings.map(warningKey)].slice(-50),
  };
}

/**
 * How far back a closing can still matter: a limitation period runs out at most a year (and a few
 * rest days) after the case was registered, hence after it closed, and its overdue warning is texted
 * within OVERDUE_TEXT_DAYS after that.
 */
const REFERRED_LOOKBACK_DAYS = 366 + 14 + OVERDUE_TEXT_DAYS;

/**
 * A closed case does not end the worker's deadline: after a mediation that failed and referred the
 * worker to arbitration (劳动争议调解仲裁法第十四条第三款, and 第十五条 for an agreement not performed)
 * the arbitration limitation keeps running (第二十七条), so the worker is warned of it as on an open
 * case. Staff get no reminder of a closed case.
 */
export async function warnReferredWorkers(
  deps: Deps,
  calendar: WorkingCalendar,
  today: IsoDate,
  signal?: AbortSignal,
): Promise<number> {
  let texted = 0;
  let after: string | null = null;
  for (;;) {
    signal?.throwIfAborted();
    const batch = await reminderRepo.referredToArbitration(
      deps.db,
      addDays(today, -REFERRED_LOOKBACK_DAYS),
      200,
      after,
    );
    if (!batch.length) break;
    after = batch[batch.length - 1]!.id;
    for (const row of batch) {
      if (!warningsDue(row, calendar, today).length) continue;
      // Decided again on the locked row: a run on another instance meanwhile texts nothing twice.
      const { result } = await deps.db.transaction((tx) =>
        changeCase(tx, systemCtx('scheduler'), row.id, { now: deps.now() }, async (locked) => {
          const due = warningsDue(locked, calendar, today);
          if (!due.length) return { change: null, result: 0 };
          await textWarnings(tx, locked, due);
          return {
            change: {
              set: { record: withWarningsTexted(locked.record, due) },
              event: {
                action: 'reminders_sent',
                actorLabel: systemActor('deadlineReminder'),
                payload: { warnings: due.map((w) => ({ clock: w.clock, within: w.within })) },
              },
              audit: { action: 'dispute.reminders_sent', after: { warnings: due.map(warningKey) } },
            },
            result: due.length,
          };
        }),
      );
      texted += result;
    }
  }
  return texted;
}
