/**
 * The clocks visible on a dispute case. Each clock names the statute it comes from, when it
 * started, when it runs out, and when to remind people. The clocks themselves are the entries
 * of clock-table.ts; the periods they count (and how) are in periods.ts.
 */
import type { Clock, ClockCode, ClockStatus } from '../../../../contracts/disputes/clocks.js';
import type { Role } from '../../../../contracts/roles.js';
import { CLOCK_TABLE, wordsOf, type ClockContext, type ClockSpec } from './clock-table.js';
import { addDays, daysBetween, type IsoDate } from './dates.js';
import type { ClockFacts } from './periods.js';
import { POST_AGREEMENT_STAGES, TERMINAL_STAGES } from './stages.js';
import type { WorkingCalendar } from './working-days.js';

export { CASE_KINDS, type CaseKind } from '../../../../contracts/disputes/case-state.js';
export { CLOCK_CODES, type Clock, type ClockCode, type ClockStatus } from '../../../../contracts/disputes/clocks.js';
export * from './periods.js';

/** All clocks of a case as of `today` (a China calendar date), in the order of the table. */
export function computeClocks(f: ClockFacts, calendar: WorkingCalendar, today: IsoDate): Clock[] {
  const c: ClockContext = {
    facts: f,
    calendar,
    ended: TERMINAL_STAGES.includes(f.stage),
    hasAgreement: f.agreementEffectiveOn !== undefined && POST_AGREEMENT_STAGES.includes(f.stage),
    today,
  };
  return CLOCK_TABLE.filter((spec) => spec.present?.(c) ?? true).map((spec) => clockOf(spec, c, today));
}

function clockOf(spec: ClockSpec, c: ClockContext, today: IsoDate): Clock {
  const { calendar } = c;
  const startsOn = spec.startsOn(c);
  const dueOn = spec.dueOn(c);
  const metOn = spec.metOn?.(c);
  let remindOn: IsoDate | null = null;
  if (dueOn) {
    remindOn =
      spec.unit === 'working_days'
        ? calendar.addWorkingDays(dueOn, -spec.remindBefore)
        : addDays(dueOn, -spec.remindBefore);
    if (startsOn && remindOn < startsOn) remindOn = startsOn;
  }
  let status: ClockStatus;
  if (metOn) status = 'met';
  else if (spec.stopped(c)) status = 'stopped';
  else if (!startsOn || !dueOn || today < startsOn) status = 'not_started';
  else if (today > dueOn) status = 'overdue';
  else status = 'running';

  const live = status === 'running' || status === 'overdue' || (status === 'not_started' && dueOn !== null);
  const label = wordsOf(spec.label, c);
  const basis = wordsOf(spec.basis, c);
  const clock: Clock = {
    code: spec.code,
    label: label.zh,
    labelEn: label.en,
    basis: basis.zh,
    basisEn: basis.en,
    unit: spec.unit,
    startsOn,
    dueOn,
    status,
    daysLeft: live && dueOn ? daysBetween(today, dueOn) : null,
    remindOn,
    audience: spec.audience,
  };
  if (spec.unit === 'working_days') {
    clock.workingDaysLeft = live && dueOn ? calendar.workingDaysBetween(today, dueOn) : null;
  }
  if (metOn) {
    clock.metOn = metOn;
    clock.late = dueOn !== null && metOn > dueOn;
  }
  const obligation = spec.obligation?.(c);
  if (obligation) clock.obligation = obligation;
  const note = spec.note && wordsOf(spec.note, c);
  if (note) {
    clock.note = note.zh;
    clock.noteEn = note.en;
  }
  return clock;
}

export type RiskLevel = 'overdue' | 'due_soon' | 'ok';

