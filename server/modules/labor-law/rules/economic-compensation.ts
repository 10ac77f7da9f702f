/**
 * Economic compensation 经济补偿 (劳动合同法第四十六条、第四十七条、第九十七条;
 * 实施条例第二十七条) and compensation for unlawful termination 赔偿金
 * (第四十八条、第八十七条; 实施条例第二十五条).
 */
import type { Art38Reason, TerminationGround } from '../../../../contracts/labor-law.js';
import { compareDates, maxDate, minDate } from './dates.js';
import { join, months as monthsText, num, span as spanText, text, yuan, type Text } from './explain.js';
import { add, cmp, max, min, mul, rat, roundHalfUpToFen, ZERO, type Rational } from './money.js';
import { art47Months, rules1994Months, serviceSpan, type ServiceSpan } from './service-length.js';
import { warning, type EngineWarning, type RuleResult } from './types.js';

/** 劳动合同法施行之日 */
export const LCL_EFFECTIVE = '2008-01-01';
const LAST_DAY_BEFORE_LCL = '2007-12-31';

export const COMPENSABLE_GROUNDS: readonly TerminationGround[] = [
  'mutual_by_employer',
  'art38',
  'art40',
  'art41',
  'expiry',
];

const ART46_ITEM: Partial<Record<TerminationGround, string>> = {
  art38: '劳动合同法第四十六条第一项',
  mutual_by_employer: '劳动合同法第四十六条第二项',
  art40: '劳动合同法第四十六条第三项',
  art41: '劳动合同法第四十六条第四项',
  expiry: '劳动合同法第四十六条第五项',
};

const RULES_1994 = '违反和解除劳动合同的经济补偿办法（劳部发〔1994〕481号）';
const RULES_1994_ARTICLE: Partial<Record<TerminationGround, string>> = {
  mutual_by_employer: `${RULES_1994}第五条`,
  art40: `${RULES_1994}第六条至第八条`,
  art41: `${RULES_1994}第九条`,
  art38: RULES_1994,
};

/**
 * The employer faults for which the rules before 2008 gave a worker who resigned economic
 * compensation: 最高人民法院关于审理劳动争议案件适用法律若干问题的解释（法释〔2001〕14号）第十五条
 * (强迫劳动; 未按约定支付劳动报酬或提供劳动条件; 克扣或无故拖欠工资; 拒不支付加班工资; 低于最低工资).
 * Only for these does service before 2008 count when a worker resigns under art. 38 (第九十七条第三款).
 */
export const PRE_2008_COMPENSATED_ART38: readonly Art38Reason[] = [
  'forced_labour',
  'no_labour_conditions',
  'pay_not_as_agreed',
  'wage_withheld_or_delayed',
  'overtime_unpaid',
  'below_minimum_wage',
];
const SPC_2001_ART15 = '最高人民法院关于审理劳动争议案件适用法律若干问题的解释（法释〔2001〕14号）第十五条';

export interface CompensationInput {
  hireDate: string;
  /** with ground 'art38': the employer's fault the worker resigned over */
  art38Reason?: Art38Reason | undefined;
  /** last day of work */
  endDate: string;
  ground: TerminationGround;
  /** average monthly wage of the 12 months before the end, fen (exact) */
  wage: Rational;
  minimumWageFen: number | null;
  averageWageFen: number | null;
}

export interface CompensationBase {
  /** wage after the minimum-wage floor */
  floored: Rational;
  floorApplied: boolean;
  /** wage above 3× the local average: base capped and years capped at 12 */
  highWage: boolean;
  /** base for service under the Labor Contract Law */
  lclBase: Rational;
  warnings: EngineWarning[];
}

