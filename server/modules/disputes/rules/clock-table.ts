/**
 * The clocks of a case, one entry per clock: what it is called, the statute it comes from, its
 * unit, who is reminded and how long before, and small functions of the case's facts for when it
 * starts, when it runs out, when it was met and when it stopped mattering. computeClocks
 * (clocks.ts) turns each entry into the clock a case shows; the periods are in periods.ts.
 */
import { isPostFiling } from '../../../../contracts/disputes/confirmation.js';
import type { ClockCode } from '../../../../contracts/disputes/clocks.js';
import type { Role } from '../../../../contracts/roles.js';
import { addDays, maxDate, type IsoDate } from './dates.js';
import {
  CONTACT_WORKING_DAYS,
  COURT_DECISION_DAYS,
  MEDIATION_EXTENSION_DAYS,
  MEDIATION_PERIODS,
  confirmationDueOn,
  enforcementDueOn,
  enforcementStartsOn,
  limitationDueOn,
  mediationContinuesByAgreement,
  mediationDueOn,
  mediationStartsOn,
  type ClockFacts,
} from './periods.js';
import type { WorkingCalendar } from './working-days.js';

/** What every clock reads: the facts, the calendar, and two conclusions the clocks share. */
export interface ClockContext {
  facts: ClockFacts;
  calendar: WorkingCalendar;
  /** The case has ended (performed or closed_failed). */
  ended: boolean;
  /** An agreement took effect and is still in force (the case is in a stage after it). */
  hasAgreement: boolean;
  /** The day the clocks are read for. */
  today: IsoDate;
}

export interface Words {
  zh: string;
  en: string;
}

/** A text that is the same for every case, or depends on the case. */
type Text<T extends Words | undefined = Words> = T | ((c: ClockContext) => T);

export interface ClockSpec {
  code: ClockCode;
  unit: 'calendar_days' | 'working_days';
  /** How long before dueOn the reminder fires, in the clock's own unit. */
  remindBefore: number;
  /** Who is told when a reminder fires. */
  audience: Role[];
  label: Text;
  basis: Text;
  note?: Text<Words | undefined>;
  /** `service_standard`: the studio's own promise, not a period set by law (said on the page and in reminders). */
  obligation?: (c: ClockContext) => 'service_standard' | undefined;
  /** Whether the case has this clock at all; without it, always. */
  present?: (c: ClockContext) => boolean;
  startsOn: (c: ClockContext) => IsoDate | null;
  dueOn: (c: ClockContext) => IsoDate | null;
  metOn?: (c: ClockContext) => IsoDate | undefined;
  stopped: (c: ClockContext) => boolean;
}

export function wordsOf<T extends Words | undefined>(text: Text<T>, c: ClockContext): T {
  return typeof text === 'function' ? text(c) : text;
}

const lastPayment = (f: ClockFacts) => maxDate(f.paymentDueDates ?? []);

/**
 * The 3-working-day contact clock. 人民法院在线调解规则第十五条 is about pre-filing mediation on the
 * court's platform, and says the mediator *may* (可以) contact the other party within 3 working
 * days; for a pre-filing case it is shown with that basis. For union mediation (and the studio's
 * post-filing work) no law sets the 3 days: they are the studio's service standard (服务承诺),
 * said as such in the label, the basis, the note, the reminders and on the page.
 */
const contactIsServiceStandard = (f: ClockFacts) => f.kind !== 'court_pre_filing';
const enforcementStart = (f: ClockFacts) =>
  f.rulingIssuedOn ? enforcementStartsOn(f.rulingIssuedOn, f.paymentDueDates) : null;

