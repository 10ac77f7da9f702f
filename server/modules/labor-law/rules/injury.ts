/**
 * One-off disability subsidy 一次性伤残补助金 (工伤保险条例第三十五条至第三十七条,
 * 第六十四条第二款).
 *
 * Months of the worker's own wage by disability grade 1..10:
 * 27 / 25 / 23 / 21 / 18 / 16 / 13 / 11 / 9 / 7. The worker's wage (本人工资)
 * is floored at 60% and capped at 300% of the average monthly wage of the work-injury insurance
 * pooling area (第六十四条第二款: "本人工资高于统筹地区职工平均工资300%的，按照统筹地区职工平均工资的
 * 300%计算；本人工资低于统筹地区职工平均工资60%的，按照统筹地区职工平均工资的60%计算") — the figure
 * the pooling area publishes for work-injury benefits, which is not necessarily the average wage
 * used for severance (劳动合同法第四十七条). Without it, the severance figure stands in, with a
 * warning; without either, there is no floor or cap.
 */
import { months as monthsText, text, yuan } from './explain.js';
import { cmp, mul, rat, roundHalfUpToFen, type Rational } from './money.js';
import { warning, type EngineWarning, type RuleResult } from './types.js';

export const INJURY_MONTHS: Readonly<Record<number, number>> = {
  1: 27,
  2: 25,
  3: 23,
  4: 21,
  5: 18,
  6: 16,
  7: 13,
  8: 11,
  9: 9,
  10: 7,
};

function articleFor(grade: number): string {
  if (grade <= 4) return '工伤保险条例第三十五条';
  if (grade <= 6) return '工伤保险条例第三十六条';
  return '工伤保险条例第三十七条';
}

export interface InjuryInput {
  grade: number;
  monthlyWageFen: number;
  /** override of the pooling area's figure */
  poolingAverageWageFen?: number | undefined;
}

export interface InjuryAverageWages {
  /** 统筹地区职工月平均工资 for the injury (the region's figure of that kind), fen */
  poolingAverageWageFen: number | null;
  /** the local average wage used for severance, standing in when the pooling figure is missing */
  averageWageFen: number | null;
  /** the region's name, to say whose figure it is */
  regionName?: string | undefined;
}

