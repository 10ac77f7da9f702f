/**
 * Pay for unused paid annual leave 未休年休假工资报酬
 * (职工带薪年休假条例第三条、第五条; 企业职工带薪年休假实施办法第五条、第十条至第十二条).
 *
 * Entitlement: 5 / 10 / 15 days for cumulative work of ≥1 & <10 / ≥10 & <20 /
 * ≥20 years (0 under one year).
 * - A worker who joins during the year (实施办法第五条) gets (remaining calendar days ÷ 365) ×
 *   entitlement with the fraction of a day dropped; unused = that − days taken.
 * - A worker who leaves (实施办法第十二条) is owed (days passed at this employer in the year ÷ 365
 *   × entitlement − days already taken), and only then is the part below one whole day dropped
 *   ("折算后不足1整天的部分不支付"); leave taken beyond it is not clawed back (第十二条第三款).
 * Unused days are paid at an extra 200% of the daily wage (the normal 100% is in the monthly wage
 * already), unless the worker declined leave the employer arranged, in writing and for their own
 * reasons (第十条第二款): then only the normal wage is owed. Daily wage = monthly wage ÷ 21.75
 * unless given.
 */
import { compareDates, daysBetween, maxDate, minDate } from './dates.js';
import { num, text, yuan } from './explain.js';
import {
  cmp,
  decimalToRational,
  div,
  floor,
  max,
  min,
  mul,
  rat,
  roundHalfUpToFen,
  sub,
  toFixedDecimal,
  ZERO,
  type Rational,
} from './money.js';
import { warning, type EngineWarning, type RuleResult } from './types.js';

/** 月计薪天数 */
export const MONTHLY_PAID_DAYS: Rational = rat(87n, 4n); // 21.75

export interface AnnualLeaveInput {
  year: number;
  cumulativeWorkYears: number;
  daysTaken: number;
  dailyWageBaseFen?: number | undefined;
  declinedInWriting?: boolean | undefined;
  hireDate: string;
  endDate: string | null;
  /** monthly wage excluding overtime pay, fen (exact) */
  monthlyWage: Rational;
  asOf: string;
}

/** 条例第三条 */
export function annualLeaveEntitlement(cumulativeWorkYears: Rational): number {
  if (cmp(cumulativeWorkYears, rat(1)) < 0) return 0;
  if (cmp(cumulativeWorkYears, rat(10)) < 0) return 5;
  if (cmp(cumulativeWorkYears, rat(20)) < 0) return 10;
  return 15;
}

