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
import { addDays, addMonths, compareDates, daysBetween, maxDate, minDate, monthOf } from './dates.js';
import { LCL_EFFECTIVE } from './economic-compensation.js';
import { months as monthsText, num, text, yuan } from './explain.js';
import { add, mul, rat, roundHalfUpToFen, ZERO, type Rational } from './money.js';
import { monthsFromAnniversary } from './service-length.js';
import { movedNote, oneYearLastDay, type RestDayCalendar } from './limitation.js';
import { warning, type EngineWarning, type RuleResult } from './types.js';

export interface DoubleWageInput {
  hireDate: string;
  /** last day of work, or null while still employed */
  endDate: string | null;
  /** date of the written contract; null = never signed */
  contractSignedDate: string | null;
  /** the recorded wage of a calendar month "YYYY-MM", or null when the history has none */
  wageOfMonth: (month: string) => Rational | null;
  /** the average monthly wage, standing in for a month with no record */
  averageWage: Rational;
  /** whether a pay history was given at all */
  hasHistory: boolean;
  /** today, for workers still employed and for the limitation period */
  asOf: string;
  /** working days, for the last day of the limitation period (民法典第二百零三条) */
  calendar: RestDayCalendar;
}

export const DOUBLE_WAGE_MAX_MONTHS = 11;

interface MonthShare {
  month: string;
  /** share of a month this calendar month counts for */
  share: Rational;
  wage: Rational;
  estimated: boolean;
}

/**
 * The period [start of anniversary month k0, endExclusive) split by calendar month: each day
 * counts 1/L, L the length of its anniversary month, at the wage of its calendar month.
 */
