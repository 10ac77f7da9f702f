/**
 * The clocks visible on a dispute case. Each clock names the statute it comes
 * from, when it started, when it runs out, and when to remind people.
 *
 * Counting (民法典第二百零一条, 民事诉讼法第八十五条): the day an event happens is
 * not counted; a period of N days ends on start + N. Year periods end on the
 * same month and day (29 Feb → 28 Feb). Periods that a *party* must observe
 * under procedural law (the 30-day confirmation application, the 2-year
 * enforcement period) and the 1-year arbitration limitation are moved to the
 * next working day when their last day is a rest day (民事诉讼法第八十五条第三款,
 * 民法典第二百零三条). Mediation periods and the court's own period are not moved:
 * the platform must never let a case sit past them.
 */
import type { CaseKind } from '../../../../contracts/disputes/case-state.js';
import type { Clock, ClockCode, ClockStatus } from '../../../../contracts/disputes/clocks.js';
import type { Role } from '../../../../contracts/roles.js';
import { addDays, addYears, daysBetween, maxDate, type IsoDate } from './dates.js';
import { POST_AGREEMENT_STAGES, TERMINAL_STAGES, type Stage } from './stages.js';
import type { WorkingCalendar } from './working-days.js';

export { CASE_KINDS, type CaseKind } from '../../../../contracts/disputes/case-state.js';
export { CLOCK_CODES, type Clock, type ClockCode, type ClockStatus } from '../../../../contracts/disputes/clocks.js';

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

/** Reminder policy, in the clock's own unit: how long before dueOn the reminder fires. */
export const REMINDER_LEAD: Readonly<Record<ClockCode, { amount: number; unit: 'calendar_days' | 'working_days' }>> = {
  contact: { amount: 1, unit: 'working_days' },
  mediation: { amount: 3, unit: 'calendar_days' },
  confirmation_application: { amount: 7, unit: 'calendar_days' },
  court_decision: { amount: 7, unit: 'calendar_days' },
  performance: { amount: 3, unit: 'calendar_days' },
  enforcement: { amount: 60, unit: 'calendar_days' },
  limitation: { amount: 60, unit: 'calendar_days' },
  limitation_wage_arrears: { amount: 60, unit: 'calendar_days' },
};

const AUDIENCE: Readonly<Record<ClockCode, Role[]>> = {
  contact: ['mediator'],
  mediation: ['mediator', 'worker'],
  confirmation_application: ['mediator', 'worker', 'employer_agent'],
  court_decision: ['judge', 'court_clerk'],
  performance: ['employer_agent', 'worker', 'mediator'],
  enforcement: ['worker', 'mediator'],
  limitation: ['worker', 'mediator'],
  limitation_wage_arrears: ['worker', 'mediator'],
};

interface ClockSpec {
  code: ClockCode;
  label: string;
  labelEn: string;
  basis: string;
  basisEn: string;
  unit: 'calendar_days' | 'working_days';
  startsOn: IsoDate | null;
  dueOn: IsoDate | null;
  metOn?: IsoDate;
  stopped?: boolean;
  note?: string;
  noteEn?: string;
}