/** overdue: any clock past due and not met; due_soon: any running clock at or past its reminder day. */
export function riskLevel(clocks: readonly Clock[], today: IsoDate): RiskLevel {
  // A missed service standard (the studio's own promise, not a period set by law) asks for
  // attention, but a case is "overdue" only when a statutory period has run out.
  if (clocks.some((c) => c.status === 'overdue' && c.obligation !== 'service_standard')) return 'overdue';
  if (clocks.some((c) => c.status === 'overdue')) return 'due_soon';
  if (clocks.some((c) => c.status === 'running' && c.remindOn !== null && c.remindOn <= today)) return 'due_soon';
  return 'ok';
}

export type ReminderKind = 'advance' | 'due_today' | 'overdue';

export interface Reminder {
  clock: ClockCode;
  kind: ReminderKind;
  dueOn: IsoDate;
  audience: Role[];
  message: string;
  messageEn: string;
}

/**
 * Reminders that fire on `today`: the advance reminder on `remindOn`, one on the
 * due day, and one on the first day after it if the clock is still not met.
 * The scheduler must call this once for every day (including missed days).
 */
export function dueReminders(clocks: readonly Clock[], today: IsoDate): Reminder[] {
  const out: Reminder[] = [];
  for (const c of clocks) {
    if (!c.dueOn || (c.status !== 'running' && c.status !== 'overdue')) continue;
    let kind: ReminderKind | null = null;
    if (c.dueOn === today) kind = 'due_today';
    else if (c.status === 'running' && c.remindOn === today) kind = 'advance';
    else if (c.status === 'overdue' && addDays(c.dueOn, 1) === today) kind = 'overdue';
    if (!kind) continue;
    const left = daysBetween(today, c.dueOn);
    const { message, messageEn } =
      c.obligation === 'service_standard' ? serviceReminder(c, kind, left) : statutoryReminder(c, kind, left);
    out.push({ clock: c.code, kind, dueOn: c.dueOn, audience: c.audience, message, messageEn });
  }
  return out;
}

function statutoryReminder(c: Clock, kind: ReminderKind, left: number): { message: string; messageEn: string } {
  const due = c.dueOn!;
  switch (kind) {
    case 'advance':
      return {
        message: `【提醒】${c.label}：将于 ${due} 届满（还剩 ${left} 天）。依据：${c.basis}`,
        messageEn: `Reminder — ${c.labelEn}: runs out on ${due} (${left} days left). Basis: ${c.basisEn}`,
      };
    case 'due_today':
      return {
        message: `【今日到期】${c.label}：今天（${due}）是最后一天。依据：${c.basis}`,
        messageEn: `Due today — ${c.labelEn}: today (${due}) is the last day. Basis: ${c.basisEn}`,
      };
    case 'overdue':
      return {
        message: `【已逾期】${c.label}：已于 ${due} 届满，请立即处理。依据：${c.basis}`,
        messageEn: `Overdue — ${c.labelEn}: ran out on ${due}; act now. Basis: ${c.basisEn}`,
      };
  }
}

/** A service standard is the studio's promise: its reminders never speak of a legal deadline. */
function serviceReminder(c: Clock, kind: ReminderKind, left: number): { message: string; messageEn: string } {
  const due = c.dueOn!;
  const tail = '这是本工作室的服务承诺，不是法定期限。';
  const tailEn = 'This is the studio’s service standard, not a statutory deadline.';
  switch (kind) {
    case 'advance':
      return {
        message: `【服务承诺提醒】${c.label}：按承诺应于 ${due} 前完成（还剩 ${left} 天）。${tail}`,
        messageEn: `Service reminder — ${c.labelEn}: promised by ${due} (${left} days left). ${tailEn}`,
      };
    case 'due_today':
      return {
        message: `【服务承诺今日到期】${c.label}：按承诺今天（${due}）完成。${tail}`,
        messageEn: `Service standard due today — ${c.labelEn}: promised for today (${due}). ${tailEn}`,
      };
    case 'overdue':
      return {
        message: `【未达服务承诺】${c.label}：承诺的 ${due} 已过，请尽快处理。${tail}`,
        messageEn: `Service standard missed — ${c.labelEn}: the promised day ${due} has passed; please act soon. ${tailEn}`,
      };
  }
}