function monthShares(
  anchor: string,
  k0: number,
  endExclusive: string,
  wageOf: (month: string) => { wage: Rational; estimated: boolean },
): MonthShare[] {
  const shares = new Map<string, MonthShare>();
  for (let k = k0; compareDates(addMonths(anchor, k), endExclusive) < 0; k++) {
    const segStart = addMonths(anchor, k);
    const segNext = addMonths(anchor, k + 1);
    const length = daysBetween(segStart, segNext);
    const segEnd = minDate(segNext, endExclusive);
    let day = segStart;
    while (compareDates(day, segEnd) < 0) {
      const month = monthOf(day);
      const nextMonthStart = addMonths(`${month}-01`, 1);
      const pieceEnd = minDate(nextMonthStart, segEnd);
      const days = daysBetween(day, pieceEnd);
      const entry = shares.get(month) ?? { month, share: ZERO, ...wageOf(month) };
      entry.share = add(entry.share, rat(BigInt(days), BigInt(length)));
      shares.set(month, entry);
      day = pieceEnd;
    }
  }
  return [...shares.values()];
}

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
        'The employment ended before the Labor Contract Law (劳动合同法) took effect on 2008-01-01: no double wages.',
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
        'Employment began before 2008: the one-month period to sign a written contract is counted from the date the Labor Contract Law (劳动合同法) took effect (2008-01-01).',
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
        `No written contract one year after hiring (${yearAnniversary}): a non-fixed-term contract is deemed concluded from that day (Labor Contract Law (劳动合同法) art. 14 ¶3, Implementing Regulations of the Labor Contract Law (劳动合同法实施条例) art. 7); double wages stop the day before, at most ${DOUBLE_WAGE_MAX_MONTHS} months.`,
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
  const wageOf = (month: string) => {
    const recorded = input.wageOfMonth(month);
    return recorded !== null ? { wage: recorded, estimated: false } : { wage: input.averageWage, estimated: true };
  };
  const shares = monthShares(anchor, 1, endExclusive, wageOf);
  const exact = shares.reduce((acc, m) => add(acc, mul(m.share, m.wage)), ZERO);
  const amountFen = roundHalfUpToFen(exact);
  const estimated = shares.filter((m) => m.estimated).map((m) => m.month);
  if (!input.hasHistory) {
    warnings.push(
      warning(
        'double_wage_flat_wage',
        'warning',
        '二倍工资应按每个月各自的工资计算（实施条例第六条：每月支付两倍的工资）。只填写了月平均工资，故每个月都按该工资计算；期间工资有变化的，请按月填写工资，结果会不同。',
        'Double wages are owed at each month’s own wage (Implementing Regulations of the Labor Contract Law (劳动合同法实施条例) art. 6: two times the wage each month). Only the average monthly wage was given, so it is used for every month; if the pay changed during the period, give the monthly pay and the result will differ.',
      ),
    );
  } else if (estimated.length > 0) {
    warnings.push(
      warning(
        'double_wage_month_missing',
        'warning',
        `工资记录中没有 ${estimated.join('、')} 的工资，这些月份暂按月平均工资计算二倍工资；请补充这些月份的工资。`,
        `The pay history has no record for ${estimated.join(', ')}; the average monthly wage stands in for those months. Add them for an exact figure.`,
      ),
    );
  }

  const limitation = oneYearLastDay(lastDay, input.calendar);
  const moved = movedNote(limitation);
  if (compareDates(asOf, limitation.lastDay) > 0) {
    warnings.push(
      warning(
        'double_wage_limitation',
        'critical',
        `二倍工资差额的最后一日为 ${lastDay}，一年仲裁时效已于 ${limitation.lastDay} 届满${moved.zh}：该请求可能已全部或部分超过时效（劳动争议调解仲裁法第二十七条）。`,
        `The double-wage period ended on ${lastDay}; the one-year limitation ran out on ${limitation.lastDay}${moved.en}: the claim may be wholly or partly time-barred (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27).`,
      ),
    );
  } else {
    warnings.push(
      warning(
        'double_wage_limitation',
        'warning',
        `二倍工资差额属于惩罚性赔偿，适用一年仲裁时效（劳动争议调解仲裁法第二十七条）；各地对起算点（按月逐月计算或自违法行为结束之日起算）理解不一，请尽快申请，最迟于 ${limitation.lastDay}（含当日）${moved.zh}。`,
        `Double wages are a penalty subject to the one-year limitation period (Labor Dispute Mediation and Arbitration Law (劳动争议调解仲裁法) art. 27); localities differ on when it starts (month by month or from the end of the violation), so file promptly, by ${limitation.lastDay} at the latest (that day included)${moved.en}.`,
      ),
    );
  }

  const m = monthsText(period.months);
  const a = yuan(amountFen);
  const daysNote =
    period.restDays > 0
      ? text(
          `（${period.fullMonths} 个整月又 ${period.restDays} 天，按当月 ${period.restMonthLength} 天折算）`,
          ` (${period.fullMonths} full month${period.fullMonths === 1 ? '' : 's'} and ${period.restDays} day${period.restDays === 1 ? '' : 's'}, counted against a ${period.restMonthLength}-day month)`,
        )
      : text('', '');
  const arithmetic = explainShares(shares, period.months);
  return {
    items: [
      {
        code: 'double_wage_no_contract',
        amountFen,
        basis: ['劳动合同法第八十二条', '劳动合同法实施条例第六条', '劳动合同法实施条例第七条'],
        explanation: text(
          `未订立书面劳动合同，自用工满一个月的次日 ${start} 起至${stopReason.zh} ${lastDay} 止，共 ${m.zh}${daysNote.zh}；按各月工资另付一倍：${arithmetic.zh} = ${a.zh}`,
          `No written contract from ${start} (the day after one month of work) to ${lastDay} (${stopReason.en}): ${m.en}${daysNote.en}; the extra one-times wage of each month: ${arithmetic.en} = ${a.en}`,
        ),
        detail: {
          months: num(period.months),
          // the wage a month counted on average over the period (each month's own wage is in perMonth)
          baseFen: roundHalfUpToFen(mul(exact, rat(period.months.d, period.months.n))),
          multiplier: '1',
          from: start,
          to: lastDay,
          capApplied: compareDates(endExclusive, yearAnniversary) === 0,
          perMonth: shares.map((x) => ({
            month: x.month,
            months: num(x.share),
            wageFen: roundHalfUpToFen(x.wage),
            estimated: x.estimated,
          })),
        },
      },
    ],
    warnings,
  };
}

/** "11 个月 × 5,000.00 元" for one wage, or a sum of runs of months at the same wage. */
function explainShares(shares: readonly MonthShare[], total: Rational): ReturnType<typeof text> {
  const runs: { from: string; to: string; share: Rational; wage: Rational }[] = [];
  for (const s of shares) {
    const last = runs[runs.length - 1];
    if (last && last.wage.n * s.wage.d === s.wage.n * last.wage.d) {
      last.to = s.month;
      last.share = add(last.share, s.share);
    } else runs.push({ from: s.month, to: s.month, share: s.share, wage: s.wage });
  }
  if (runs.length === 1) {
    const m = monthsText(total);
    const w = yuan(runs[0]!.wage);
    return text(`${m.zh} × ${w.zh}`, `${m.en} × ${w.en}`);
  }
  const parts = runs.map((r) => {
    const m = monthsText(r.share);
    const w = yuan(r.wage);
    const when = r.from === r.to ? r.from : `${r.from}–${r.to}`;
    return text(`${when} ${m.zh} × ${w.zh}`, `${when} ${m.en} × ${w.en}`);
  });
  return text(parts.map((p) => p.zh).join(' + '), parts.map((p) => p.en).join(' + '));
}
