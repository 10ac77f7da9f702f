import type { Role } from '../roles.js';
import type { IsoDate } from './case-state.js';

/** The statutory clocks of a case, as the server computes them (server/modules/disputes/rules/clocks.ts). */
export const CLOCK_CODES = [
  'contact',
  'mediation',
  'confirmation_application',
  'court_decision',
  'performance',
  'enforcement',
  'limitation',
  'limitation_wage_arrears',
] as const;
export type ClockCode = (typeof CLOCK_CODES)[number];

/**
 * running: started, not yet due, not yet met; overdue: past due and not met;
 * met: the act happened (possibly late, see `late`); not_started: its start event
 * has not happened (or its start day is in the future); stopped: the case ended
 * or moved on so that the clock no longer matters.
 */
export const CLOCK_STATUSES = ['running', 'met', 'overdue', 'not_started', 'stopped'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

export interface Clock {
  code: ClockCode;
  label: string;
  labelEn: string;
  basis: string;
  basisEn: string;
  unit: 'calendar_days' | 'working_days';
  startsOn: IsoDate | null;
  /** Last day (inclusive) to act. */
  dueOn: IsoDate | null;
  status: ClockStatus;
  /** Calendar days from today to dueOn (negative when overdue); null when met, stopped or unknown. */
  daysLeft: number | null;
  /** Working days left, for clocks counted in working days. */
  workingDaysLeft?: number | null;
  remindOn: IsoDate | null;
  metOn?: IsoDate;
  /** Met, but after dueOn. */
  late?: boolean;
  /** Who is told when a reminder fires. */
  audience: Role[];
  note?: string;
  noteEn?: string;
  /**
   * `service_standard`: a promise the studio makes (服务承诺), not a period set by law; the page and
   * the reminders say so. Absent: a statutory period.
   */
  obligation?: 'service_standard';
}
