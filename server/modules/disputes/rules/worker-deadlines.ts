/**
 * The deadlines the worker must meet, told to the worker in plain words: a month and a week before
 * the last day, and once it has passed. Staff are reminded of the same clocks in their own words
 * (clocks.ts `dueReminders`); these sentences say what the deadline is for, the last day (already
 * moved off rest days where the clock moves it, periods.ts) and what the worker can do — never a
 * staff instruction. The SMS (the clocks job) and the /track page's banner read the same list.
 *
 * The periods:
 * - limitation: one year to apply for labor arbitration from when the worker knew or should have
 *   known of the harm (劳动争议调解仲裁法第二十七条第一款); interrupted by a claim to the employer or
 *   a request for help to an authority, after which it runs again (第二十七条第二款). It keeps
 *   running after a failed mediation, when the worker may apply for arbitration (第十四条第三款) or,
 *   if the agreement is not performed, after it (第十五条).
 * - limitation_wage_arrears: unpaid wages, one year from the end of the employment (第二十七条第四款).
 * - enforcement: two years to apply for enforcement (民事诉讼法第二百五十条).
 * - confirmation_application: thirty days to apply jointly for judicial confirmation (民事诉讼法第二百零五条).
 * - mediation: the mediation period; when it ends without an agreement the worker may go to
 *   arbitration (union mediation, 劳动争议调解仲裁法第十四条第三款) or the court takes the case back.
 * The performance clock is told to the parties by its own notice (party-notices.ts `overdueNotices`).
 */
import type { CaseKind } from '../../../../contracts/disputes/case-state.js';
import type { Clock, ClockCode } from '../../../../contracts/disputes/clocks.js';
import type { IsoDate } from './dates.js';

export type WorkerWarningKind = 'near' | 'overdue';

export interface WorkerWarning {
  clock: ClockCode;
  kind: WorkerWarningKind;
  /** The step reached: days before the last day (30, 7, 3), or null once the last day has passed. */
  within: number | null;
  /** The last day (inclusive). */
  dueOn: IsoDate;
  /** Days from today to the last day; negative once it has passed. */
  daysLeft: number;
  text: string;
  textEn: string;
}

interface Words {
  zh: string;
  en: string;
}

interface WarningFacts {
  dueOn: IsoDate;
  daysLeft: number;
  caseKind: CaseKind;
}

interface WorkerDeadline {
  /** Days before the last day at which the worker is told, the nearest last. */
  before: readonly number[];
  /** Whether the worker is told once the last day has passed. */
  overdue: boolean;
  near: (f: WarningFacts) => Words;
  late?: (f: WarningFacts) => Words;
}

/** An overdue deadline is texted only within this many days of its last day (not to a case registered long after). */
export const OVERDUE_TEXT_DAYS = 30;

const left = (n: number): Words =>
  n === 0 ? { zh: '就是今天', en: 'that is today' } : { zh: `还有 ${n} 天`, en: `${n} day(s) left` };

const ASK = { zh: '不清楚怎么办的，可以问您的调解员。', en: 'If you are not sure what to do, ask your mediator.' };
const ARBITRATION_BODY = { zh: '劳动人事争议仲裁委员会', en: 'the labor dispute arbitration commission' };

/** Interruption (第二十七条第二款), in the worker's words: a claim or a complaint starts the year again. */
const MAY_RESTART = {
  zh: '如果这期间您向单位讨要过、或向有关部门投诉求助过，期限可能重新计算，仍然可以申请。',
  en: 'If meanwhile you asked the employer for the money or sought help from an authority, the period may have started again and you can still apply.',
};

