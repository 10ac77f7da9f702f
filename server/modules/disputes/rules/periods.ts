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

/**
 * How a mediation period may be extended, always with both parties' consent and before it ends
 * (人民法院在线调解规则第二十五条第（六）项: a period that ends without agreement ends the mediation):
 * - `none`: union mediation. The 15 days are not extendable; the parties may agree to go on
 *   mediating past them (continue_mediation), while the worker may apply for arbitration.
 * - `agreed`: pre-filing court-referred mediation, by the number of days the parties agree, as
 *   often as they agree (特邀调解规定第二十七条第一款: 双方当事人同意延长的，不受此限; 在线调解规则第二十四条).
 *   `maxDaysPerExtension` only keeps the input sane; it is no legal limit.
 * - `fixed`: post-filing (委托) mediation, once by 30 days (最高法2025年意见第三条).
 */
export type ExtensionRule =
  { kind: 'none' } | { kind: 'agreed'; maxDaysPerExtension: number } | { kind: 'fixed'; days: number; times: 1 };

export interface MediationPeriodRule {
  days: number;
  /** Which fact starts the clock. */
  startsFrom: 'appliedOn' | 'acceptedOn';
  /** Whether the period can be extended at all (see `extension`). */
  extendable: boolean;
  extension: ExtensionRule;
  basis: string;
  basisEn: string;
}

/** The one extension a post-filing case may have (最高法2025年意见第三条). */
export const MEDIATION_EXTENSION_DAYS = 30;
/** A bound on one agreed pre-filing extension, so that the date stays sane; not a legal limit. */
export const MAX_AGREED_EXTENSION_DAYS = 365;

export const MEDIATION_PERIODS: Readonly<Record<CaseKind, MediationPeriodRule>> = {
  union_mediation: {
    days: 15,
    startsFrom: 'appliedOn',
    extendable: false,
    extension: { kind: 'none' },
    basis: '《劳动争议调解仲裁法》第十四条',
    basisEn: 'Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 14',
  },
  court_pre_filing: {
    days: 30,
    startsFrom: 'acceptedOn',
    extendable: true,
    extension: { kind: 'agreed', maxDaysPerExtension: MAX_AGREED_EXTENSION_DAYS },
    basis: '《最高人民法院关于人民法院特邀调解的规定》第二十七条；《人民法院在线调解规则》第二十四条',
    basisEn:
      'SPC Provisions on Specially Invited Mediation (特邀调解规定, 2016), art. 27; Online Mediation Rules of the People’s Courts (在线调解规则, 2021), art. 24',
  },
  court_post_filing_ordinary: {
    days: 15,
    startsFrom: 'acceptedOn',
    extendable: true,
    extension: { kind: 'fixed', days: MEDIATION_EXTENSION_DAYS, times: 1 },
    basis:
      '《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》第三条；《最高人民法院关于人民法院特邀调解的规定》第二十七条',
    basisEn:
      'SPC Opinions on Strictly Regulating Case Filing and Mediation in Civil Cases (2025), item 3; SPC Provisions on Specially Invited Mediation (特邀调解规定) art. 27',
  },
  court_post_filing_simple: {
    days: 7,
    startsFrom: 'acceptedOn',
    extendable: true,
    extension: { kind: 'fixed', days: MEDIATION_EXTENSION_DAYS, times: 1 },
    basis:
      '《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》第三条；《最高人民法院关于人民法院特邀调解的规定》第二十七条',
    basisEn:
      'SPC Opinions on Strictly Regulating Case Filing and Mediation in Civil Cases (2025), item 3; SPC Provisions on Specially Invited Mediation (特邀调解规定) art. 27',
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
  /** Union mediation: the day both parties agreed to go on past the 15 days (劳动争议调解仲裁法第十四条). */
  mediationContinuedOn?: IsoDate;
}

export function mediationStartsOn(f: MediationClockFacts): IsoDate {
  if (f.mediationRestartedOn) return f.mediationRestartedOn;
  return MEDIATION_PERIODS[f.kind].startsFrom === 'appliedOn' ? f.appliedOn : f.acceptedOn;
}

/** Last day of the mediation period (inclusive). */
export function mediationDueOn(f: MediationClockFacts): IsoDate {
  return addDays(mediationStartsOn(f), MEDIATION_PERIODS[f.kind].days + (f.extensionDays ?? 0));
}

/** True when `today` is after the last day of the mediation period (whatever the parties agreed since). */
export function mediationPeriodOver(f: MediationClockFacts, today: IsoDate): boolean {
  return today > mediationDueOn(f);
}

/**
 * A union case whose parties agreed to go on mediating past the 15 days. 劳动争议调解仲裁法第十四条
 * 第三款 gives a party the right to apply for arbitration then; it does not end the mediation.
 */
export function mediationContinuesByAgreement(f: MediationClockFacts): boolean {
  return f.kind === 'union_mediation' && f.mediationContinuedOn !== undefined;
}

/**
 * True when the case may no longer sit in mediation: the period is over and the parties have not
 * agreed to go on with a union mediation. The mediation-clock lock and the deadline sweep use it.
 */
export function mediationExpired(f: MediationClockFacts, today: IsoDate): boolean {
  return mediationPeriodOver(f, today) && !mediationContinuesByAgreement(f);
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

/**
 * The day the 2-year enforcement period starts (民事诉讼法第二百五十条第二款: 从法律文书规定履行期间的
 * 最后一日起计算；法律文书规定分期履行的，从最后一期履行期限届满之日起计算): the latest due date
 * among the installments, in whatever order they were entered, and never before the ruling that
 * makes the agreement enforceable (no period runs on a document that does not exist yet).
 */
export function enforcementStartsOn(rulingIssuedOn: IsoDate, paymentDueDates: readonly IsoDate[] | undefined): IsoDate {
  return maxDate([...(paymentDueDates ?? []), rulingIssuedOn])!;
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
