/**
 * Double wages for no written contract 未订立书面劳动合同的二倍工资
 * (劳动合同法第八十二条、第十四条第三款; 实施条例第六条、第七条).
 *
 * The claim is the EXTRA one-times wage for the period that begins on the day
 * after one month of work (= the first monthly anniversary of the hire date)
 * and ends on the day before the contract was signed, the last day of work,
 * or the day before the first yearly anniversary — whichever is first — so at
 * most 11 months. Full anniversary months count as whole months; remaining
 * days count as days ÷ calendar days of the month in which they fall.
 */
import { addDays, addMonths, compareDates, maxDate, minDate } from './dates.js';
import { LCL_EFFECTIVE } from './economic-compensation.js';
import { months as monthsText, num, text, yuan } from './explain.js';
import { mul, roundHalfUpToFen, type Rational } from './money.js';
import { monthsFromAnniversary } from './service-length.js';
import { warning, type EngineWarning, type RuleResult } from './types.js';

export interface DoubleWageInput {
  hireDate: string;
  /** last day of work, or null while still employed */
  endDate: string | null;
  /** date of the written contract; null = never signed */
  contractSignedDate: string | null;
  /** monthly wage, fen (exact) */
  wage: Rational;
  /** today, for workers still employed and for the limitation period */
  asOf: string;
}

export const DOUBLE_WAGE_MAX_MONTHS = 11;

