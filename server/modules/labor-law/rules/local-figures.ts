/**
 * The local figures behind a result (minimum wage, previous-year average wage, the work-injury
 * pooling area's average wage). A figure the table could hold is never silently absent: when none
 * is in force on the date, the rule's "missing" warning says which figure, where and on which day;
 * when the one in force is so old that a newer one has probably been published, a warning says so.
 */
import type { LaborLawWarningCode } from '../../../../contracts/labor-law.js';
import type { LaborParamKind } from '../../../../contracts/labor-law/param-kinds.js';
import { addMonths, compareDates } from './dates.js';
import { text, yuan, type Text } from './explain.js';
import { warning, type EngineWarning } from './types.js';

/** A row of the local figures table in force on the lookup date. */
export interface FigureInForce {
  kind: LaborParamKind;
  /** the region whose figure it is: the case's region, its city or its province */
  regionCode: string;
  amountFen: number;
  effectiveFrom: string;
  source: string;
}

/** What the caller looked up in the table: the date, and the rows in force on it (none of a kind: missing). */
export interface FigureLookup {
  onDate: string;
  found: FigureInForce[];
}

const NAMES: Record<LaborParamKind, Text> = {
  minimum_wage_monthly: text('月最低工资标准', 'monthly minimum wage'),
  average_wage_monthly: text('上年度职工月平均工资', 'previous-year average monthly wage'),
  injury_pooling_wage_monthly: text(
    '工伤保险统筹地区职工月平均工资',
    'work-injury pooling area’s average monthly wage',
  ),
};

const MISSING: Record<LaborParamKind, LaborLawWarningCode> = {
  minimum_wage_monthly: 'minimum_wage_missing',
  average_wage_monthly: 'average_wage_missing',
  injury_pooling_wage_monthly: 'injury_pooling_wage_missing',
};

/**
 * How old a figure may be before a newer one has probably been published. Average wages are
 * published every year around mid-year (a few months' slack for late publication); minimum wages
 * are adjusted at least every two to three years (最低工资规定第十条; 人社部发〔2015〕114号).
 */
const FRESH: Record<LaborParamKind, { months: number; code: LaborLawWarningCode; severity: 'info' | 'warning' }> = {
  minimum_wage_monthly: { months: 36, code: 'minimum_wage_outdated', severity: 'info' },
  average_wage_monthly: { months: 15, code: 'average_wage_outdated', severity: 'warning' },
  injury_pooling_wage_monthly: { months: 15, code: 'injury_pooling_wage_outdated', severity: 'warning' },
};

/** The figure of `kind` in force on `onDate`, or null: the latest row from that date or before. */
export function figureInForce<T extends { kind: LaborParamKind; effectiveFrom: string }>(
  rows: readonly T[],
  kind: LaborParamKind,
  onDate: string,
): T | null {
  let best: T | null = null;
  for (const row of rows) {
    if (row.kind !== kind || compareDates(row.effectiveFrom, onDate) > 0) continue;
    if (!best || compareDates(row.effectiveFrom, best.effectiveFrom) > 0) best = row;
  }
  return best;
}

/**
 * The rules' warnings with the missing figures named (region and date), plus a warning for each
 * used figure that looks out of date. `used`: the kinds the result depends on and took from the
 * table (not given in the request).
 */
export function withFigureNotes(
  warnings: EngineWarning[],
  lookup: FigureLookup,
  used: ReadonlySet<LaborParamKind>,
  regionName: string | undefined,
): EngineWarning[] {
  const where = regionName ?? '';
  const noted = warnings.map((w) => {
    const kind = (Object.keys(MISSING) as LaborParamKind[]).find((k) => MISSING[k] === w.code);
    if (!kind || lookup.found.some((f) => f.kind === kind)) return w;
    const name = NAMES[kind];
    return {
      ...w,
      text: text(
        `${w.text.zh}（地方标准中没有${where}在 ${lookup.onDate} 有效的${name.zh}，请在“地方标准”中补充后重新计算。）`,
        `${w.text.en} (The local figures hold no ${name.en} in force${where ? ` in ${where}` : ''} on ${lookup.onDate}; add it under local figures and calculate again.)`,
      ),
    };
  });
  for (const figure of lookup.found) {
    if (!used.has(figure.kind)) continue;
    const fresh = FRESH[figure.kind];
    if (compareDates(figure.effectiveFrom, addMonths(lookup.onDate, -fresh.months)) >= 0) continue;
    const name = NAMES[figure.kind];
    const amount = yuan(figure.amountFen);
    noted.push(
      warning(
        fresh.code,
        fresh.severity,
        `在用的${name.zh}为 ${amount.zh}（${figure.effectiveFrom} 起，${figure.source}），至 ${lookup.onDate} 已逾 ${fresh.months} 个月：如已公布新标准，请在“地方标准”中补充后重新计算。`,
        `The ${name.en} used is ${amount.en} (from ${figure.effectiveFrom}, ${figure.source}), more than ${fresh.months} months before ${lookup.onDate}: if a newer figure has been published, add it under local figures and calculate again.`,
      ),
    );
  }
  return noted;
}
