/**
 * Limitation-period warnings (劳动争议调解仲裁法第二十七条): one year from when the worker knew or
 * should have known of the harm; pay arrears during the employment are not limited while it lasts,
 * but once it ends the year runs from the end of the employment.
 *
 * Counting (民法典第二百零一条、第二百零二条、第二百零三条): the day of the event is not counted; a
 * year ends on the same month and day a year later (29 Feb → 28 Feb); when that last day is a
 * statutory holiday or a rest day, the period ends on the next working day, and the last day
 * itself still counts ("最迟于 X（含当日）"). The working days are the platform's calendar (the
 * disputes module's, with the holiday corrections staff enter), passed in by the caller.
 */
import { addYears } from '../../../../contracts/dates.js';
import { compareDates, daysBetween } from './dates.js';
import { warning, type EngineWarning } from './types.js';

/** The part of the working-day calendar the limitation rules need. */
export interface RestDayCalendar {
  /** `date` if it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: string): string;
}

export interface LimitationLastDay {
  /** the last day on which the worker may still apply, inclusive */
  lastDay: string;
  /** the anniversary before moving off rest days */
  nominal: string;
  moved: boolean;
}

/** One year from `from` (not counted), the last day moved off rest days (民法典第二百零三条). */
export function oneYearLastDay(from: string, calendar: RestDayCalendar): LimitationLastDay {
  const nominal = addYears(from, 1);
  const lastDay = calendar.nextWorkingDayOnOrAfter(nominal);
  return { lastDay, nominal, moved: lastDay !== nominal };
}

/** "（2022-04-02 为休息日，顺延至 2022-04-06）" when the last day was moved. */
export function movedNote(d: LimitationLastDay): { zh: string; en: string } {
  return d.moved
    ? {
        zh: `（${d.nominal} 为法定休假日或休息日，顺延至其后第一个工作日，民法典第二百零三条）`,
        en: ` (${d.nominal} is a holiday or rest day, so the period runs to the next working day: Civil Code (民法典) art. 203)`,
      }
    : { zh: '', en: '' };
}

export function limitationWarnings(endDate: string | null, asOf: string, calendar: RestDayCalendar): EngineWarning[] {
  if (endDate === null) {
    return [
      warning(
        'limitation_while_employed',
        'info',
        '劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年时效限制；其他请求（如二倍工资、经济补偿）自知道或应当知道权利被侵害之日起一年内申请仲裁（劳动争议调解仲裁法第二十七条）。',
        'While employed, claims for unpaid pay are not time-limited; other claims (e.g. double wages) must be brought within one year of when the worker knew or should have known of the harm (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27).',
      ),
    ];
  }
  const deadline = oneYearLastDay(endDate, calendar);
  const moved = movedNote(deadline);
  if (compareDates(asOf, deadline.lastDay) > 0) {
    return [
      warning(
        'limitation_expired_risk',
        'critical',
        `劳动关系已于 ${endDate} 结束，一年仲裁时效已于 ${deadline.lastDay} 届满${moved.zh}：除有时效中止、中断的事由外，仲裁请求可能因超过时效被驳回（劳动争议调解仲裁法第二十七条）。`,
        `Employment ended on ${endDate}; the one-year limitation ran out on ${deadline.lastDay}${moved.en}: unless the period was suspended or interrupted, the claims may be dismissed as time-barred (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27).`,
      ),
    ];
  }
  const left = daysBetween(asOf, deadline.lastDay);
  return [
    warning(
      'limitation_runs_from_end',
      left <= 60 ? 'critical' : 'warning',
      `仲裁时效为一年：拖欠劳动报酬等请求自劳动关系结束之日（${endDate}）起算，最迟于 ${deadline.lastDay}（含当日）申请劳动仲裁${moved.zh}，还剩 ${left} 天；其他请求自知道权利被侵害之日起算，可能更早届满（劳动争议调解仲裁法第二十七条）。`,
      `One-year limitation: pay claims run from the end of employment (${endDate}); apply for arbitration by ${deadline.lastDay} at the latest (that day included)${moved.en}, ${left} day${left === 1 ? '' : 's'} left. Other claims run from when the harm was known and may expire earlier (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27).`,
    ),
  ];
}