export const CLOCK_TABLE: readonly ClockSpec[] = [
  {
    code: 'contact',
    label: ({ facts }) =>
      contactIsServiceStandard(facts)
        ? {
            zh: '服务承诺：受理后3个工作日内联系对方当事人',
            en: 'Service standard: contact the other party within 3 working days of acceptance',
          }
        : {
            zh: '受理后3个工作日内联系对方当事人（诉前在线调解）',
            en: 'Contact the other party within 3 working days of acceptance (pre-filing online mediation)',
          },
    basis: ({ facts }) =>
      contactIsServiceStandard(facts)
        ? {
            zh: '本工作室服务承诺，不是法定期限（参照《人民法院在线调解规则》第十五条）',
            en: 'The studio’s service standard, not a statutory deadline (modelled on Online Mediation Rules of the People’s Courts (在线调解规则) art. 15)',
          }
        : {
            zh: '《人民法院在线调解规则》第十五条',
            en: 'Online Mediation Rules of the People’s Courts (在线调解规则, 2021), art. 15',
          },
    note: ({ facts }) =>
      contactIsServiceStandard(facts)
        ? {
            zh: '这是本工作室对当事人的服务承诺，法律没有规定这一期限；超过不影响调解和当事人的权利。',
            en: 'This is the studio’s promise to the parties; no law sets this period, and missing it does not affect the mediation or anyone’s rights.',
          }
        : {
            zh: '在人民法院调解平台开展诉前调解的，可以在3个工作日内联系对方当事人（第十五条为“可以”）；无法联系对方当事人的，调解终止（《人民法院在线调解规则》第二十五条）。',
            en: 'In pre-filing mediation on the court’s platform the other party may be contacted within 3 working days (Online Mediation Rules of the People’s Courts (在线调解规则) art. 15 says “may”); if the other party cannot be reached, mediation ends (Online Mediation Rules of the People’s Courts (在线调解规则) art. 25).',
          },
    obligation: ({ facts }) => (contactIsServiceStandard(facts) ? 'service_standard' : undefined),
    unit: 'working_days',
    remindBefore: 1,
    audience: ['mediator'],
    startsOn: ({ facts }) => facts.acceptedOn,
    dueOn: ({ facts, calendar }) => calendar.addWorkingDays(facts.acceptedOn, CONTACT_WORKING_DAYS),
    metOn: ({ facts }) => facts.contactedOn,
    stopped: ({ ended }) => ended,
  },
  {
    code: 'mediation',
    label: ({ facts }) => {
      const days = MEDIATION_PERIODS[facts.kind].days;
      const ext = facts.extensionDays ?? 0;
      return {
        zh: `调解期限（${days}日${ext ? `，已延长${ext}日` : ''}）`,
        en: `Mediation period (${days} days${ext ? `, extended by ${ext}` : ''})`,
      };
    },
    basis: ({ facts }) => ({ zh: MEDIATION_PERIODS[facts.kind].basis, en: MEDIATION_PERIODS[facts.kind].basisEn }),
    note: ({ facts }) => {
      const rule = MEDIATION_PERIODS[facts.kind].extension;
      switch (rule.kind) {
        case 'none':
          return mediationContinuesByAgreement(facts)
            ? {
                zh: `十五日期限届满后，双方当事人于 ${facts.mediationContinuedOn} 同意继续调解。这不是延长法定期限：职工可以随时依法申请仲裁（《劳动争议调解仲裁法》第十四条第三款），仲裁时效仍在计算。`,
                en: `After the 15 days, both parties agreed on ${facts.mediationContinuedOn} to go on mediating. This does not extend a statutory period: the worker may apply for arbitration at any time (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 14 ¶3), and the arbitration limitation keeps running.`,
              }
            : {
                zh: '自收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。双方都愿意的，可以记录同意继续调解。',
                en: 'If there is no agreement within 15 days of the application, either party may apply for arbitration. If both parties wish, their agreement to go on mediating can be recorded.',
              };
        case 'agreed':
          return {
            zh: '双方当事人同意延长的，不受三十日限制（《最高人民法院关于人民法院特邀调解的规定》第二十七条第一款），可以多次延长，但须在期限届满前约定；期限届满未达成协议的，调解终止，应当及时登记立案（《人民法院在线调解规则》第二十五条）。',
            en: 'With both parties’ consent the period may be extended beyond 30 days, more than once (SPC Provisions on Specially Invited Mediation (特邀调解规定) art. 27 ¶1), but only before it runs out; a period that runs out without agreement ends the mediation and the case is filed (Online Mediation Rules of the People’s Courts (在线调解规则) art. 25).',
          };
        case 'fixed':
          return {
            zh: `期限届满未达成协议的，应当及时转入审理程序，不得久调不决；经双方当事人同意，可在期限届满前延长${MEDIATION_EXTENSION_DAYS}日（限一次）。`,
            en: `When the period runs out without agreement the case must return to trial without delay; with both parties’ consent, given before it runs out, it may be extended once by ${MEDIATION_EXTENSION_DAYS} days.`,
          };
      }
    },
    unit: 'calendar_days',
    remindBefore: 3,
    audience: ['mediator', 'worker'],
    startsOn: ({ facts }) => mediationStartsOn(facts),
    dueOn: ({ facts }) => mediationDueOn(facts),
    metOn: ({ facts, hasAgreement }) => (hasAgreement ? facts.agreementEffectiveOn : undefined),
    // A union mediation the parties chose to go on with past its 15 days is no longer on a clock.
    stopped: ({ facts, ended, today }) =>
      ended || (mediationContinuesByAgreement(facts) && today > mediationDueOn(facts)),
  },
  {
    code: 'confirmation_application',
    label: {
      zh: '协议生效后30日内共同申请司法确认',
      en: 'Apply jointly for judicial confirmation within 30 days of the agreement taking effect',
    },
    basis: { zh: '《民事诉讼法》第二百零五条', en: 'Civil Procedure Law (民事诉讼法, 2023), art. 205' },
    note: {
      zh: '期间最后一日为法定休假日的，顺延至休假日后的第一日（《民事诉讼法》第八十五条）。',
      en: 'A last day falling on a rest day moves to the next working day (Civil Procedure Law (民事诉讼法) art. 85).',
    },
    unit: 'calendar_days',
    remindBefore: 7,
    audience: ['mediator', 'worker', 'employer_agent'],
    // 委托调解 has no confirmation: the court makes its mediation document (特邀调解规定第二十条).
    present: ({ facts }) => !isPostFiling(facts.kind),
    startsOn: ({ facts, hasAgreement }) => (hasAgreement ? facts.agreementEffectiveOn! : null),
    dueOn: ({ facts, calendar, hasAgreement }) =>
      hasAgreement ? confirmationDueOn(facts.agreementEffectiveOn!, calendar) : null,
    metOn: ({ facts }) => facts.confirmationAppliedOn,
    // Moot once the case ended, went for a payment order, or was paid before anyone applied.
    stopped: ({ facts, ended }) =>
      ended ||
      facts.stage === 'payment_order_applied' ||
      (facts.stage === 'agreement_signed' && facts.performedOn !== undefined),
  },
  {
    code: 'court_decision',
    label: { zh: '法院30日内作出确认或驳回裁定', en: 'Court rules on the confirmation within 30 days' },
    basis: { zh: '《民事诉讼法》第一百八十七条', en: 'Civil Procedure Law (民事诉讼法, 2023), art. 187' },
    note: {
      zh: '特别程序案件自立案之日起三十日内审结；本平台以申请日计算。',
      en: 'Special-procedure cases are decided within 30 days of filing; counted here from the application day.',
    },
    unit: 'calendar_days',
    remindBefore: 7,
    audience: ['judge', 'court_clerk'],
    present: ({ facts }) => !isPostFiling(facts.kind),
    startsOn: ({ facts }) => facts.confirmationAppliedOn ?? null,
    dueOn: ({ facts }) =>
      facts.confirmationAppliedOn ? addDays(facts.confirmationAppliedOn, COURT_DECISION_DAYS) : null,
    metOn: ({ facts }) => facts.rulingIssuedOn ?? facts.confirmationRefusedOn,
    stopped: ({ facts, ended }) => ended && !(facts.rulingIssuedOn ?? facts.confirmationRefusedOn),
  },
  {
    code: 'performance',
    label: { zh: '按协议约定期限履行', en: 'Perform the agreement by its last payment date' },
    basis: {
      zh: '调解协议约定；《劳动争议调解仲裁法》第十五条、第十六条',
      en: 'The agreement’s own terms; Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) arts. 15–16',
    },
    note: ({ facts }) =>
      isPostFiling(facts.kind)
        ? {
            zh: '用人单位逾期不履行的：法院调解书生效后，可以向人民法院申请强制执行（《民事诉讼法》第二百四十七条）。',
            en: 'If the employer does not pay in time: once the court’s mediation document is in effect, apply to the court for enforcement (Civil Procedure Law (民事诉讼法) art. 247).',
          }
        : {
            zh: '用人单位逾期不履行的：已司法确认的可申请强制执行；支付劳动报酬、工伤医疗费、经济补偿或赔偿金的协议可申请支付令；也可申请仲裁。',
            en: 'If the employer does not pay in time: enforce a confirmed agreement; for pay, injury medical costs, severance or damages seek a payment order; or apply for arbitration.',
          },
    unit: 'calendar_days',
    remindBefore: 3,
    audience: ['employer_agent', 'worker', 'mediator'],
    startsOn: ({ facts, hasAgreement }) => (hasAgreement && lastPayment(facts) ? facts.agreementEffectiveOn! : null),
    dueOn: ({ facts, hasAgreement }) => (hasAgreement ? (lastPayment(facts) ?? null) : null),
    metOn: ({ facts }) => facts.performedOn,
    stopped: ({ facts }) => facts.stage === 'closed_failed',
  },
  {
    code: 'enforcement',
    label: {
      zh: '履行期限届满后2年内申请强制执行',
      en: 'Apply for enforcement within 2 years of the performance deadline',
    },
    basis: { zh: '《民事诉讼法》第二百五十条', en: 'Civil Procedure Law (民事诉讼法, 2023), art. 250' },
    note: {
      zh: '从协议规定履行期间的最后一日起算；分期履行的，从最后一期履行期限届满之日起算。',
      en: 'Runs from the last day for performance; for installments, from the last installment’s due date.',
    },
    unit: 'calendar_days',
    remindBefore: 60,
    audience: ['worker', 'mediator'],
    startsOn: ({ facts }) => enforcementStart(facts),
    dueOn: ({ facts, calendar }) => {
      const start = enforcementStart(facts);
      return start ? enforcementDueOn(start, calendar) : null;
    },
    metOn: ({ facts }) => facts.enforcementAppliedOn,
    stopped: ({ facts }) => facts.performedOn !== undefined || facts.stage === 'closed_failed',
  },
  {
    code: 'limitation',
    label: {
      zh: '仲裁时效：知道权利被侵害之日起1年',
      en: 'Arbitration limitation: 1 year from when the harm was known',
    },
    basis: {
      zh: '《劳动争议调解仲裁法》第二十七条第一款',
      en: 'Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27 ¶1',
    },
    note: ({ facts }) =>
      facts.harmKnownOn
        ? {
            zh: '登记时提示：调解不成的，须在时效内申请仲裁。向有关部门请求权利救济可使时效中断（第二十七条第二款），但平台不据此延长，按最早日期提示。',
            en: 'Intake warning: if mediation fails, apply for arbitration in time. Seeking a remedy may interrupt the period (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27 ¶2), but the platform warns by the earliest date.',
          }
        : {
            zh: '尚未登记知道权利被侵害的日期，请在登记时询问。',
            en: 'The date the harm became known is not recorded yet; ask at intake.',
          },
    unit: 'calendar_days',
    remindBefore: 60,
    audience: ['worker', 'mediator'],
    startsOn: ({ facts }) => facts.harmKnownOn ?? null,
    dueOn: ({ facts, calendar }) => (facts.harmKnownOn ? limitationDueOn(facts.harmKnownOn, calendar) : null),
    // Keeps running after a failed mediation and after a refused confirmation: that is when the
    // worker must go to arbitration (劳动争议调解仲裁法第五条、第十五条; 民事诉讼法第二百零六条).
    stopped: ({ hasAgreement, facts }) => hasAgreement && facts.stage !== 'confirmation_refused',
  },
  {
    code: 'limitation_wage_arrears',
    label: { zh: '拖欠劳动报酬：劳动关系终止之日起1年', en: 'Unpaid wages: 1 year from the end of the employment' },
    basis: {
      zh: '《劳动争议调解仲裁法》第二十七条第四款',
      en: 'Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27 ¶4',
    },
    note: ({ facts }) =>
      facts.employmentEndedOn
        ? undefined
        : {
            zh: '劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年时效限制。',
            en: 'While the employment lasts, claims for unpaid wages are not time-limited.',
          },
    unit: 'calendar_days',
    remindBefore: 60,
    audience: ['worker', 'mediator'],
    present: ({ facts }) => !!facts.claimsIncludeWageArrears,
    startsOn: ({ facts }) => facts.employmentEndedOn ?? null,
    dueOn: ({ facts, calendar }) =>
      facts.employmentEndedOn ? limitationDueOn(facts.employmentEndedOn, calendar) : null,
    stopped: ({ hasAgreement, facts }) => hasAgreement && facts.stage !== 'confirmation_refused',
  },
];