export function annualLeave(input: AnnualLeaveInput): RuleResult {
  const warnings: EngineWarning[] = [];
  const yearStart = `${String(input.year).padStart(4, '0')}-01-01`;
  const yearEnd = `${String(input.year).padStart(4, '0')}-12-31`;
  const from = maxDate(input.hireDate, yearStart);
  const to = minDate(input.endDate ?? yearEnd, yearEnd);
  if (compareDates(to, from) < 0) {
    warnings.push(
      warning(
        'annual_leave_year_outside_employment',
        'warning',
        `${input.year} 年不在本单位的用工期间内，未计算年休假工资。`,
        `${input.year} is outside the employment at this employer; no annual-leave pay computed.`,
      ),
    );
    return { items: [], warnings };
  }
  warnings.push(
    warning(
      'annual_leave_exclusions',
      'info',
      '未核对职工带薪年休假条例第四条不享受当年年休假的情形（如寒暑假、较长病假、请事假累计 20 天以上且未扣工资等）；累计工作年限按所填年数计算。',
      'The exclusions of Regulations on Paid Annual Leave of Employees (职工带薪年休假条例) art. 4 (school holidays, long sick leave, 20+ days of unpaid personal leave, etc.) were not checked; cumulative work years are taken as given.',
    ),
  );
  const stillEmployedThatYear = input.endDate === null || compareDates(input.endDate, yearEnd) > 0;
  if (stillEmployedThatYear && compareDates(input.asOf, `${String(input.year + 1).padStart(4, '0')}-12-31`) <= 0) {
    warnings.push(
      warning(
        'annual_leave_still_schedulable',
        'info',
        `劳动关系仍存续：用人单位可在 ${input.year} 年内安排休假，确有必要时可跨 1 个年度安排（条例第五条）；届时仍未安排的才应支付未休年休假工资。`,
        `Still employed: the employer may still arrange the ${input.year} leave within that year, or the next year if necessary (Regulations on Paid Annual Leave of Employees (职工带薪年休假条例) art. 5); the pay is owed only if it is not arranged.`,
      ),
    );
  }

  const entitlement = annualLeaveEntitlement(decimalToRational(input.cumulativeWorkYears, 2));
  const fullYear = from === yearStart && to === yearEnd;
  const calendarDays = daysBetween(from, to) + 1;
  const exactProrated = fullYear
    ? rat(entitlement)
    : min(rat(entitlement), rat(BigInt(calendarDays * entitlement), 365n));
  const taken = decimalToRational(input.daysTaken, 2);
  const leaving = input.endDate !== null && compareDates(input.endDate, yearEnd) <= 0;
  // 第十二条 (leaving): subtract first, then drop the part below a whole day.
  // 第五条 (joining) and a whole year: the entitlement is whole days; half days taken stay half.
  const prorated = Number(floor(exactProrated));
  const unused = leaving ? rat(floor(max(sub(exactProrated, taken), ZERO))) : max(sub(rat(prorated), taken), ZERO);
  if (unused.n === 0n) return { items: [], warnings };
  if (input.declinedInWriting === true) {
    warnings.push(
      warning(
        'annual_leave_declined_in_writing',
        'warning',
        `未休 ${num(unused)} 天：用人单位安排了年休假，职工因本人原因且书面提出不休的，用人单位可以只支付正常工作期间的工资收入，不另付 200% 的未休年休假工资（企业职工带薪年休假实施办法第十条第二款）。未安排休假或并非职工本人书面提出的，不适用此项。`,
        `${num(unused)} unused day(s): the employer arranged the leave and the worker declined it in writing for their own reasons, so only the normal wage is owed, with no 200% extra (Implementing Measures for Paid Annual Leave of Enterprise Employees (企业职工带薪年休假实施办法) art. 10 ¶2). This does not apply if the leave was not arranged or the worker did not decline it in writing themselves.`,
      ),
    );
    return { items: [], warnings };
  }

  const givenDaily = input.dailyWageBaseFen;
  const daily = givenDaily !== undefined ? rat(givenDaily) : div(input.monthlyWage, MONTHLY_PAID_DAYS);
  const exact = mul(mul(unused, daily), rat(2));
  const amountFen = roundHalfUpToFen(exact);

  const joined = compareDates(input.hireDate, yearStart) > 0;
  const basis = ['职工带薪年休假条例第三条', '职工带薪年休假条例第五条'];
  if (!fullYear && joined && !leaving) basis.push('企业职工带薪年休假实施办法第五条');
  if (leaving) basis.push('企业职工带薪年休假实施办法第十二条');
  basis.push('企业职工带薪年休假实施办法第十条', '企业职工带薪年休假实施办法第十一条');

  const ratio = `${calendarDays} ÷ 365 × ${entitlement} 天`;
  const ratioEn = `${calendarDays} ÷ 365 × ${entitlement} days`;
  const exactText = toFixedDecimal(exactProrated, 2);
  const proText = leaving
    ? text(
        `${from} 至 ${to} 在本单位 ${calendarDays} 天：${fullYear ? `全年应休 ${entitlement} 天` : `${ratio} = ${exactText} 天`}，减去已休 ${num(taken)} 天，不足一整天的部分不支付（实施办法第十二条），未休 ${num(unused)} 天`,
        `${from} to ${to}, ${calendarDays} days at this employer: ${fullYear ? `${entitlement} days for the whole year` : `${ratioEn} = ${exactText} days`}, less ${num(taken)} taken, the part below a whole day dropped (Implementing Measures for Paid Annual Leave of Enterprise Employees (企业职工带薪年休假实施办法) art. 12): ${num(unused)} unused days`,
      )
    : fullYear
      ? text(
          `${input.year} 年全年在职，应休 ${entitlement} 天；已休 ${num(taken)} 天，未休 ${num(unused)} 天`,
          `employed all of ${input.year}: ${entitlement} days; taken ${num(taken)}, unused ${num(unused)} days`,
        )
      : text(
          `${from} 至 ${to} 共 ${calendarDays} 天：${ratio} = ${exactText} 天，不足一整天的部分不享受（实施办法第五条），折算 ${prorated} 天；已休 ${num(taken)} 天，未休 ${num(unused)} 天`,
          `${from} to ${to}, ${calendarDays} days: ${ratioEn} = ${exactText} days, fractions dropped (Implementing Measures for Paid Annual Leave of Enterprise Employees (企业职工带薪年休假实施办法) art. 5): ${prorated} days; taken ${num(taken)}, unused ${num(unused)} days`,
        );
  const u = num(unused);
  const dailyText =
    givenDaily !== undefined
      ? text(`${yuan(daily).zh}（日工资）`, `${yuan(daily).en} (daily wage)`)
      : text(`${yuan(input.monthlyWage).zh} ÷ 21.75`, `${yuan(input.monthlyWage).en} ÷ 21.75`);
  const a = yuan(amountFen);
  return {
    items: [
      {
        code: 'annual_leave_pay',
        amountFen,
        basis,
        explanation: text(
          `${proText.zh}；${u} 天 × ${dailyText.zh} × 200% = ${a.zh}（300% 中的 100% 已含在正常工资内）`,
          `${proText.en}; ${u} days × ${dailyText.en} × 200% = ${a.en} (the normal 100% of the 300% is already in the wage)`,
        ),
        detail: {
          days: u,
          entitlementDays: prorated,
          proratedDays: exactText,
          baseFen: roundHalfUpToFen(daily),
          multiplier: '2',
          from,
          to,
        },
      },
    ],
    warnings,
  };
}