function finish(spec: ClockSpec, calendar: WorkingCalendar, today: IsoDate): Clock {
  const lead = REMINDER_LEAD[spec.code];
  let remindOn: IsoDate | null = null;
  if (spec.dueOn) {
    remindOn =
      lead.unit === 'working_days'
        ? calendar.addWorkingDays(spec.dueOn, -lead.amount)
        : addDays(spec.dueOn, -lead.amount);
    if (spec.startsOn && remindOn < spec.startsOn) remindOn = spec.startsOn;
  }
  let status: ClockStatus;
  if (spec.metOn) status = 'met';
  else if (spec.stopped) status = 'stopped';
  else if (!spec.startsOn || !spec.dueOn || today < spec.startsOn) status = 'not_started';
  else if (today > spec.dueOn) status = 'overdue';
  else status = 'running';

  const live = status === 'running' || status === 'overdue' || (status === 'not_started' && spec.dueOn !== null);
  const clock: Clock = {
    code: spec.code,
    label: spec.label,
    labelEn: spec.labelEn,
    basis: spec.basis,
    basisEn: spec.basisEn,
    unit: spec.unit,
    startsOn: spec.startsOn,
    dueOn: spec.dueOn,
    status,
    daysLeft: live && spec.dueOn ? daysBetween(today, spec.dueOn) : null,
    remindOn,
    audience: AUDIENCE[spec.code],
  };
  if (spec.unit === 'working_days') {
    clock.workingDaysLeft = live && spec.dueOn ? calendar.workingDaysBetween(today, spec.dueOn) : null;
  }
  if (spec.metOn) {
    clock.metOn = spec.metOn;
    clock.late = spec.dueOn !== null && spec.metOn > spec.dueOn;
  }
  if (spec.note) clock.note = spec.note;
  if (spec.noteEn) clock.noteEn = spec.noteEn;
  return clock;
}