/** Base wage under 实施条例第二十七条 (floor) and 劳动合同法第四十七条第二款 (3× cap). */
export function compensationBase(
  wage: Rational,
  minimumWageFen: number | null,
  averageWageFen: number | null,
): CompensationBase {
  const warnings: EngineWarning[] = [];
  let floored = wage;
  let floorApplied = false;
  if (minimumWageFen === null) {
    warnings.push(
      warning(
        'minimum_wage_missing',
        'warning',
        '缺少当地最低工资标准：未核对经济补偿基数是否低于最低工资（实施条例第二十七条）。',
        'Local minimum wage missing: the compensation base was not checked against it (Implementing Regulations of the Labor Contract Law (劳动合同法实施条例) art. 27).',
      ),
    );
  } else if (cmp(wage, rat(minimumWageFen)) < 0) {
    floored = rat(minimumWageFen);
    floorApplied = true;
    warnings.push(
      warning(
        'minimum_wage_floor_applied',
        'info',
        `月平均工资 ${yuan(wage).zh} 低于当地最低工资标准，按最低工资 ${yuan(minimumWageFen).zh} 计算经济补偿（实施条例第二十七条）。`,
        `Average wage ${yuan(wage).en} is below the local minimum wage; compensation uses ${yuan(minimumWageFen).en} (Implementing Regulations of the Labor Contract Law (劳动合同法实施条例) art. 27).`,
      ),
    );
  }
  let highWage = false;
  let lclBase = floored;
  if (averageWageFen === null) {
    warnings.push(
      warning(
        'average_wage_missing',
        'warning',
        '缺少当地上年度职工月平均工资：未核对三倍封顶及十二年上限，结果假定月工资不超过社平工资三倍（劳动合同法第四十七条第二款）。',
        'Local average wage missing: the 3× cap and 12-year limit were not checked; the result assumes the wage does not exceed 3× the local average (Labor Contract Law (劳动合同法) art. 47 ¶2).',
      ),
    );
  } else {
    const cap = rat(BigInt(averageWageFen) * 3n);
    if (cmp(floored, cap) > 0) {
      highWage = true;
      lclBase = cap;
    }
  }
  return { floored, floorApplied, highWage, lclBase, warnings };
}

interface Segment {
  period: 'before_2008' | 'from_2008' | 'whole';
  from: string;
  to: string;
  span: ServiceSpan;
  months: Rational;
  uncappedMonths: Rational;
  base: Rational;
}

function segmentAmount(s: Segment): Rational {
  return mul(s.months, s.base);
}

function segmentText(s: Segment, withRange: boolean): Text {
  const sp = spanText(s.span);
  const m = monthsText(s.months);
  const b = yuan(s.base);
  const amt = yuan(segmentAmount(s));
  const cut =
    cmp(s.months, s.uncappedMonths) < 0
      ? text(
          `（原为 ${monthsText(s.uncappedMonths).zh}，以 12 个月为限）`,
          ` (capped from ${monthsText(s.uncappedMonths).en} to 12)`,
        )
      : text('', '');
  const range = withRange ? text(`${s.from} 至 ${s.to}，`, `${s.from} to ${s.to}, `) : text('', '');
  const label =
    s.period === 'before_2008'
      ? text('2008 年前按当时规定：', 'Before 2008, under the rules then in force: ')
      : s.period === 'from_2008'
        ? text('2008 年起按劳动合同法：', 'From 2008, under the Labor Contract Law (劳动合同法): ')
        : text('', '');
  return text(
    `${label.zh}${range.zh}工作 ${sp.zh}，计 ${m.zh}${cut.zh}；${m.zh} × ${b.zh} = ${amt.zh}`,
    `${label.en}${range.en}service ${sp.en} → ${m.en}${cut.en}; ${m.en} × ${b.en} = ${amt.en}`,
  );
}

function roundedBase(r: Rational): number {
  return roundHalfUpToFen(r);
}

/**
 * Economic compensation for a compensable ground, or double compensation for
 * `unlawful`. Returns no item for the other grounds.
 */
