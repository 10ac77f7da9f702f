import { systemCtx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { notify } from '../notifications/service.js';
import { calendarFor, todayOf } from './calendar.js';
import { clocksOf } from './case-record.js';
import { caseRepo, contactRepo, reminderRepo } from './repository.js';
import { dueReminders, mediationExpired } from './rules/clocks.js';
import { clockFactsOf } from './rules/state-machine.js';
import { PRE_AGREEMENT_OPEN_STAGES, isStage } from './rules/stages.js';
import { applyAction, noticeContext, tellParties } from './service.js';
import { caseRoster } from './case-parties.js';
import { overdueNotices } from './party-notices.js';
import { amountOverdueFen } from './rules/state-machine.js';
import { changeCase } from './case-writer.js';
import type { disputeCases } from './tables.js';
import { textWarnings, warnReferredWorkers, warningsDue, withWarningsTexted } from './worker-warnings.js';
import { warningKey } from './rules/worker-deadlines.js';
import { systemActor } from '../../../contracts/disputes/actor-labels.js';

export interface ReminderRunResult {
  casesChecked: number;
  remindersSent: number;
  closedForDeadline: number;
  sessionReminders: number;
  /** Deadline warnings texted to workers in their own words (worker-warnings.ts). */
  workerWarnings: number;
}

/**
 * The scheduled job: reminders to staff before each clock runs out (once per reminder and day), the
 * worker's deadline warnings in the worker's words (once per clock, step and last day, also after
 * a failed mediation referred the worker to arbitration), and a recorded decision for every case
 * whose mediation period has ended without an agreement — so that no case ever sits in mediation
 * past its clock.
 */
export async function runReminders(deps: Deps, opts: { signal?: AbortSignal } = {}): Promise<ReminderRunResult> {
  const calendar = await calendarFor(deps);
  const today = todayOf(deps);
  const result: ReminderRunResult = {
    casesChecked: 0,
    remindersSent: 0,
    closedForDeadline: 0,
    sessionReminders: 0,
    workerWarnings: 0,
  };
  let after: string | null = null;
  for (;;) {
    // A shutdown stops the run between batches; the retry starts over and skips what was sent.
    opts.signal?.throwIfAborted();
    const batch = await caseRepo.openCases(deps.db, 200, after);
    if (!batch.length) break;
    after = batch[batch.length - 1]!.id;
    for (const row of batch) {
      result.casesChecked++;
      const record = row.record;
      if (!record.state) continue;
      if (
        isStage(row.stage) &&
        PRE_AGREEMENT_OPEN_STAGES.includes(row.stage) &&
        mediationExpired(clockFactsOf(record.state), today)
      ) {
        await applyAction(
          deps,
          systemCtx('scheduler'),
          row.id,
          'close_failed',
          {
            reason: 'deadline_passed',
            referral: row.kind === 'union_mediation' ? 'arbitration' : 'lawsuit',
            note: '调解期限届满未达成协议，系统按期限规则终止调解并分流',
          },
          { role: 'system_admin', actorLabel: systemActor('deadlinePassed') },
        );
        result.closedForDeadline++;
        continue;
      }
      const key = (r: { clock: string; kind: string }) => `${r.clock}:${r.kind}:${today}`;
      const dueOn = (candidate: typeof row) => {
        const sent = new Set(candidate.record.remindersSent ?? []);
        return dueReminders(clocksOf(candidate, calendar, today), today).filter((r) => !sent.has(key(r)));
      };
      const warningsOf = (candidate: typeof row) => warningsDue(candidate, calendar, today);
      if (!dueOn(row).length && !warningsOf(row).length) continue;
      // Decided again on the locked row: an action taken since the batch was read is kept, and
      // a reminder sent meanwhile by another instance is not sent twice.
      await deps.db.transaction((tx) =>
        changeCase(tx, systemCtx('scheduler'), row.id, { now: deps.now() }, async (locked) => {
          const due = dueOn(locked);
          const warnings = warningsOf(locked);
          if (!due.length && !warnings.length) return { change: null };
          const lockedRecord = locked.record;
          for (const r of due) {
            // Staff wording is for staff: the worker hears of a deadline in its own words (the
            // warnings below), and of an unperformed agreement the parties hear in theirs.
            const audience = r.audience.filter(
              (a) => a !== 'worker' && (r.clock !== 'performance' || a !== 'employer_agent'),
            );
            for (const to of await recipientsFor(tx, locked, audience))
              await notify(tx, {
                channel: 'sms',
                recipient: to,
                template: 'dispute.staff_notice',
                variables: { caseNumber: locked.caseNumber, message: r.message },
                topic: `dispute_case:${locked.id}`,
                regionCode: locked.regionCode,
              });
            result.remindersSent++;
            // The agreement's last day passed with money unpaid: both parties hear it in their own words.
            const state = lockedRecord.state;
            if (r.clock === 'performance' && r.kind === 'overdue' && state) {
              const overdue = amountOverdueFen(state, today);
              if (overdue > 0)
                await tellParties(tx, locked, overdueNotices(await noticeContext(tx, deps, locked), r.dueOn, overdue));
            }
          }
          await textWarnings(tx, locked, warnings);
          result.workerWarnings += warnings.length;
          const sent = [...(lockedRecord.remindersSent ?? []), ...due.map(key)].slice(-50);
          return {
            change: {
              set: { record: withWarningsTexted({ ...lockedRecord, remindersSent: sent }, warnings) },
              event: {
                action: 'reminders_sent',
                actorLabel: systemActor('deadlineReminder'),
                payload: {
                  reminders: due.map((r) => ({ clock: r.clock, kind: r.kind })),
                  warnings: warnings.map((w) => ({ clock: w.clock, within: w.within })),
                },
              },
              audit: {
                action: 'dispute.reminders_sent',
                after: { reminders: due.map(key), warnings: warnings.map(warningKey) },
              },
            },
          };
        }),
      );
    }
  }
  result.workerWarnings += await warnReferredWorkers(deps, calendar, today, opts.signal);
  result.sessionReminders = await remindSessions(deps);
  return result;
}

async function recipientsFor(
  tx: Deps['db'],
  row: typeof disputeCases.$inferSelect,
  audience: string[],
): Promise<string[]> {
  const out: string[] = [];
  if (audience.includes('worker')) {
    const w = await contactRepo.worker(tx, row.workerPersonId);
    if (w?.phone) out.push(w.phone);
  }
  if (audience.includes('employer_agent')) {
    // The paying party (the liable contractor, else the employer), never the crew boss who hired.
    const phone = caseRoster(row.facts, row.record).acting?.phone;
    if (phone) out.push(phone);
  }
  for (const id of [
    audience.includes('mediator') ? row.mediatorAccountId : null,
    audience.includes('judge') ? row.judgeAccountId : null,
  ]) {
    if (!id) continue;
    const a = await contactRepo.account(tx, id);
    out.push(a?.phone ?? `account:${a?.username ?? id}`);
  }
  return out;
}

/** Sessions in the next 24 hours get one reminder to both parties. */
async function remindSessions(deps: Deps): Promise<number> {
  const now = deps.now();
  const soon = new Date(now.getTime() + 24 * 3600_000);
  const due = await reminderRepo.sessionsAwaitingReminder(deps.db, now, soon);
  let sent = 0;
  for (const s of due) {
    const row = await caseRepo.byId(deps.db, s.caseId);
    if (!row) continue;
    const when = s.scheduledAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    const how =
      s.mode === 'video'
        ? `视频调解，会议链接：${s.meetingUrl}`
        : s.mode === 'phone'
          ? '电话调解，请保持电话畅通'
          : `当面调解，地点：${s.location}`;
    sent += await deps.db.transaction(async (tx) => {
      // Claimed first, on the locked session row: a concurrent or retried run sends nothing.
      if (!(await reminderRepo.claimSessionReminder(tx, s.id, now))) return 0;
      for (const to of await recipientsFor(tx, row, ['worker', 'employer_agent'])) {
        await notify(tx, {
          channel: 'sms',
          recipient: to,
          template: 'dispute.session_reminder',
          variables: { caseNumber: row.caseNumber, when, how },
          topic: `dispute_case:${row.id}`,
          regionCode: row.regionCode,
        });
      }
      return 1;
    });
  }
  return sent;
}
