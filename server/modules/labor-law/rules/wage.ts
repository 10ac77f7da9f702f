/**
 * The worker's wages as the rules need them:
 *
 * - the monthly average of 劳动合同法第四十七条第三款 ("解除或者终止劳动合同前十二个月的平均工资";
 *   实施条例第二十七条: fewer months when the worker worked fewer), over **whole calendar months**:
 *   the month in which the job ends counts only if the last day of work is that month's last day,
 *   and the month of hiring only if work began on its first day. A part month's pay is lower for
 *   the days not worked, not because the wage was lower, so it would pull the average down.
 * - "the previous month" of 实施条例第二十条 (pay in lieu of notice): the last whole month before
 *   the employment ended, by the same rule;
 * - the recorded wage of any calendar month (double wages are owed month by month at that month's
 *   wage: 劳动合同法第八十二条, 实施条例第六条 "每月支付两倍的工资").
 *
 * Either the caller gives the average (`monthlyWageFen`), or a pay history by calendar month.
 */
import { addDays, addMonths, monthOf } from './dates.js';
import { rat, sum, type Rational } from './money.js';
import { warning, type EngineWarning } from './types.js';

export interface WageMonth {
  month: string;
  fen: number;
}

export interface WageFigures {
  /** average monthly wage, fen, exact (劳动合同法第四十七条第三款) */
  average: Rational;
  /** the previous month's wage (实施条例第二十条) and the month it is */
  previousMonth: { month: string | null; wage: Rational; recorded: boolean };
  /** the recorded wage of a calendar month "YYYY-MM", if the history has it */
  recordedWage: (month: string) => Rational | null;
  /** true when a pay history was given */
  hasHistory: boolean;
  /** months averaged (empty when the average was given directly) */
  monthsUsed: string[];
  warnings: EngineWarning[];
}

export interface WagePeriod {
  hireDate: string;
  /** last day of work, or the calculation date while still employed */
  lastDay: string;
}

/** "YYYY-MM" of the month before or after. */
function shiftMonth(month: string, k: number): string {
  return monthOf(addMonths(`${month}-01`, k));
}

/** The first and last whole calendar months worked (null when there is none). */
export function wholeMonths(period: WagePeriod): { first: string; last: string } | null {
  const first = period.hireDate.endsWith('-01') ? monthOf(period.hireDate) : shiftMonth(monthOf(period.hireDate), 1);
  const endsOnMonthEnd = monthOf(addDays(period.lastDay, 1)) !== monthOf(period.lastDay);
  const last = endsOnMonthEnd ? monthOf(period.lastDay) : shiftMonth(monthOf(period.lastDay), -1);
  return first <= last ? { first, last } : null;
}

function averageOf(records: readonly WageMonth[]): Rational {
  return rat(sum(records.map((w) => rat(w.fen))).n, BigInt(records.length));
}

export function wageFigures(
  input: { monthlyWageFen?: number | undefined; wageHistory?: readonly WageMonth[] | undefined },
  period: WagePeriod,
): WageFigures {
  const warnings: EngineWarning[] = [];
  const endMonth = monthOf(period.lastDay);
  const history = [...(input.wageHistory ?? [])].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const byMonth = new Map(history.map((w) => [w.month, rat(w.fen)]));
  const recordedWage = (month: string): Rational | null => byMonth.get(month) ?? null;

  const after = history.filter((w) => w.month > endMonth);
  if (after.length > 0) {
    warnings.push(
      warning(
        'wage_history_after_end',
        'info',
        `${endMonth} 之后的 ${after.length} 条工资记录未计入平均工资。`,
        `${after.length} pay record(s) after ${endMonth} were left out of the average wage.`,
      ),
    );
  }

  const whole = wholeMonths(period);
  const windowStart = whole ? [whole.first, shiftMonth(whole.last, -11)].sort()[1]! : null;
  const inWindow = whole ? history.filter((w) => w.month >= windowStart! && w.month <= whole.last) : [];
  let averaged: WageMonth[] = inWindow;
  if (history.length > 0 && inWindow.length === 0) {
    // No whole month recorded (a job of a few days, or a history of part months only): the months
    // given are all there is to go on.
    averaged = history.filter((w) => w.month <= endMonth).slice(-12);
    if (averaged.length === 0) averaged = history.slice(-12);
  } else {
    // The month of leaving (unless left on its last day) and of hiring (unless hired on the 1st).
    const partialMonths = new Set<string>();
    if (whole !== null) {
      if (endMonth !== whole.last) partialMonths.add(endMonth);
      const hireMonth = monthOf(period.hireDate);
      if (hireMonth !== whole.first && hireMonth >= shiftMonth(whole.last, -11)) partialMonths.add(hireMonth);
    }
    const left = history.filter((w) => partialMonths.has(w.month)).map((w) => w.month);
    if (left.length > 0) {
      warnings.push(
        warning(
          'wage_history_partial_month',
          'info',
          `${left.join('、')} 不是完整工作月（入职或离职当月），其工资未计入平均工资：平均工资按离职前十二个完整月计算（劳动合同法第四十七条第三款）。`,
          `${left.join(', ')} ${left.length === 1 ? 'is not a whole month' : 'are not whole months'} of work (the month of hiring or leaving), so ${left.length === 1 ? 'its pay is' : 'their pay is'} left out: the average is over the twelve whole months before the end (Labor Contract Law (劳动合同法) art. 47 ¶3).`,
        ),
      );
    }
    const earlier = history.filter((w) => windowStart !== null && w.month < windowStart);
    if (earlier.length > 0 && inWindow.length > 0) {
      warnings.push(
        warning(
          'wage_history_window',
          'info',
          `仅取离职（或计算日）前最近 12 个完整月（${inWindow[0]!.month} 至 ${inWindow[inWindow.length - 1]!.month}）的工资计算平均工资。`,
          `Only the last 12 whole months (${inWindow[0]!.month} to ${inWindow[inWindow.length - 1]!.month}) were averaged.`,
        ),
      );
    }
  }
  const historyAverage = averaged.length > 0 ? averageOf(averaged) : null;

  const previousMonthKey = whole ? whole.last : shiftMonth(endMonth, -1);
  const previousRecorded = recordedWage(previousMonthKey);

  let average: Rational;
  if (input.monthlyWageFen !== undefined) {
    if (historyAverage !== null) {
      warnings.push(
        warning(
          'wage_history_preferred_monthly',
          'info',
          '同时提供了月平均工资和工资记录：平均工资采用所填月平均工资，工资记录用于上一个月工资和二倍工资的逐月计算。',
          'Both monthlyWageFen and wageHistory were given: the stated monthly wage is used as the average; the history gives the previous month’s wage and each month’s wage for double wages.',
        ),
      );
    }
    average = rat(input.monthlyWageFen);
  } else {
    // the request schema requires one of the two; a zero wage is the defensive fallback
    average = historyAverage ?? rat(0);
  }
  return {
    average,
    previousMonth: {
      month: history.length > 0 || whole ? previousMonthKey : null,
      wage: previousRecorded ?? average,
      recorded: previousRecorded !== null,
    },
    recordedWage,
    hasHistory: history.length > 0,
    monthsUsed: input.monthlyWageFen === undefined ? averaged.map((w) => w.month) : [],
    warnings,
  };
}