/** All clocks of a case as of `today` (a China calendar date). */
export function computeClocks(f: ClockFacts, calendar: WorkingCalendar, today: IsoDate): Clock[] {
  const ended = TERMINAL_STAGES.includes(f.stage);
  const hasAgreement = f.agreementEffectiveOn !== undefined && POST_AGREEMENT_STAGES.includes(f.stage);
  const clocks: Clock[] = [];

  // 1. Contact the other party within 3 working days of acceptance.
  clocks.push(
    finish(
      {
        code: 'contact',
        label: '受理后3个工作日内联系对方当事人',
        labelEn: 'Contact the other party within 3 working days of acceptance',
        basis: '《人民法院在线调解规则》第十五条',
        basisEn: 'SPC Online Mediation Rules (2021), art. 15',
        unit: 'working_days',
        startsOn: f.acceptedOn,
        dueOn: calendar.addWorkingDays(f.acceptedOn, CONTACT_WORKING_DAYS),
        metOn: f.contactedOn,
        stopped: ended,
        note: '无法联系对方当事人的，调解终止（《人民法院在线调解规则》第二十五条）。',
        noteEn: 'If the other party cannot be reached, mediation ends (Online Mediation Rules art. 25).',
      },
      calendar,
      today,
    ),
  );

  // 2. Mediation period.
  const rule = MEDIATION_PERIODS[f.kind];
  const ext = f.extensionDays ?? 0;
  const unionNote = {
    note: '自收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。',
    noteEn: 'If there is no agreement within 15 days of the application, either party may apply for arbitration.',
  };
  const courtNote = {
    note: `期限届满未达成协议的，应当及时登记立案或转入审理程序，不得久调不决${rule.extendable ? '；经双方当事人同意可延长30日（限一次）' : ''}。`,
    noteEn: `When the period runs out without agreement the case must be filed or return to trial without delay${rule.extendable ? '; with both parties’ consent it may be extended once by 30 days' : ''}.`,
  };
  clocks.push(
    finish(
      {
        code: 'mediation',
        label: `调解期限（${rule.days}日${ext ? `，已延长${ext}日` : ''}）`,
        labelEn: `Mediation period (${rule.days} days${ext ? `, extended by ${ext}` : ''})`,
        basis: rule.basis,
        basisEn: rule.basisEn,
        unit: 'calendar_days',
        startsOn: mediationStartsOn(f),
        dueOn: mediationDueOn(f),
        metOn: hasAgreement ? f.agreementEffectiveOn : undefined,
        stopped: ended,
        ...(f.kind === 'union_mediation' ? unionNote : courtNote),
      },
      calendar,
      today,
    ),
  );

  // 3. Joint application for judicial confirmation within 30 days of the agreement taking effect.
  clocks.push(
    finish(
      {
        code: 'confirmation_application',
        label: '协议生效后30日内共同申请司法确认',
        labelEn: 'Apply jointly for judicial confirmation within 30 days of the agreement taking effect',
        basis: '《民事诉讼法》第二百零五条',
        basisEn: 'Civil Procedure Law (2023), art. 205',
        unit: 'calendar_days',
        startsOn: hasAgreement ? f.agreementEffectiveOn! : null,
        dueOn: hasAgreement ? confirmationDueOn(f.agreementEffectiveOn!, calendar) : null,
        metOn: f.confirmationAppliedOn,
        stopped:
          ended ||
          f.stage === 'payment_order_applied' ||
          (f.stage === 'agreement_signed' && f.performedOn !== undefined),
        note: '期间最后一日为法定休假日的，顺延至休假日后的第一日（《民事诉讼法》第八十五条）。',
        noteEn: 'A last day falling on a rest day moves to the next working day (Civil Procedure Law art. 85).',
      },
      calendar,
      today,
    ),
  );

  // 4. The court decides within 30 days.
  const decidedOn = f.rulingIssuedOn ?? f.confirmationRefusedOn;
  clocks.push(
    finish(
      {
        code: 'court_decision',
        label: '法院30日内作出确认或驳回裁定',
        labelEn: 'Court rules on the confirmation within 30 days',
        basis: '《民事诉讼法》第一百八十七条',
        basisEn: 'Civil Procedure Law (2023), art. 187',
        unit: 'calendar_days',
        startsOn: f.confirmationAppliedOn ?? null,
        dueOn: f.confirmationAppliedOn ? addDays(f.confirmationAppliedOn, COURT_DECISION_DAYS) : null,
        metOn: decidedOn,
        stopped: ended && !decidedOn,
        note: '特别程序案件自立案之日起三十日内审结；本平台以申请日计算。',
        noteEn: 'Special-procedure cases are decided within 30 days of filing; counted here from the application day.',
      },
      calendar,
      today,
    ),
  );

  // 5. Performance of the agreement (last agreed payment date).
  const lastPayment = maxDate(f.paymentDueDates ?? []);
  clocks.push(
    finish(
      {
        code: 'performance',
        label: '按协议约定期限履行',
        labelEn: 'Perform the agreement by its last payment date',
        basis: '调解协议约定；《劳动争议调解仲裁法》第十五条、第十六条',
        basisEn: 'The agreement’s own terms; Labor Dispute Mediation and Arbitration Law arts. 15–16',
        unit: 'calendar_days',
        startsOn: hasAgreement && lastPayment ? f.agreementEffectiveOn! : null,
        dueOn: hasAgreement && lastPayment ? lastPayment : null,
        metOn: f.performedOn,
        stopped: f.stage === 'closed_failed',
        note: '用人单位逾期不履行的：已司法确认的可申请强制执行；支付劳动报酬、工伤医疗费、经济补偿或赔偿金的协议可申请支付令；也可申请仲裁。',
        noteEn:
          'If the employer does not pay in time: enforce a confirmed agreement; for pay, injury medical costs, severance or damages seek a payment order; or apply for arbitration.',
      },
      calendar,
      today,
    ),
  );

  // 6. Enforcement within 2 years of the performance deadline.
  const enfStart = f.rulingIssuedOn ? enforcementStartsOn(f.rulingIssuedOn, f.paymentDueDates) : null;
  clocks.push(
    finish(
      {
        code: 'enforcement',
        label: '履行期限届满后2年内申请强制执行',
        labelEn: 'Apply for enforcement within 2 years of the performance deadline',
        basis: '《民事诉讼法》第二百五十条',
        basisEn: 'Civil Procedure Law (2023), art. 250',
        unit: 'calendar_days',
        startsOn: enfStart,
        dueOn: enfStart ? enforcementDueOn(enfStart, calendar) : null,
        metOn: f.enforcementAppliedOn,
        stopped: f.performedOn !== undefined || f.stage === 'closed_failed',
        note: '从协议规定履行期间的最后一日起算；分期履行的，从最后一期履行期限届满之日起算。',
        noteEn: 'Runs from the last day for performance; for installments, from the last installment’s due date.',
      },
      calendar,
      today,
    ),
  );

  // 7. Limitation for arbitration: 1 year from when the worker knew of the harm.
  clocks.push(
    finish(
      {
        code: 'limitation',
        label: '仲裁时效：知道权利被侵害之日起1年',
        labelEn: 'Arbitration limitation: 1 year from when the harm was known',
        basis: '《劳动争议调解仲裁法》第二十七条第一款',
        basisEn: 'Labor Dispute Mediation and Arbitration Law, art. 27 ¶1',
        unit: 'calendar_days',
        startsOn: f.harmKnownOn ?? null,
        dueOn: f.harmKnownOn ? calendar.nextWorkingDayOnOrAfter(addYears(f.harmKnownOn, LIMITATION_YEARS)) : null,
        stopped: hasAgreement,
        ...(f.harmKnownOn
          ? {
              note: '登记时提示：调解不成的，须在时效内申请仲裁。向有关部门请求权利救济可使时效中断（第二十七条第二款），但平台不据此延长，按最早日期提示。',
              noteEn:
                'Intake warning: if mediation fails, apply for arbitration in time. Seeking a remedy may interrupt the period (art. 27 ¶2), but the platform warns by the earliest date.',
            }
          : {
              note: '尚未登记知道权利被侵害的日期，请在登记时询问。',
              noteEn: 'The date the harm became known is not recorded yet; ask at intake.',
            }),
      },
      calendar,
      today,
    ),
  );

  // 8. Wage arrears: no limit while employed; 1 year from the end of the employment.
  if (f.claimsIncludeWageArrears) {
    clocks.push(
      finish(
        {
          code: 'limitation_wage_arrears',
          label: '拖欠劳动报酬：劳动关系终止之日起1年',
          labelEn: 'Unpaid wages: 1 year from the end of the employment',
          basis: '《劳动争议调解仲裁法》第二十七条第四款',
          basisEn: 'Labor Dispute Mediation and Arbitration Law, art. 27 ¶4',
          unit: 'calendar_days',
          startsOn: f.employmentEndedOn ?? null,
          dueOn: f.employmentEndedOn
            ? calendar.nextWorkingDayOnOrAfter(addYears(f.employmentEndedOn, LIMITATION_YEARS))
            : null,
          stopped: hasAgreement,
          ...(f.employmentEndedOn
            ? {}
            : {
                note: '劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年时效限制。',
                noteEn: 'While the employment lasts, claims for unpaid wages are not time-limited.',
              }),
        },
        calendar,
        today,
      ),
    );
  }

  return clocks;
}