export function doubleWage(input: DoubleWageInput): RuleResult {
  const { hireDate, contractSignedDate, asOf } = input;
  const warnings: EngineWarning[] = [];
  const lastWorkDay = input.endDate ?? asOf;
  // 劳动合同法 took effect on 2008-01-01: for earlier hires the month to sign runs from that day.
  const anchor = maxDate(hireDate, LCL_EFFECTIVE);
  if (compareDates(lastWorkDay, LCL_EFFECTIVE) < 0) {
    warnings.push(
      warning(
        'double_wage_not_owed',
        'info',
        '用工在 2008 年 1 月 1 日劳动合同法施行前已结束，不适用二倍工资。',
        'The employment ended before the Labor Contract Law took effect on 2008-01-01: no double wages.',
      ),
    );
    return { items: [], warnings };
  }
  if (compareDates(hireDate, LCL_EFFECTIVE) < 0) {
    warnings.push(
      warning(
        'pre_2008_service',
        'info',
        '用工始于 2008 年前：未订立书面劳动合同的一个月宽限期自劳动合同法施行之日（2008-01-01）起算。',
        'Employment began before 2008: the one-month period to sign a written contract is counted from the Labor Contract Law’s effective date (2008-01-01).',
      ),
    );
  }
  const start = addMonths(anchor, 1); // 用工之日起满一个月的次日
  const yearAnniversary = addMonths(anchor, 12); // 满一年的当日
  const afterLastWorkDay = addDays(lastWorkDay, 1);

  let endExclusive = minDate(yearAnniversary, afterLastWorkDay);
  let stopReason: ReturnType<typeof text>;
  if (contractSignedDate !== null && compareDates(contractSignedDate, endExclusive) < 0) {
    endExclusive = contractSignedDate;
    stopReason = text('签订书面劳动合同前一日', 'the day before the written contract was signed');
  } else if (compareDates(yearAnniversary, afterLastWorkDay) <= 0) {
    stopReason = text('用工满一年前一日', 'the day before the first anniversary of employment');
  } else {
    stopReason =
      input.endDate !== null
        ? text('劳动关系结束之日', 'the last day of employment')
        : text('计算日', 'the calculation date');
  }

  // 视为已订立无固定期限劳动合同: one full year passed with no contract signed before the anniversary
  const reachedYear = compareDates(yearAnniversary, lastWorkDay) <= 0;
  const unsignedAtYear = contractSignedDate === null || compareDates(contractSignedDate, yearAnniversary) >= 0;
  if (reachedYear && unsignedAtYear) {
    warnings.push(
      warning(
        'double_wage_open_ended_deemed',
        'warning',
        `用工满一年（${yearAnniversary}）仍未订立书面劳动合同，视为自该日起已与劳动者订立无固定期限劳动合同（劳动合同法第十四条第三款、实施条例第七条）；二倍工资最多计至满一年前一日，共 ${DOUBLE_WAGE_MAX_MONTHS} 个月。`,
        `No written contract one year after hiring (${yearAnniversary}): a non-fixed-term contract is deemed concluded from that day (LCL art. 14 ¶3, Implementing Regulations art. 7); double wages stop the day before, at most ${DOUBLE_WAGE_MAX_MONTHS} months.`,
      ),
    );
  }

  const period = monthsFromAnniversary(anchor, 1, endExclusive);
  if (period.months.n === 0n) {
    warnings.push(
      warning(
        'double_wage_not_owed',
        'info',
        '用工之日起一个月内已订立书面劳动合同（或用工未满一个月），无二倍工资差额。',
        'The written contract was signed within the first month of work (or work lasted under a month): no double wages are owed.',
      ),
    );
    return { items: [], warnings };
  }
  const lastDay = addDays(endExclusive, -1);
  const exact = mul(period.months, input.wage);
  const amountFen = roundHalfUpToFen(exact);

  const oneYearAfter = addMonths(lastDay, 12);
  if (compareDates(asOf, oneYearAfter) > 0) {
    warnings.push(
      warning(
        'double_wage_limitation',
        'critical',
        `二倍工资差额的最后一日为 ${lastDay}，距今已超过一年：该请求可能已全部或部分超过一年仲裁时效（劳动争议调解仲裁法第二十七条）。`,
        `The double-wage period ended on ${lastDay}, more than a year ago: the claim may be wholly or partly time-barred (Labor Dispute Mediation and Arbitration Law art. 27).`,
      ),
    );
  } else {
    warnings.push(
      warning(
        'double_wage_limitation',
        'warning',
        `二倍工资差额属于惩罚性赔偿，适用一年仲裁时效（劳动争议调解仲裁法第二十七条）；各地对起算点（按月逐月计算或自违法行为结束之日起算）理解不一，请尽快申请，最迟不晚于 ${oneYearAfter}。`,
        `Double wages are a penalty subject to the one-year limitation period (Labor Dispute Mediation and Arbitration Law art. 27); localities differ on when it starts (month by month or from the end of the violation), so file promptly, at the latest by ${oneYearAfter}.`,
      ),
    );
  }

  const m = monthsText(period.months);
  const w = yuan(input.wage);
  const a = yuan(amountFen);
  const daysNote =
    period.restDays > 0
      ? text(
          `（${period.fullMonths} 个整月又 ${period.restDays} 天，按当月 ${period.restMonthLength} 天折算）`,
          ` (${period.fullMonths} full month${period.fullMonths === 1 ? '' : 's'} and ${period.restDays} day${period.restDays === 1 ? '' : 's'}, counted against a ${period.restMonthLength}-day month)`,
        )
      : text('', '');
  return {
    items: [
      {
        code: 'double_wage_no_contract',
        amountFen,
        basis: ['劳动合同法第八十二条', '劳动合同法实施条例第六条', '劳动合同法实施条例第七条'],
        explanation: text(
          `未订立书面劳动合同，自用工满一个月的次日 ${start} 起至${stopReason.zh} ${lastDay} 止，共 ${m.zh}${daysNote.zh}；另一倍工资：${m.zh} × ${w.zh} = ${a.zh}`,
          `No written contract from ${start} (the day after one month of work) to ${lastDay} (${stopReason.en}): ${m.en}${daysNote.en}; the extra one-times wage: ${m.en} × ${w.en} = ${a.en}`,
        ),
        detail: {
          months: num(period.months),
          baseFen: roundHalfUpToFen(input.wage),
          multiplier: '1',
          from: start,
          to: lastDay,
          capApplied: compareDates(endExclusive, yearAnniversary) === 0,
        },
      },
    ],
    warnings,
  };
}