export function injuryLumpSum(input: InjuryInput, figures: InjuryAverageWages): RuleResult {
  const warnings: EngineWarning[] = [];
  const pooling = input.poolingAverageWageFen ?? figures.poolingAverageWageFen;
  const averageWageFen = pooling ?? figures.averageWageFen;
  const where = figures.regionName ? `（${figures.regionName}）` : '';
  const whereEn = figures.regionName ? ` (${figures.regionName})` : '';
  const figureName =
    pooling !== null
      ? text(`统筹地区职工月平均工资${where}`, `the pooling area’s average monthly wage${whereEn}`)
      : text(`本地区上年度职工月平均工资${where}`, `the local previous-year average monthly wage${whereEn}`);
  if (pooling === null && averageWageFen !== null) {
    warnings.push(
      warning(
        'injury_pooling_wage_missing',
        'warning',
        `未设置工伤保险统筹地区职工月平均工资：暂以本地区上年度职工月平均工资 ${yuan(averageWageFen).zh} 作为 60% 保底、300% 封顶的基数。工伤保险条例第六十四条以统筹地区职工平均工资为准，两者不同的，请在“地方标准”中补充。`,
        `The work-injury pooling area’s average wage is not set: the local average wage ${yuan(averageWageFen).en} stands in for the 60% floor and 300% cap. Regulations on Work-Related Injury Insurance (工伤保险条例) art. 64 uses the pooling area’s average wage; add it under local figures if it differs.`,
      ),
    );
  }
  const months = INJURY_MONTHS[input.grade];
  if (months === undefined) throw new RangeError(`invalid disability grade ${input.grade}`);
  const wage = rat(input.monthlyWageFen);
  let base: Rational = wage;
  let floorApplied = false;
  let capApplied = false;
  if (averageWageFen === null) {
    warnings.push(
      warning(
        'average_wage_missing',
        'warning',
        '缺少统筹地区职工月平均工资：一次性伤残补助金未按 60% 保底、300% 封顶调整（工伤保险条例第六十四条）。',
        'The pooling area’s average wage is missing: the injury base was not floored at 60% or capped at 300% of it (Regulations on Work-Related Injury Insurance (工伤保险条例) art. 64).',
      ),
    );
  } else {
    const floor = rat(BigInt(averageWageFen) * 3n, 5n);
    const cap = rat(BigInt(averageWageFen) * 3n);
    if (cmp(wage, floor) < 0) {
      base = floor;
      floorApplied = true;
    } else if (cmp(wage, cap) > 0) {
      base = cap;
      capApplied = true;
    }
  }
  warnings.push(
    warning(
      'injury_fund_pays',
      'info',
      '已参加工伤保险的，一次性伤残补助金由工伤保险基金支付；未参保的由用人单位按同一标准支付（工伤保险条例第六十二条）。须先经工伤认定和劳动能力鉴定。',
      'If the employer insured the worker, the work-injury insurance fund pays this subsidy; otherwise the employer pays it at the same rate (Regulations on Work-Related Injury Insurance (工伤保险条例) art. 62). It requires injury recognition and a disability assessment first.',
    ),
  );
  warnings.push(
    warning(
      'injury_other_benefits',
      'info',
      input.grade <= 4
        ? '一至四级伤残另有按月伤残津贴等待遇，本计算未包括。'
        : '五至十级伤残在劳动关系解除或终止时另有一次性工伤医疗补助金和伤残就业补助金（标准由省级政府规定），本计算未包括。',
      input.grade <= 4
        ? 'Grades 1–4 also receive a monthly disability allowance and other benefits, not computed here.'
        : 'Grades 5–10 also receive one-off medical and employment subsidies when the employment ends (set by each province), not computed here.',
    ),
  );
  const exact = mul(rat(months), base);
  const amountFen = roundHalfUpToFen(exact);
  const m = monthsText(rat(months));
  const baseNote = floorApplied
    ? text(
        `本人工资 ${yuan(wage).zh} 低于${figureName.zh} ${yuan(averageWageFen ?? 0).zh} 的 60%，按 ${yuan(base).zh} 计；`,
        `own wage ${yuan(wage).en} is below 60% of ${figureName.en}, ${yuan(averageWageFen ?? 0).en}; ${yuan(base).en} is used; `,
      )
    : capApplied
      ? text(
          `本人工资 ${yuan(wage).zh} 高于${figureName.zh} ${yuan(averageWageFen ?? 0).zh} 的 300%，按 ${yuan(base).zh} 计；`,
          `own wage ${yuan(wage).en} exceeds 300% of ${figureName.en}, ${yuan(averageWageFen ?? 0).en}; ${yuan(base).en} is used; `,
        )
      : averageWageFen !== null
        ? text(
            `本人工资 ${yuan(wage).zh} 在${figureName.zh} ${yuan(averageWageFen).zh} 的 60% 至 300% 之间，按本人工资计；`,
            `own wage ${yuan(wage).en} is within 60%–300% of ${figureName.en}, ${yuan(averageWageFen).en}; `,
          )
        : text('', '');
  return {
    items: [
      {
        code: 'injury_lump_sum',
        amountFen,
        basis: [articleFor(input.grade), '工伤保险条例第六十四条'],
        explanation: text(
          `${input.grade} 级伤残，一次性伤残补助金 ${months} 个月本人工资：${baseNote.zh}${m.zh} × ${yuan(base).zh} = ${yuan(amountFen).zh}`,
          `Disability grade ${input.grade}, one-off disability subsidy of ${months} months' wages: ${baseNote.en}${m.en} × ${yuan(base).en} = ${yuan(amountFen).en}`,
        ),
        detail: {
          months: String(months),
          baseFen: roundHalfUpToFen(base),
          wageFen: input.monthlyWageFen,
          floorApplied,
          capApplied,
        },
      },
    ],
    warnings,
  };
}
