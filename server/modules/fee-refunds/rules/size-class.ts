/**
 * Enterprise size class (大型/中型/小型/微型) from the industry and the figures, by a configurable
 * table seeded with 工信部、国家统计局、国家发展改革委、财政部《中小企业划型标准规定》
 * (工信部联企业〔2011〕300号, 2011-06-18).
 *
 * The rule (第四条; 第七条: the medium class's upper limit is the large class's lower limit; the
 * statistical rendering, 国家统计局《统计上大中小微型企业划分办法（2017）》国统字〔2017〕213号, 附表注:
 * "大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列指标中的一项即可"):
 * - A class's thresholds are lower limits, reached "及以上" (the figure equal to the limit is in
 *   the class): 工业 with 20 employees and 300万元 revenue is small, with 19 or 299.99万元 micro.
 * - large, medium, small each need every listed figure at or above its limit; otherwise the next
 *   class down is tried. Whatever is not small is micro.
 * - A missing figure: when a known figure is already below the small limit the enterprise is micro
 *   whatever the missing one is; otherwise the class cannot be decided (null, note
 *   `indicator_missing`).
 *
 * Several candidate categories (the industry code stops above the digit that decides, e.g. F
 * without 51/52): the class is computed for each, and the largest of them is taken, with the note
 * `category_inferred`. Taking the largest never gives a small-and-micro refund that the real
 * category would refuse; a refund held back is paid once the division is known, a refund paid in
 * error has to be reclaimed. When one candidate cannot be decided, neither can the whole.
 */
import {
  SIZE_CATEGORY_LABELS,
  SIZE_CLASS_LABELS,
  SIZE_INDICATOR_LABELS,
  sizeClassRank,
  type FeeNote,
  type SizeCategory,
  type SizeClass,
  type SizeIndicator,
} from '../../../../contracts/fee-refunds/codes.js';
import { INDUSTRY_RULES_2011, industryRulesFor, parseIndustryCode, type IndustryRule } from './industry.js';
import { note } from './notes.js';
import { wanYuanToFen } from './money.js';

/** Lower limits of one class: employees as a head count, revenue and assets in whole 万元. */
export interface ClassLimits {
  employees?: number;
  revenueWan?: number;
  assetsWan?: number;
}

export interface CategoryStandard {
  /** where the figures come from, e.g. "第四条（二）" */
  article: string;
  large: ClassLimits;
  medium: ClassLimits;
  small: ClassLimits;
}

export interface SizeStandardTable {
  id: string;
  source: string;
  standards: Readonly<Record<SizeCategory, CategoryStandard>>;
  industryRules: readonly IndustryRule[];
}

