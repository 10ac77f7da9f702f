/**
 * What the worker can do next, in plain words, where the stage alone does not say it: after the
 * court refused to confirm the agreement (民事诉讼法第二百零六条) and after a case closed with a
 * referral. Each step says by when, from the arbitration limitation (劳动争议调解仲裁法第二十七条).
 */
import type { CaseState } from '../../../../contracts/disputes/case-state.js';
import { clockFactsOf } from './case-figures.js';
import { limitationDueOn, mediationDueOn } from './periods.js';
import { PRE_AGREEMENT_OPEN_STAGES } from './stages.js';
import type { IsoDate } from './dates.js';
import type { WorkingCalendar } from './working-days.js';

export interface LimitationFacts {
  /** When the worker knew or should have known of the harm (第二十七条第一款). */
  harmKnownOn?: IsoDate;
  /** The end of the employment, which starts the year for unpaid wages (第二十七条第四款). */
  employmentEndedOn?: IsoDate;
  claimsIncludeWageArrears: boolean;
}

export type NextStepCode =
  'amend' | 'remediate' | 'arbitration' | 'direct_suit' | 'court_decides' | 'mediation_continues';

export interface NextStep {
  code: NextStepCode;
  text: string;
  textEn: string;
  /** The last day to act, when the law sets one. */
  byOn: IsoDate | null;
}

/**
 * The last day to apply for arbitration: the earliest of the limitation periods that apply, moved
 * off rest days. Seeking a remedy may interrupt the period (第二十七条第二款); the platform does not
 * count on it and tells the earliest date. Null when no period is known to run (wages only, still
 * employed, or the dates are not recorded).
 */
export function arbitrationDeadline(f: LimitationFacts, calendar: WorkingCalendar): IsoDate | null {
  const dates: IsoDate[] = [];
  if (f.harmKnownOn) dates.push(limitationDueOn(f.harmKnownOn, calendar));
  if (f.claimsIncludeWageArrears && f.employmentEndedOn) dates.push(limitationDueOn(f.employmentEndedOn, calendar));
  return dates.sort()[0] ?? null;
}

function arbitrationStep(byOn: IsoDate | null): NextStep {
  return {
    code: 'arbitration',
    text: byOn
      ? `向劳动争议仲裁委员会申请劳动仲裁，请在 ${byOn} 前申请（仲裁时效一年，《劳动争议调解仲裁法》第二十七条）。调解材料会一并转过去。`
      : '向劳动争议仲裁委员会申请劳动仲裁，请尽快申请（仲裁时效一般为一年，《劳动争议调解仲裁法》第二十七条）。调解材料会一并转过去。',
    textEn: byOn
      ? `Apply to the labor arbitration commission by ${byOn} (one-year limitation, Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27). Your mediation file goes with you.`
      : 'Apply to the labor arbitration commission as soon as you can (the limitation is normally one year, Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27). Your mediation file goes with you.',
    byOn,
  };
}

/**
 * The worker's options now, in the order to read them; empty where the stage text says it all.
 * `today` tells whether a union mediation the parties chose to continue is past its 15 days.
 */
export function workerNextSteps(
  state: CaseState,
  f: LimitationFacts,
  calendar: WorkingCalendar,
  today?: IsoDate,
): NextStep[] {
  const byOn = arbitrationDeadline(f, calendar);
  // 劳动争议调解仲裁法第十四条第三款: 15 days after the application without agreement, a party may
  // apply for arbitration. Continuing by agreement takes nothing away: the worker is told so.
  if (
    state.kind === 'union_mediation' &&
    state.mediationContinuedOn !== undefined &&
    PRE_AGREEMENT_OPEN_STAGES.includes(state.stage) &&
    today !== undefined &&
    today > mediationDueOn(clockFactsOf(state))
  ) {
    return [
      {
        code: 'mediation_continues',
        text: '您和单位都同意过了 15 天后继续调解，调解会继续进行。',
        textEn: 'You and the employer both agreed to go on mediating after the 15 days, so mediation continues.',
        byOn: null,
      },
      {
        ...arbitrationStep(byOn),
        text: `调解申请已满 15 天，您随时可以申请劳动仲裁，不必等调解结束（《劳动争议调解仲裁法》第十四条）。${arbitrationStep(byOn).text}`,
        textEn: `Fifteen days have passed since you applied, so you may apply for labor arbitration at any time, without waiting for mediation to end (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 14). ${arbitrationStep(byOn).textEn}`,
      },
    ];
  }
  if (state.stage === 'confirmation_refused') {
    return [
      {
        code: 'amend',
        text: '和单位商量修改协议内容，双方和调解员重新签字后，再一起向法院申请确认（修改后的协议生效起 30 日内）。',
        textEn:
          'Agree changes to the agreement with the employer; once you, the employer and the mediator have signed again, apply to the court together within 30 days.',
        byOn: null,
      },
      {
        code: 'remediate',
        text: '请调解员重新调解，达成一份新的协议。',
        textEn: 'Ask the mediator to mediate again and reach a new agreement.',
        byOn: null,
      },
      arbitrationStep(byOn),
      {
        code: 'direct_suit',
        text: '只有两种情况可以不经仲裁直接去法院起诉：您手里有单位写的工资欠条，而且只要欠条上的工资；或者这份协议只约定了工资、加班费，单位到期不付。',
        textEn:
          'You can go straight to court without arbitration only if you hold the employer’s written wage IOU and claim just those wages, or if this agreement is only about wages or overtime pay and the employer has not paid when due.',
        byOn: null,
      },
    ];
  }
  const closure = state.closure;
  if (state.stage !== 'closed_failed' || !closure?.referral) return [];
  if (closure.referral === 'arbitration') return [arbitrationStep(byOn)];
  if (closure.reason === 'document_refused') {
    return [
      {
        code: 'court_decides',
        text: '调解书送达前有一方反悔，调解书没有生效。案件已经在法院立案，法院会继续审理并作出判决，请留意法院的通知。',
        textEn:
          'A party backed out before the mediation document was served, so it never took effect. The suit is already filed: the court goes on to decide it; watch for the court’s notices.',
        byOn: null,
      },
    ];
  }
  return [
    {
      code: 'direct_suit',
      text: closure.directSuit
        ? '您的情况可以直接向人民法院起诉，不用先仲裁。调解员会把材料转给法院立案窗口。'
        : '案件转到法院立案。劳动争议一般要先仲裁，请和调解员确认能否直接起诉，以免耽误仲裁时效。',
      textEn: closure.directSuit
        ? 'Your claim may go straight to court, without arbitration first. The mediator passes your file to the court’s filing desk.'
        : 'The case is referred to the court’s filing desk. Labor disputes usually go to arbitration first: check with the mediator that a direct suit is possible, so the arbitration limitation does not run out.',
      byOn: closure.directSuit ? null : byOn,
    },
  ];
}
