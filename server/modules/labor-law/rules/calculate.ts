/**
 * The labor-law engine: what a worker is owed, each figure naming its statute.
 * Pure: no I/O, no clock (the calculation date is injected as `asOf`; only the
 * default falls back to today's date in China).
 */
import {
  laborLawItemCodes,
  type LaborLawRequest,
  type LaborLawResponse,
  type LaborLawWarning,
} from '../../../../contracts/labor-law.js';
import { todayInChina } from './dates.js';
import { economicCompensation, COMPENSABLE_GROUNDS } from './economic-compensation.js';
import { doubleWage } from './double-wage.js';
import { overtime } from './overtime.js';
import { annualLeave } from './annual-leave.js';
import { injuryLumpSum } from './injury.js';
import { noticePay } from './notice-pay.js';
import { unpaidWages } from './unpaid-wages.js';
import { limitationWarnings, type RestDayCalendar } from './limitation.js';
import { createCalendar } from '../../disputes/rules/working-days.js';
import { wageFigures } from './wage.js';
import { pick, type Lang } from './explain.js';
import { roundHalfUpToFen } from './money.js';
import { warning, type EngineItem, type EngineWarning } from './types.js';
import { withFigureNotes, type FigureInForce, type FigureLookup } from './local-figures.js';
import type { LaborParamKind } from '../../../../contracts/labor-law/param-kinds.js';

export type { Lang } from './explain.js';

/** Local parameters for (regionCode, endDate), looked up by the caller. */
export interface LocalParams {
  /** local monthly minimum wage, fen */
  minimumWageFen: number | null;
  /** local previous-year average monthly wage, fen (劳动合同法第四十七条) */
  averageWageFen: number | null;
  /** the work-injury pooling area's average monthly wage, fen (工伤保险条例第六十四条); may be absent */
  injuryPoolingWageFen?: number | null;
  regionName?: string;
  /**
   * The table lookup the amounts came from (the service passes it): a missing figure's warning
   * then names the region and date, an old one gets a warning, and the answer lists the figures.
   */
  lookup?: FigureLookup;
}

export interface CalculateOptions {
  /** calculation date "YYYY-MM-DD"; default: today in China */
  asOf?: string;
  /**
   * Working days for the last day of a limitation period (民法典第二百零三条); default: the
   * official holiday arrangements with no local corrections. The service passes the platform's.
   */
  calendar?: RestDayCalendar;
}

const DEFAULT_CALENDAR = createCalendar([]);

/** Bilingual engine output before it is rendered in one language. */
export interface EngineResult {
  items: EngineItem[];
  warnings: EngineWarning[];
  totalFen: number;
  asOf: string;
  minimumWageFen: number | null;
  averageWageFen: number | null;
  /** average monthly wage used, fen, rounded for display */
  monthlyWageFen: number;
  figuresOn: string | null;
  figures: FigureInForce[];
}