/** 工信部联企业〔2011〕300号第四条, one row per industry; large = the "以下的为中小微型企业" limits. */
export const SIZE_STANDARDS_2011: SizeStandardTable = {
  id: 'miit-2011-300',
  source: '工信部联企业〔2011〕300号《中小企业划型标准规定》第三条、第四条、第七条',
  standards: {
    agriculture: {
      article: '第四条（一）',
      large: { revenueWan: 20000 },
      medium: { revenueWan: 500 },
      small: { revenueWan: 50 },
    },
    industry: {
      article: '第四条（二）',
      large: { employees: 1000, revenueWan: 40000 },
      medium: { employees: 300, revenueWan: 2000 },
      small: { employees: 20, revenueWan: 300 },
    },
    construction: {
      article: '第四条（三）',
      large: { revenueWan: 80000, assetsWan: 80000 },
      medium: { revenueWan: 6000, assetsWan: 5000 },
      small: { revenueWan: 300, assetsWan: 300 },
    },
    wholesale: {
      article: '第四条（四）',
      large: { employees: 200, revenueWan: 40000 },
      medium: { employees: 20, revenueWan: 5000 },
      small: { employees: 5, revenueWan: 1000 },
    },
    retail: {
      article: '第四条（五）',
      large: { employees: 300, revenueWan: 20000 },
      medium: { employees: 50, revenueWan: 500 },
      small: { employees: 10, revenueWan: 100 },
    },
    transport: {
      article: '第四条（六）',
      large: { employees: 1000, revenueWan: 30000 },
      medium: { employees: 300, revenueWan: 3000 },
      small: { employees: 20, revenueWan: 200 },
    },
    warehousing: {
      article: '第四条（七）',
      large: { employees: 200, revenueWan: 30000 },
      medium: { employees: 100, revenueWan: 1000 },
      small: { employees: 20, revenueWan: 100 },
    },
    postal: {
      article: '第四条（八）',
      large: { employees: 1000, revenueWan: 30000 },
      medium: { employees: 300, revenueWan: 2000 },
      small: { employees: 20, revenueWan: 100 },
    },
    accommodation: {
      article: '第四条（九）',
      large: { employees: 300, revenueWan: 10000 },
      medium: { employees: 100, revenueWan: 2000 },
      small: { employees: 10, revenueWan: 100 },
    },
    catering: {
      article: '第四条（十）',
      large: { employees: 300, revenueWan: 10000 },
      medium: { employees: 100, revenueWan: 2000 },
      small: { employees: 10, revenueWan: 100 },
    },
    information_transmission: {
      article: '第四条（十一）',
      large: { employees: 2000, revenueWan: 100000 },
      medium: { employees: 100, revenueWan: 1000 },
      small: { employees: 10, revenueWan: 100 },
    },
    software_it: {
      article: '第四条（十二）',
      large: { employees: 300, revenueWan: 10000 },
      medium: { employees: 100, revenueWan: 1000 },
      small: { employees: 10, revenueWan: 50 },
    },
    real_estate_development: {
      article: '第四条（十三）',
      large: { revenueWan: 200000, assetsWan: 10000 },
      medium: { revenueWan: 1000, assetsWan: 5000 },
      small: { revenueWan: 100, assetsWan: 2000 },
    },
    property_management: {
      article: '第四条（十四）',
      large: { employees: 1000, revenueWan: 5000 },
      medium: { employees: 300, revenueWan: 1000 },
      small: { employees: 100, revenueWan: 500 },
    },
    leasing_business: {
      article: '第四条（十五）',
      large: { employees: 300, assetsWan: 120000 },
      medium: { employees: 100, assetsWan: 8000 },
      small: { employees: 10, assetsWan: 100 },
    },
    other: {
      article: '第四条（十六）',
      large: { employees: 300 },
      medium: { employees: 100 },
      small: { employees: 10 },
    },
  },
  industryRules: INDUSTRY_RULES_2011,
};

/** The figures of an enterprise; null when not known. */
export interface SizeFigures {
  /** GB/T 4754 code: door letter, optionally division/group/class digits ("F", "F52", "K701") */
  industryCode: string;
  /** 从业人员, a head count */
  employees: number | null;
  /** 营业收入 in fen (parseWanYuanToFen reads the import's 万元) */
  revenueFen: number | null;
  /** 资产总额 in fen */
  assetsFen: number | null;
}

export interface CategoryClass {
  category: SizeCategory;
  sizeClass: SizeClass | null;
  missing: SizeIndicator[];
}

export interface SizeClassResult {
  /** null: could not be decided (a figure missing, an industry not covered, a bad code) */
  sizeClass: SizeClass | null;
  /** the category used; null when several were possible or none applies */
  category: SizeCategory | null;
  /** every category the code could stand for, with its class (one entry when certain) */
  candidates: CategoryClass[];
  /** true when the category was not certain and the class was inferred from the candidates */
  inferred: boolean;
  notes: FeeNote[];
}

const LIMIT_FIELDS: ReadonlyArray<[SizeIndicator, keyof ClassLimits]> = [
  ['employees', 'employees'],
  ['revenue', 'revenueWan'],
  ['assets', 'assetsWan'],
];

function figureOf(f: SizeFigures, indicator: SizeIndicator): number | null {
  return indicator === 'employees' ? f.employees : indicator === 'revenue' ? f.revenueFen : f.assetsFen;
}

/** A figure compared with a limit: employees as counted, money in fen against 万元 × 1 000 000. */
function reaches(indicator: SizeIndicator, figure: number, limit: number): boolean {
  return figure >= (indicator === 'employees' ? limit : wanYuanToFen(limit));
}

function limitsOf(limits: ClassLimits): Array<[SizeIndicator, number]> {
  const out: Array<[SizeIndicator, number]> = [];
  for (const [indicator, field] of LIMIT_FIELDS) {
    const v = limits[field];
    if (v !== undefined) out.push([indicator, v]);
  }
  return out;
}

