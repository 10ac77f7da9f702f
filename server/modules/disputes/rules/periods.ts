/**
 * The statutory periods of a dispute case and the facts they run from. The clocks (clocks.ts,
 * clock-table.ts) show them; the state machine's guards use them too (the mediation-clock lock,
 * the extension, the confirmation window, enforcement).
 *
 * Counting (民法典第二百零一条, 民事诉讼法第八十五条): the day an event happens is not counted; a
 * period of N days ends on start + N. Year periods end on the same month and day (29 Feb → 28
 * Feb). Periods that a *party* must observe under procedural law (the 30-day confirmation
 * application, the 2-year enforcement period) and the 1-year arbitration limitation are moved to
 * the next working day when their last day is a rest day (民事诉讼法第八十五条第三款,
 * 民法典第二百零三条). Mediation periods and the court's own period are not moved: the platform
 * must never let a case sit past them.
 */
import type { CaseKind } from '../../../../contracts/disputes/case-state.js';
import { addDays, addYears, maxDate, type IsoDate } from './dates.js';
import type { Stage } from './stages.js';
import type { WorkingCalendar } from './working-days.js';

export interface MediationPeriodRule {
  days: number;
  /** Which fact starts the clock. */
  startsFrom: 'appliedOn' | 'acceptedOn';
  /** Court-sent cases may be extended once by 30 days with both parties' consent. */
  extendable: boolean;
  basis: string;
  basisEn: string;
}

export const MEDIATION_EXTENSION_DAYS = 30;

export const MEDIATION_PERIODS: Readonly<Record<CaseKind, MediationPeriodRule>> = {
  union_mediation: {
    days: 15,
    startsFrom: 'appliedOn',
    extendable: false,
    basis: '《劳动争议调解仲裁法》第十四条',
    basisEn: 'Labor Dispute Mediation and Arbitration Law, art. 14',
  },
  court_pre_filing: {
    days: 30,
    startsFrom: 'acceptedOn',
    extendable: true,
    basis: '《最高人民法院关于人民法院特邀调解的规定》第二十七条；《人民法院在线调解规则》第二十四条',
    basisEn:
      'SPC Provisions on Specially Invited Mediation (2016), art. 27; SPC Online Mediation Rules (2021), art. 24',
  },
  court_post_filing_ordinary: {
    days: 15,
    startsFrom: 'acceptedOn',
    extendable: true,
    basis:
      '《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》第三条；《最高人民法院关于人民法院特邀调解的规定》第二十七条',
    basisEn:
      'SPC Opinions on Strictly Regulating Case Filing and Mediation in Civil Cases (2025), item 3; SPC Provisions on Specially Invited Mediation, art. 27',
  },
  court_post_filing_simple: {
    days: 7,
    startsFrom: 'acceptedOn',
    extendable: true,
    basis:
      '《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》第三条；《最高人民法院关于人民法院特邀调解的规定》第二十七条',
    basisEn:
      'SPC Opinions on Strictly Regulating Case Filing and Mediation in Civil Cases (2025), item 3; SPC Provisions on Specially Invited Mediation, art. 27',
  },
};

export function isCourtSent(kind: CaseKind): boolean {
  return kind !== 'union_mediation';
}

export interface MediationClockFacts {
  kind: CaseKind;
  /** The day the mediation body received the application (oral applications count: 劳动争议调解仲裁法第十二条). */
  appliedOn: IsoDate;
  /** The day the case was accepted; for court-sent cases the day the studio signed for the court's materials. */
  acceptedOn: IsoDate;
  /** Set when mediation was reopened after a refused confirmation: the period runs again from this day. */
  mediationRestartedOn?: IsoDate;
  extensionDays?: number;
}

export function mediationStartsOn(f: MediationClockFacts): IsoDate {
  if (f.mediationRestartedOn) return f.mediationRestartedOn;
  return MEDIATION_PERIODS[f.kind].startsFrom === 'appliedOn' ? f.appliedOn : f.acceptedOn;
}

/** Last day of the mediation period (inclusive). */
export function mediationDueOn(f: MediationClockFacts): IsoDate {
  return addDays(mediationStartsOn(f), MEDIATION_PERIODS[f.kind].days + (f.extensionDays ?? 0));
}

/** True when `today` is after the last day of the mediation period. */
export function mediationExpired(f: MediationClockFacts, today: IsoDate): boolean {
  return today > mediationDueOn(f);
}

export const CONTACT_WORKING_DAYS = 3;
export const CONFIRMATION_APPLICATION_DAYS = 30;
export const COURT_DECISION_DAYS = 30;
export const ENFORCEMENT_YEARS = 2;
export const LIMITATION_YEARS = 1;

/** Last day to apply jointly for judicial confirmation: effective + 30 days, moved off rest days. */
export function confirmationDueOn(agreementEffectiveOn: IsoDate, calendar: WorkingCalendar): IsoDate {
  return calendar.nextWorkingDayOnOrAfter(addDays(agreementEffectiveOn, CONFIRMATION_APPLICATION_DAYS));
}

/** The day the 2-year enforcement period starts (民事诉讼法第二百五十条第二款). */
export function enforcementStartsOn(rulingIssuedOn: IsoDate, paymentDueDates: readonly IsoDate[] | undefined): IsoDate {
  return maxDate(paymentDueDates ?? []) ?? rulingIssuedOn;
}

export function enforcementDueOn(startsOn: IsoDate, calendar: WorkingCalendar): IsoDate {
  return calendar.nextWorkingDayOnOrAfter(addYears(startsOn, ENFORCEMENT_YEARS));
}

/** Last day of the 1-year arbitration limitation from `startsOn`, moved off rest days (第二十七条). */
export function limitationDueOn(startsOn: IsoDate, calendar: WorkingCalendar): IsoDate {
  return calendar.nextWorkingDayOnOrAfter(addYears(startsOn, LIMITATION_YEARS));
}

export interface ClockFacts extends MediationClockFacts {
  stage: Stage;
  contactedOn?: IsoDate;
  mediationStartedOn?: IsoDate;
  agreementEffectiveOn?: IsoDate;
  confirmationAppliedOn?: IsoDate;
  rulingIssuedOn?: IsoDate;
  confirmationRefusedOn?: IsoDate;
  /** Due dates of the agreement's payments (one per installment). */
  paymentDueDates?: IsoDate[];
  performedOn?: IsoDate;
  enforcementAppliedOn?: IsoDate;
  paymentOrderAppliedOn?: IsoDate;
  employmentEndedOn?: IsoDate;
  /** When the worker knew or should have known of the harm. */
  harmKnownOn?: IsoDate;
  claimsIncludeWageArrears?: boolean;
}