export const WORKER_DEADLINES: Partial<Record<ClockCode, WorkerDeadline>> = {
  limitation: {
    before: [30, 7],
    overdue: true,
    near: ({ dueOn, daysLeft }) => ({
      zh: `申请劳动仲裁的最后一天是 ${dueOn}（${left(daysLeft).zh}）。过了这一天再申请，您的请求可能因超过时效得不到支持。请在这之前到${ARBITRATION_BODY.zh}申请仲裁。${ASK.zh}`,
      en: `The last day to apply for labor arbitration is ${dueOn} (${left(daysLeft).en}). Applied for later, your claim may be turned down as too late. Apply to ${ARBITRATION_BODY.en} before then. ${ASK.en}`,
    }),
    late: ({ dueOn }) => ({
      zh: `申请劳动仲裁的一年期限已于 ${dueOn} 届满。${MAY_RESTART.zh}请尽快到${ARBITRATION_BODY.zh}申请仲裁，或问您的调解员。`,
      en: `The one-year period to apply for labor arbitration ended on ${dueOn}. ${MAY_RESTART.en} Apply to ${ARBITRATION_BODY.en} as soon as you can, or ask your mediator.`,
    }),
  },
  limitation_wage_arrears: {
    before: [30, 7],
    overdue: true,
    near: ({ dueOn, daysLeft }) => ({
      zh: `为拖欠的工资申请劳动仲裁，最后一天是 ${dueOn}（${left(daysLeft).zh}，从离职之日起算一年）。请在这之前到${ARBITRATION_BODY.zh}申请仲裁。${ASK.zh}`,
      en: `The last day to apply for labor arbitration over your unpaid wages is ${dueOn} (${left(daysLeft).en}; one year from the end of your job). Apply to ${ARBITRATION_BODY.en} before then. ${ASK.en}`,
    }),
    late: ({ dueOn }) => ({
      zh: `为拖欠的工资申请劳动仲裁的期限（离职后一年）已于 ${dueOn} 届满。${MAY_RESTART.zh}请尽快到${ARBITRATION_BODY.zh}申请仲裁，或问您的调解员。`,
      en: `The period to apply for labor arbitration over your unpaid wages (one year from the end of your job) ended on ${dueOn}. ${MAY_RESTART.en} Apply to ${ARBITRATION_BODY.en} as soon as you can, or ask your mediator.`,
    }),
  },
  enforcement: {
    before: [30, 7],
    overdue: true,
    near: ({ dueOn, daysLeft }) => ({
      zh: `如果对方还没有按协议付清，向法院申请强制执行的最后一天是 ${dueOn}（${left(daysLeft).zh}）。请在这之前带上法院的裁定书或调解书向法院申请执行；已经付清的，不用理会这条短信。${ASK.zh}`,
      en: `If the other side has not paid everything agreed, the last day to ask the court to enforce it is ${dueOn} (${left(daysLeft).en}). Take the court's ruling or mediation document to the court before then; if you have been paid in full, ignore this message. ${ASK.en}`,
    }),
    late: ({ dueOn }) => ({
      zh: `向法院申请强制执行的两年期限已于 ${dueOn} 届满。对方仍没付清的，法院仍会受理，但对方可能以超过期限提出异议。请尽快向法院申请，或问您的调解员。`,
      en: `The two years to ask the court for enforcement ended on ${dueOn}. If you are still owed money the court will still take the application, but the other side may object that it is late. Apply to the court as soon as you can, or ask your mediator.`,
    }),
  },
  confirmation_application: {
    before: [7],
    overdue: true,
    near: ({ dueOn, daysLeft }) => ({
      zh: `调解协议要由您和对方在 ${dueOn} 前一起向法院申请司法确认（${left(daysLeft).zh}）。确认以后，对方不付钱，您可以直接申请法院强制执行。调解员会安排，请留意调解员的通知。${ASK.zh}`,
      en: `You and the other side must apply together to the court to confirm the agreement by ${dueOn} (${left(daysLeft).en}). Once confirmed, if they do not pay you can ask the court to enforce it directly. Your mediator will arrange it; watch for the mediator's messages. ${ASK.en}`,
    }),
    late: ({ dueOn }) => ({
      zh: `调解协议没有在 ${dueOn} 前向法院申请司法确认。协议仍然有效；对方不按协议付款的，您可以申请劳动仲裁，或问您的调解员接下来怎么办。`,
      en: `The agreement was not taken to the court for confirmation by ${dueOn}. It is still valid; if the other side does not pay as agreed you can apply for labor arbitration, or ask your mediator what to do next.`,
    }),
  },
  mediation: {
    before: [3],
    overdue: false,
    near: ({ dueOn, daysLeft, caseKind }) => {
      const after =
        caseKind === 'union_mediation'
          ? {
              zh: `您可以到${ARBITRATION_BODY.zh}申请仲裁`,
              en: `you can apply to ${ARBITRATION_BODY.en}`,
            }
          : { zh: '案件交回法院处理', en: 'the case goes back to the court' };
      return {
        zh: `调解期限到 ${dueOn} 为止（${left(daysLeft).zh}）。到时还没谈成的，本次调解结束，${after.zh}。有问题可以问您的调解员。`,
        en: `Mediation runs until ${dueOn} (${left(daysLeft).en}). If there is no agreement by then, this mediation ends and ${after.en}. Ask your mediator if you have questions.`,
      };
    },
  },
};

/**
 * The warnings the worker should see today, the most urgent first: for each clock the worker must
 * meet that is running or overdue, the nearest step reached (a warning a week before replaces the
 * month's), or the overdue one.
 */
export function workerWarnings(clocks: readonly Clock[], caseKind: CaseKind): WorkerWarning[] {
  const out: WorkerWarning[] = [];
  for (const c of clocks) {
    const spec = WORKER_DEADLINES[c.code];
    if (!spec || !c.audience.includes('worker') || !c.dueOn || c.daysLeft === null) continue;
    if (c.status !== 'running' && c.status !== 'overdue') continue;
    const facts = { dueOn: c.dueOn, daysLeft: c.daysLeft, caseKind };
    if (c.daysLeft < 0) {
      if (!spec.overdue || !spec.late) continue;
      const words = spec.late(facts);
      out.push({
        clock: c.code,
        kind: 'overdue',
        within: null,
        dueOn: c.dueOn,
        daysLeft: c.daysLeft,
        text: words.zh,
        textEn: words.en,
      });
      continue;
    }
    const within = [...spec.before].sort((a, b) => a - b).find((days) => c.daysLeft! <= days);
    if (within === undefined) continue;
    const words = spec.near(facts);
    out.push({
      clock: c.code,
      kind: 'near',
      within,
      dueOn: c.dueOn,
      daysLeft: c.daysLeft,
      text: words.zh,
      textEn: words.en,
    });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}

/** What records a warning as texted: per clock, step and last day (a corrected last day is told again). */
export function warningKey(w: Pick<WorkerWarning, 'clock' | 'within' | 'dueOn'>): string {
  return `${w.clock}:${w.within ?? 'overdue'}:${w.dueOn}`;
}

/** The warnings to text now: not texted before, and an overdue one only soon after its last day. */
export function warningsToText(warnings: readonly WorkerWarning[], sent: ReadonlySet<string>): WorkerWarning[] {
  return warnings.filter((w) => !sent.has(warningKey(w)) && (w.kind === 'near' || -w.daysLeft <= OVERDUE_TEXT_DAYS));
}