export type RiskLevel = 'overdue' | 'due_soon' | 'ok';

/** overdue: any clock past due and not met; due_soon: any running clock at or past its reminder day. */
export function riskLevel(clocks: readonly Clock[], today: IsoDate): RiskLevel {
  if (clocks.some((c) => c.status === 'overdue')) return 'overdue';
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
    const message =
      kind === 'advance'
        ? `【提醒】${c.label}：将于 ${c.dueOn} 届满（还剩 ${left} 天）。依据：${c.basis}`
        : kind === 'due_today'
          ? `【今日到期】${c.label}：今天（${c.dueOn}）是最后一天。依据：${c.basis}`
          : `【已逾期】${c.label}：已于 ${c.dueOn} 届满，请立即处理。依据：${c.basis}`;
    const messageEn =
      kind === 'advance'
        ? `Reminder — ${c.labelEn}: runs out on ${c.dueOn} (${left} days left). Basis: ${c.basisEn}`
        : kind === 'due_today'
          ? `Due today — ${c.labelEn}: today (${c.dueOn}) is the last day. Basis: ${c.basisEn}`
          : `Overdue — ${c.labelEn}: ran out on ${c.dueOn}; act now. Basis: ${c.basisEn}`;
    out.push({ clock: c.code, kind, dueOn: c.dueOn, audience: c.audience, message, messageEn });
  }
  return out;
}