export function economicCompensation(input: CompensationInput): RuleResult {
  const { hireDate, endDate, ground } = input;
  const unlawful = ground === 'unlawful';
  if (!unlawful && !COMPENSABLE_GROUNDS.includes(ground)) return { items: [], warnings: [] };

  const base = compensationBase(input.wage, input.minimumWageFen, input.averageWageFen);
  const warnings: EngineWarning[] = [...base.warnings];
  const segments: Segment[] = [];
  const cap12 = (m: Rational): Rational => (base.highWage ? min(m, rat(12)) : m);

  if (compareDates(endDate, LCL_EFFECTIVE) < 0) {
    warnings.push(
      warning(
        'pre_2008_termination',
        'critical',
        '劳动关系在 2008 年 1 月 1 日劳动合同法施行前已结束：应适用当时规定，且通常早已超过仲裁时效。' +
          (unlawful ? '本计算不适用违法解除赔偿金。' : '以下仅按劳部发〔1994〕481号估算。'),
        'Employment ended before the Labor Contract Law (劳动合同法) took effect on 2008-01-01: the rules then in force apply and the claim is very likely time-barred.' +
          (unlawful
            ? ' Double compensation for unlawful termination does not apply.'
            : ' The figure below is only an estimate under the 1994 rules.'),
      ),
    );
    if (unlawful || ground === 'expiry') return { items: [], warnings };
  }

  if (unlawful) {
    // 实施条例第二十五条: 赔偿金的计算年限自用工之日起计算 — the whole service, under art. 47.
    const sp = serviceSpan(hireDate, endDate);
    const m = art47Months(sp);
    segments.push({
      period: 'whole',
      from: hireDate,
      to: endDate,
      span: sp,
      months: cap12(m),
      uncappedMonths: m,
      base: base.lclBase,
    });
  } else {
    if (compareDates(hireDate, LCL_EFFECTIVE) < 0) {
      const preEnd = minDate(endDate, LAST_DAY_BEFORE_LCL);
      const art38Covered =
        ground === 'art38' && input.art38Reason !== undefined && PRE_2008_COMPENSATED_ART38.includes(input.art38Reason);
      if (ground === 'art38' && !art38Covered) {
        const sp = serviceSpan(hireDate, preEnd);
        const extra = mul(rat(rules1994Months(sp)), base.floored);
        warnings.push(
          input.art38Reason === undefined
            ? warning(
                'pre_2008_art38_reason_missing',
                'warning',
                `${hireDate} 至 ${preEnd} 的工作年限未计入：被迫解除时，2008 年前的年限只有在当时规定也应给付经济补偿的情形下才计算（劳动合同法第九十七条第三款），即强迫劳动、未按约定支付劳动报酬或提供劳动条件、克扣或无故拖欠工资、拒不支付加班工资、低于最低工资标准支付工资（法释〔2001〕14号第十五条）。请选择被迫解除的原因；属于上述情形的，另计 ${yuan(roundHalfUpToFen(extra)).zh}。`,
                `Service from ${hireDate} to ${preEnd} is not counted: when a worker resigns under art. 38, service before 2008 counts only where the rules then in force gave compensation (Labor Contract Law (劳动合同法) art. 97 ¶3): forced labor, pay or working conditions not as agreed, wages withheld or delayed, overtime pay refused, pay below the minimum wage (SPC interpretation 2001 art. 15). Give the reason for resigning; for one of these, add ${yuan(roundHalfUpToFen(extra)).en}.`,
              )
            : warning(
                'pre_2008_art38_not_compensated',
                'info',
                `${hireDate} 至 ${preEnd} 的工作年限不计入：以此理由被迫解除，当时的规定不给付经济补偿（法释〔2001〕14号第十五条所列五种情形之外），经济补偿年限自 2008 年 1 月 1 日起计算（劳动合同法第九十七条第三款）。`,
                `Service from ${hireDate} to ${preEnd} is not counted: for this reason the rules before 2008 gave no compensation (it is not one of the five faults of SPC Interpretation on Labor Dispute Cases (2001) (最高人民法院关于审理劳动争议案件适用法律若干问题的解释（法释〔2001〕14号）) art. 15), so compensation years run from 2008-01-01 (Labor Contract Law (劳动合同法) art. 97 ¶3).`,
              ),
        );
      } else if (ground === 'expiry') {
        warnings.push(
          warning(
            'pre_2008_service',
            'info',
            `${hireDate} 至 ${preEnd} 的工作年限不计入：劳动合同期满终止的经济补偿年限自 2008 年 1 月 1 日起计算，当时规定期满终止无经济补偿（劳动合同法第九十七条）。`,
            `Service from ${hireDate} to ${preEnd} is not counted: for expiry, compensation years run from 2008-01-01, as the earlier rules gave none on expiry (Labor Contract Law (劳动合同法) art. 97).`,
          ),
        );
      } else {
        const sp = serviceSpan(hireDate, preEnd);
        const raw = rat(rules1994Months(sp));
        // 劳部发〔1994〕481号第五条: mutual agreement at most 12 months
        const m = ground === 'mutual_by_employer' ? min(raw, rat(12)) : raw;
        segments.push({
          period: 'before_2008',
          from: hireDate,
          to: preEnd,
          span: sp,
          months: m,
          uncappedMonths: raw,
          base: base.floored,
        });
        warnings.push(
          warning(
            'pre_2008_service',
            'info',
            `2008 年前的工作年限按当时规定（劳部发〔1994〕481号）计算：每满一年一个月工资，不满一年按一年计，不适用三倍封顶和十二年上限${ground === 'mutual_by_employer' ? '，协商解除最多 12 个月' : ''}；2008 年起的年限按劳动合同法第四十七条计算（第九十七条）。`,
            `Service before 2008 follows the rules then in force (1994 rules): one month per year, any part of a year counts as a year, no 3× cap or 12-year limit${ground === 'mutual_by_employer' ? ', at most 12 months for mutual agreement' : ''}; service from 2008 follows Labor Contract Law (劳动合同法) art. 47 (art. 97).`,
          ),
        );
        if (ground === 'art40' && cmp(raw, rat(12)) > 0) {
          warnings.push(
            warning(
              'pre_2008_art40_cap',
              'warning',
              '若第四十条解除的理由是“不能胜任工作”，2008 年前部分按劳部发〔1994〕481号第七条最多 12 个月，本计算未设此上限。',
              'If the ground under Labor Contract Law (劳动合同法) art. 40 is incompetence, the pre-2008 part is limited to 12 months by Measures on Economic Compensation for Breaching or Ending Labor Contracts (1994) (违反和解除劳动合同的经济补偿办法（劳部发〔1994〕481号）) art. 7; that limit is not applied here.',
            ),
          );
        }
      }
    }
    if (compareDates(endDate, LCL_EFFECTIVE) >= 0) {
      const from = maxDate(hireDate, LCL_EFFECTIVE);
      const sp = serviceSpan(from, endDate);
      const m = art47Months(sp);
      segments.push({
        period: segments.length > 0 || compareDates(hireDate, LCL_EFFECTIVE) < 0 ? 'from_2008' : 'whole',
        from,
        to: endDate,
        span: sp,
        months: cap12(m),
        uncappedMonths: m,
        base: base.lclBase,
      });
    }
  }

  if (base.highWage && input.averageWageFen !== null) {
    warnings.push(
      warning(
        'high_wage_cap_applied',
        'info',
        `月工资高于当地上年度职工月平均工资 ${yuan(input.averageWageFen).zh} 的三倍：按三倍即 ${yuan(base.lclBase).zh} 计算，年限最多 12 年（劳动合同法第四十七条第二款）。`,
        `Wage exceeds 3× the local average wage ${yuan(input.averageWageFen).en}: the base is ${yuan(base.lclBase).en} and at most 12 years count (Labor Contract Law (劳动合同法) art. 47 ¶2).`,
      ),
    );
  }
  if (ground === 'expiry') {
    warnings.push(
      warning(
        'expiry_renewal_assumption',
        'info',
        '期满终止：假定用人单位未以维持或者提高劳动合同约定条件续订劳动合同而劳动者拒绝（否则无经济补偿，第四十六条第五项）。',
        'Expiry: assumes the worker did not refuse renewal on the same or better terms (otherwise no compensation, Labor Contract Law (劳动合同法) art. 46 (5)).',
      ),
    );
  }

  if (segments.length === 0) return { items: [], warnings };
  const multiplier = unlawful ? rat(2) : rat(1);
  const exact = mul(
    multiplier,
    segments.reduce((acc, s) => add(acc, segmentAmount(s)), ZERO),
  );
  const amountFen = roundHalfUpToFen(max(exact, ZERO));
  const totalMonths = segments.reduce((acc, s) => add(acc, s.months), ZERO);

  const lines: Text[] = [];
  if (base.floorApplied && input.minimumWageFen !== null) {
    lines.push(
      text(
        `月平均工资 ${yuan(input.wage).zh} 低于最低工资，按 ${yuan(input.minimumWageFen).zh} 计`,
        `average wage ${yuan(input.wage).en} is below the minimum wage; ${yuan(input.minimumWageFen).en} is used`,
      ),
    );
  }
  if (base.highWage) {
    lines.push(
      text(
        `月平均工资 ${yuan(input.wage).zh} 高于社平工资三倍，按 ${yuan(base.lclBase).zh} 计，年限以 12 年为限`,
        `average wage ${yuan(input.wage).en} exceeds 3× the local average; ${yuan(base.lclBase).en} is used, at most 12 years`,
      ),
    );
  }
  const segTexts = segments.map((s) => segmentText(s, segments.length > 1 || s.period !== 'whole'));
  lines.push(...segTexts);
  const amount = yuan(amountFen);
  if (unlawful) {
    const single = segments[0];
    const m = monthsText(totalMonths);
    lines.push(
      text(
        `赔偿金 = 2 × ${m.zh} × ${yuan(single ? single.base : ZERO).zh} = ${amount.zh}`,
        `compensation = 2 × ${m.en} × ${yuan(single ? single.base : ZERO).en} = ${amount.en}`,
      ),
    );
  } else if (segments.length > 1) {
    lines.push(text(`合计 ${amount.zh}`, `total ${amount.en}`));
  } else if (segments.length === 1 && !(segments[0]!.base.d === 1n)) {
    lines.push(text(`四舍五入至分：${amount.zh}`, `rounded to the fen: ${amount.en}`));
  }

  const basis: string[] = unlawful
    ? [
        '劳动合同法第四十八条',
        '劳动合同法第八十七条',
        '劳动合同法第四十七条',
        '劳动合同法实施条例第二十五条',
        '劳动合同法实施条例第二十七条',
      ]
    : [ART46_ITEM[ground]!, '劳动合同法第四十七条', '劳动合同法实施条例第二十七条'];
  if (!unlawful && compareDates(hireDate, LCL_EFFECTIVE) < 0) {
    basis.push('劳动合同法第九十七条');
    const old = RULES_1994_ARTICLE[ground];
    if (old && segments.some((s) => s.period === 'before_2008')) {
      basis.push(old);
      if (ground === 'art38') basis.push(SPC_2001_ART15);
    }
  }

  const capApplied = base.highWage;
  return {
    items: [
      {
        code: unlawful ? 'unlawful_termination_compensation' : 'economic_compensation',
        amountFen,
        basis,
        explanation: join(lines),
        detail: {
          months: num(totalMonths),
          baseFen: roundedBase(base.lclBase),
          wageFen: roundedBase(input.wage),
          capApplied,
          floorApplied: base.floorApplied,
          multiplier: num(multiplier),
          from: hireDate,
          to: endDate,
          segments: segments.map((s) => ({
            period: s.period,
            from: s.from,
            to: s.to,
            months: num(s.months),
            baseFen: roundedBase(s.base),
          })),
        },
      },
    ],
    warnings,
  };
}
