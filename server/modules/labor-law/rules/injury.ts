/**
 * One-off disability subsidy 一次性伤残补助金 (工伤保险条例第三十五条至第三十七条,
 * 第六十四条第二款).
 *
 * Months of the worker's own wage by disability grade 1..10:
 * 27 / 25 / 23 / 21 / 18 / 16 / 13 / 11 / 9 / 7. The worker's wage (本人工资)
 * is floored at 60% and capped at 300% of the local average monthly wage.
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
}

export function injuryLumpSum(input: InjuryInput, averageWageFen: number | null): RuleResult {
  const warnings: EngineWarning[] = [];
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
        'Local average wage missing: the injury base was not floored at 60% or capped at 300% of it (Work Injury Insurance Regulations art. 64).',
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
      'If the employer insured the worker, the work-injury insurance fund pays this subsidy; otherwise the employer pays it at the same rate (art. 62). It requires injury recognition and a disability assessment first.',
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
        `本人工资 ${yuan(wage).zh} 低于社平工资 60%，按 ${yuan(base).zh} 计；`,
        `own wage ${yuan(wage).en} is below 60% of the average wage; ${yuan(base).en} is used; `,
      )
    : capApplied
      ? text(
          `本人工资 ${yuan(wage).zh} 高于社平工资 300%，按 ${yuan(base).zh} 计；`,
          `own wage ${yuan(wage).en} exceeds 300% of the average wage; ${yuan(base).en} is used; `,
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
