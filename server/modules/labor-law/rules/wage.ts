/**
 * The worker's monthly wage (劳动合同法第四十七条第三款; 实施条例第二十七条):
 * the average of the (up to) 12 months before the end of employment, or of
 * the months actually worked when fewer.
 *
 * Either the caller gives the average (`monthlyWageFen`), or a pay history
 * from which the average of the last up-to-12 recorded months not after the
 * month of `endDate` (or of `asOf` while still employed) is taken exactly.
 */
import { monthOf } from './dates.js';
import { rat, sum, type Rational } from './money.js';
import { warning, type EngineWarning } from './types.js';

export interface WageMonth {
  month: string;
  fen: number;
}

export interface WageFigures {
  /** average monthly wage, fen, exact */
  average: Rational;
  /** last month's wage, fen (for pay in lieu of notice) */
  lastMonth: Rational;
  /** months averaged (empty when the average was given directly) */
  monthsUsed: string[];
  warnings: EngineWarning[];
}

export function wageFigures(
  input: { monthlyWageFen?: number | undefined; wageHistory?: readonly WageMonth[] | undefined },
  referenceDate: string,
): WageFigures {
  const warnings: EngineWarning[] = [];
  const refMonth = monthOf(referenceDate);
  const history = [...(input.wageHistory ?? [])].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const eligible = history.filter((w) => w.month <= refMonth);
  if (eligible.length < history.length) {
    warnings.push(
      warning(
        'wage_history_after_end',
        'info',
        `${refMonth} 之后的 ${history.length - eligible.length} 条工资记录未计入平均工资。`,
        `${history.length - eligible.length} pay record(s) after ${refMonth} were left out of the average wage.`,
      ),
    );
  }
  const window = (eligible.length > 0 ? eligible : history).slice(-12);
  if (eligible.length > 12) {
    warnings.push(
      warning(
        'wage_history_window',
        'info',
        `仅取离职（或计算日）前最近 12 个月（${window[0]!.month} 至 ${window[window.length - 1]!.month}）的工资计算平均工资。`,
        `Only the last 12 months (${window[0]!.month} to ${window[window.length - 1]!.month}) were averaged.`,
      ),
    );
  }
  const historyAverage = window.length > 0 ? rat(sum(window.map((w) => rat(w.fen))).n, BigInt(window.length)) : null;
  const lastRecorded = window.length > 0 ? rat(window[window.length - 1]!.fen) : null;

  if (input.monthlyWageFen !== undefined) {
    if (historyAverage !== null) {
      warnings.push(
        warning(
          'wage_history_preferred_monthly',
          'info',
          '同时提供了月平均工资和工资记录：平均工资采用所填月平均工资，工资记录仅用于确定上月工资。',
          'Both monthlyWageFen and wageHistory were given: the stated monthly wage is used as the average; the history only gives last month’s wage.',
        ),
      );
    }
    const average = rat(input.monthlyWageFen);
    return { average, lastMonth: lastRecorded ?? average, monthsUsed: [], warnings };
  }
  if (historyAverage === null || lastRecorded === null) {
    // the request schema requires one of the two; treat as zero wage defensively
    return { average: rat(0), lastMonth: rat(0), monthsUsed: [], warnings };
  }
  return { average: historyAverage, lastMonth: lastRecorded, monthsUsed: window.map((w) => w.month), warnings };
}