/** Lower-level API: all rules, bilingual texts, no language choice. */
export function calculateEngine(
  input: LaborLawRequest,
  params: LocalParams,
  options: CalculateOptions = {},
): EngineResult {
  const asOf = options.asOf ?? todayInChina();
  const minimumWageFen = input.minimumWageFen ?? params.minimumWageFen;
  const averageWageFen = input.averageWageFen ?? params.averageWageFen;
  const items: EngineItem[] = [];
  const warnings: EngineWarning[] = [];
  const take = (r: { items: EngineItem[]; warnings: EngineWarning[] }): void => {
    items.push(...r.items);
    warnings.push(...r.warnings);
  };

  // The kinds of local figure the result depends on, where the table (not the request) gave them.
  const used = new Set<LaborParamKind>();
  const fromTable = (kind: LaborParamKind, given: unknown): void => {
    if (given === undefined || given === null) used.add(kind);
  };

  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  const wage = wageFigures(input, { hireDate: input.hireDate, lastDay: input.endDate ?? asOf });
  warnings.push(...wage.warnings);

  // ---- termination: economic compensation / unlawful termination / notice pay
  const ground = input.termination;
  if (ground === null) {
    if (input.endDate === null) {
      warnings.push(
        warning('still_employed', 'info', '劳动关系仍存续：未计算经济补偿。', 'Still employed: no severance computed.'),
      );
    } else {
      warnings.push(
        warning(
          'termination_ground_missing',
          'warning',
          '已填写离职日期但未选择离职原因：未计算经济补偿或赔偿金。',
          'An end date was given without a termination ground: no severance computed.',
        ),
      );
    }
  } else if (input.endDate !== null) {
    if (ground === 'unlawful' || COMPENSABLE_GROUNDS.includes(ground)) {
      fromTable('minimum_wage_monthly', input.minimumWageFen);
      fromTable('average_wage_monthly', input.averageWageFen);
      take(
        economicCompensation({
          hireDate: input.hireDate,
          endDate: input.endDate,
          ground,
          art38Reason: input.art38Reason,
          wage: wage.average,
          minimumWageFen,
          averageWageFen,
        }),
      );
    } else {
      warnings.push(
        warning(
          'no_compensation_for_ground',
          'info',
          ground === 'resignation'
            ? '劳动者主动辞职（劳动合同法第三十七条）不属于第四十六条规定的情形，无经济补偿。'
            : '由劳动者提出、双方协商一致解除劳动合同的，不属于第四十六条第二项的情形，无经济补偿。',
          ground === 'resignation'
            ? 'A worker’s own resignation (Labor Contract Law (劳动合同法) art. 37) is not a ground under art. 46: no economic compensation.'
            : 'Mutual termination proposed by the worker is not covered by Labor Contract Law (劳动合同法) art. 46 (2): no economic compensation.',
        ),
      );
    }
  }
  if (input.noNoticeGiven === true) {
    if (ground === 'art40' && input.endDate !== null) {
      take(noticePay(wage.previousMonth, wage.hasHistory));
    } else {
      warnings.push(
        warning(
          'notice_pay_not_applicable',
          'info',
          '代通知金仅适用于依劳动合同法第四十条解除劳动合同的情形，未计算。',
          'Pay in lieu of notice applies only to dismissals under Labor Contract Law (劳动合同法) art. 40; not computed.',
        ),
      );
    }
  }

  // ---- no written contract
  if (input.contractSignedDate !== undefined) {
    take(
      doubleWage({
        hireDate: input.hireDate,
        endDate: input.endDate,
        contractSignedDate: input.contractSignedDate,
        wageOfMonth: wage.recordedWage,
        averageWage: wage.average,
        hasHistory: wage.hasHistory,
        asOf,
        calendar,
      }),
    );
  }

  if (input.unpaidWages) take(unpaidWages(input.unpaidWages, asOf));

  if (input.overtime) {
    fromTable('minimum_wage_monthly', input.minimumWageFen);
    take(overtime(input.overtime, minimumWageFen));
  }

  if (input.annualLeave) {
    take(
      annualLeave({
        ...input.annualLeave,
        hireDate: input.hireDate,
        endDate: input.endDate,
        monthlyWage: wage.average,
        asOf,
      }),
    );
  }

  if (input.injury) {
    fromTable('injury_pooling_wage_monthly', input.injury.poolingAverageWageFen);
    if (input.injury.poolingAverageWageFen === undefined && (params.injuryPoolingWageFen ?? null) === null)
      fromTable('average_wage_monthly', input.averageWageFen);
    take(
      injuryLumpSum(input.injury, {
        poolingAverageWageFen: params.injuryPoolingWageFen ?? null,
        averageWageFen,
        regionName: params.regionName,
      }),
    );
  }

  warnings.push(...limitationWarnings(input.endDate, asOf, calendar));

  const order = (c: EngineItem['code']): number => laborLawItemCodes.indexOf(c);
  items.sort((a, b) => order(a.code) - order(b.code));
  const seen = new Set<string>();
  const noted = params.lookup ? withFigureNotes(warnings, params.lookup, used, params.regionName) : warnings;
  const uniqueWarnings = noted.filter((w) => {
    const key = `${w.code}|${w.text.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const total = items.reduce((acc, it) => acc + BigInt(it.amountFen), 0n);
  return {
    items,
    warnings: uniqueWarnings,
    totalFen: Number(total),
    asOf,
    minimumWageFen,
    averageWageFen,
    monthlyWageFen: roundHalfUpToFen(wage.average),
    figuresOn: params.lookup?.onDate ?? null,
    figures: params.lookup?.found ?? [],
  };
}

/**
 * Public API. `explanation` and `message` are in `lang` (Chinese by default);
 * `explanationEn` and `messageEn` are always English.
 */
export function calculate(
  input: LaborLawRequest,
  params: LocalParams,
  lang: Lang = 'zh',
  options: CalculateOptions = {},
): LaborLawResponse {
  const r = calculateEngine(input, params, options);
  return {
    items: r.items.map((it) => ({
      code: it.code,
      amountFen: it.amountFen,
      basis: it.basis,
      explanation: pick(it.explanation, lang),
      explanationEn: it.explanation.en,
      ...(it.detail ? { detail: it.detail } : {}),
    })),
    totalFen: r.totalFen,
    warnings: r.warnings.map((w): LaborLawWarning => ({
      code: w.code,
      severity: w.severity,
      message: pick(w.text, lang),
      messageEn: w.text.en,
    })),
    context: {
      regionCode: input.regionCode,
      regionName: params.regionName ?? null,
      asOf: r.asOf,
      minimumWageFen: r.minimumWageFen,
      averageWageFen: r.averageWageFen,
      monthlyWageFen: r.monthlyWageFen,
      ...(r.figuresOn ? { figuresOn: r.figuresOn, figures: r.figures } : {}),
    },
  };
}