/** The class within one category (第四条 and the rule above). */
export function classInCategory(standard: CategoryStandard, figures: SizeFigures): Omit<CategoryClass, 'category'> {
  const smallLimits = limitsOf(standard.small);
  const missing = smallLimits.map(([i]) => i).filter((i) => figureOf(figures, i) === null);
  const belowSmall = smallLimits.some(([i, limit]) => {
    const v = figureOf(figures, i);
    return v !== null && !reaches(i, v, limit);
  });
  if (belowSmall) return { sizeClass: 'micro', missing: [] };
  if (missing.length > 0) return { sizeClass: null, missing };
  for (const cls of ['large', 'medium', 'small'] as const) {
    const all = limitsOf(standard[cls]).every(([i, limit]) => reaches(i, figureOf(figures, i) as number, limit));
    if (all) return { sizeClass: cls, missing: [] };
  }
  return { sizeClass: 'micro', missing: [] };
}

function checkFigures(f: SizeFigures): void {
  for (const [name, v] of [
    ['employees', f.employees],
    ['revenueFen', f.revenueFen],
    ['assetsFen', f.assetsFen],
  ] as const) {
    if (v !== null && (!Number.isSafeInteger(v) || v < 0)) {
      throw new RangeError(`${name} must be a whole non-negative number, got ${v}`);
    }
  }
}

function categoryName(c: SizeCategory): string {
  return SIZE_CATEGORY_LABELS[c].zh;
}

/** Size class of an enterprise by `table` (default: 300号). */
export function classify(figures: SizeFigures, table: SizeStandardTable = SIZE_STANDARDS_2011): SizeClassResult {
  checkFigures(figures);
  const code = parseIndustryCode(figures.industryCode);
  if (code === null) {
    return {
      sizeClass: null,
      category: null,
      candidates: [],
      inferred: false,
      notes: [note('industry_code_invalid', { code: figures.industryCode })],
    };
  }
  const rules = industryRulesFor(code, table.industryRules);
  const categories = [...new Set(rules.map((r) => r.category))];
  if (categories.length === 0 || categories.includes(null)) {
    return {
      sizeClass: null,
      category: null,
      candidates: [],
      inferred: false,
      notes: [note('industry_not_covered', { code: figures.industryCode })],
    };
  }
  const candidates: CategoryClass[] = (categories as SizeCategory[]).map((category) => ({
    category,
    ...classInCategory(table.standards[category], figures),
  }));
  const notes: FeeNote[] = [];
  if (rules.some((r) => r.byAnalogy)) notes.push(note('category_by_analogy', { code: figures.industryCode }));
  const undecided = candidates.filter((c) => c.sizeClass === null);
  for (const c of undecided) {
    notes.push(
      note('indicator_missing', {
        category: categoryName(c.category),
        categoryEn: SIZE_CATEGORY_LABELS[c.category].en,
        indicators: c.missing.map((i) => SIZE_INDICATOR_LABELS[i].zh).join('、'),
        indicatorsEn: c.missing.map((i) => SIZE_INDICATOR_LABELS[i].en.toLowerCase()).join(', '),
      }),
    );
  }
  const decided = undecided.length === 0;
  const largest = decided
    ? candidates.map((c) => c.sizeClass as SizeClass).reduce((a, b) => (sizeClassRank(a) <= sizeClassRank(b) ? a : b))
    : null;
  const single = candidates.length === 1 ? (candidates[0] as CategoryClass) : null;
  if (single === null) {
    notes.push(
      note('category_inferred', {
        code: figures.industryCode,
        candidates: candidates
          .map((c) => `${categoryName(c.category)}：${c.sizeClass ? SIZE_CLASS_LABELS[c.sizeClass].zh : '无法判定'}`)
          .join('；'),
        candidatesEn: candidates
          .map(
            (c) =>
              `${SIZE_CATEGORY_LABELS[c.category].en}: ${c.sizeClass ? SIZE_CLASS_LABELS[c.sizeClass].en : 'undecided'}`,
          )
          .join('; '),
      }),
    );
  }
  return {
    sizeClass: largest,
    category: single?.category ?? null,
    candidates,
    inferred: single === null,
    notes,
  };
}
