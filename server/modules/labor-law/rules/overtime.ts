/**
 * Overtime pay 加班费 (劳动法第四十四条; 劳社部发〔2008〕3号).
 *
 * Hourly wage = monthly wage ÷ (21.75 × 8) = monthly ÷ 174. The amount owed is
 * the whole overtime pay for hours not yet paid and not compensated by time
 * off: 150% on workdays, 200% on rest days, 300% on statutory holidays.
 * Hours are exact decimals (up to two places).
 */
import { num, percent, text, yuan } from './explain.js';
import { cmp, decimalToRational, div, mul, rat, roundHalfUpToFen, type Rational } from './money.js';
import type { LaborLawItemCode } from '../../../../contracts/labor-law.js';
import { warning, type EngineItem, type EngineWarning, type RuleResult } from './types.js';

/** 月计薪天数 21.75 × 8 hours */
export const MONTHLY_PAID_HOURS: Rational = rat(174n);

export interface OvertimeInput {
  wageBaseFen: number;
  workdayHours: number;
  restDayHours: number;
  holidayHours: number;
}

const KINDS: ReadonlyArray<{
  code: LaborLawItemCode;
  key: 'workdayHours' | 'restDayHours' | 'holidayHours';
  multiplier: Rational;
  basis: string;
  zh: string;
  en: string;
}> = [
  {
    code: 'overtime_workday',
    key: 'workdayHours',
    multiplier: rat(3n, 2n),
    basis: '劳动法第四十四条第一项',
    zh: '工作日延长工作时间',
    en: 'workday overtime',
  },
  {
    code: 'overtime_rest_day',
    key: 'restDayHours',
    multiplier: rat(2n),
    basis: '劳动法第四十四条第二项',
    zh: '休息日工作且未补休',
    en: 'rest-day work without time off in lieu',
  },
  {
    code: 'overtime_holiday',
    key: 'holidayHours',
    multiplier: rat(3n),
    basis: '劳动法第四十四条第三项',
    zh: '法定休假日工作',
    en: 'statutory-holiday work',
  },
];

/** Exact overtime pay in fen for `hours` at `multiplier` on a monthly base. */
export function overtimeExact(wageBaseFen: number, hours: Rational, multiplier: Rational): Rational {
  return mul(mul(div(rat(wageBaseFen), MONTHLY_PAID_HOURS), hours), multiplier);
}

export function overtime(input: OvertimeInput, minimumWageFen: number | null): RuleResult {
  const items: EngineItem[] = [];
  const warnings: EngineWarning[] = [];
  const base = rat(input.wageBaseFen);
  const hourly = div(base, MONTHLY_PAID_HOURS);
  if (minimumWageFen === null) {
    warnings.push(
      warning(
        'minimum_wage_missing',
        'warning',
        '缺少当地最低工资标准：未核对加班费计算基数是否低于最低工资。',
        'Local minimum wage missing: the overtime base was not checked against it.',
      ),
    );
  } else if (cmp(base, rat(minimumWageFen)) < 0) {
    warnings.push(
      warning(
        'overtime_base_below_minimum',
        'warning',
        `加班费计算基数 ${yuan(base).zh} 低于当地最低工资 ${yuan(minimumWageFen).zh}，请核实；多地规定加班工资基数不得低于最低工资标准。`,
        `The overtime base ${yuan(base).en} is below the local minimum wage ${yuan(minimumWageFen).en}; please check — many localities require the base to be at least the minimum wage.`,
      ),
    );
  }
  for (const k of KINDS) {
    const hours = decimalToRational(input[k.key], 2);
    if (hours.n === 0n) continue;
    const amountFen = roundHalfUpToFen(overtimeExact(input.wageBaseFen, hours, k.multiplier));
    const h = num(hours);
    const b = yuan(base);
    const a = yuan(amountFen);
    const p = percent(k.multiplier);
    items.push({
      code: k.code,
      amountFen,
      basis: [k.basis, '劳社部发〔2008〕3号'],
      explanation: text(
        `${k.zh}：${h} 小时 × ${b.zh} ÷ 21.75 天 ÷ 8 小时 × ${p} = ${a.zh}（小时工资 ${yuan(hourly).zh}）`,
        `${k.en}: ${h} h × ${b.en} ÷ 21.75 days ÷ 8 h × ${p} = ${a.en} (hourly wage ${yuan(hourly).en})`,
      ),
      detail: { baseFen: input.wageBaseFen, hours: h, multiplier: num(k.multiplier) },
    });
  }
  return { items, warnings };
}
