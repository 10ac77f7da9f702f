/**
 * From a GB/T 4754-2017 industry code (国民经济行业分类) to the size-class category of
 * 工信部联企业〔2011〕300号《中小企业划型标准规定》.
 *
 * A code is a door letter (门类, A–T), optionally followed by the 2-digit division (大类), the
 * 3-digit group (中类) and the 4-digit class (小类): "F", "F52", "K701", "C3911". The digits alone
 * ("5211") are read too: the division tells the door.
 *
 * 300号第三条 names the industries by their GB/T 4754 names; the mapping below follows it:
 * - 工业 = 采矿业 (B), 制造业 (C), 电力、热力、燃气及水生产和供应业 (D).
 * - F is two categories: 51 批发业, 52 零售业.
 * - G: 交通运输业 "不含铁路运输业" = 54–58 and 591 装卸搬运 (GB/T 4754-2017 moved 装卸搬运 into
 *   division 59); 仓储业 = the rest of 59; 邮政业 = 60. Railways (53) are outside the list and are
 *   classified by analogy (第六条: "本规定以外的行业，参照本规定进行划型") with transport.
 * - H: 61 住宿业, 62 餐饮业. I: 信息传输业 "包括电信、互联网和相关服务" = 63, 64;
 *   软件和信息技术服务业 = 65.
 * - K (division 70 only): 701 房地产开发经营, 702 物业管理; the other groups (中介服务,
 *   租赁经营, 其他房地产业) count as 其他未列明行业.
 * - L: 租赁和商务服务业.
 * - 其他未列明行业 "包括科学研究和技术服务业，水利、环境和公共设施管理业，居民服务、修理和其他服务业，
 *   社会工作，文化、体育和娱乐业等" = M, N, O, 85 社会工作, R; 教育 (P) and 卫生 (84) by analogy.
 * - Not covered: 金融业 J (its own standard, 银发〔2015〕309号《金融业企业划型标准规定》), 公共管理、
 *   社会保障和社会组织 S and 国际组织 T (not enterprises). Such a code gets no category.
 *
 * When the code stops above the level that decides the category (F without its division, K
 * without its group), every category the code could stand for is a candidate; size-class.ts
 * decides what to do with several.
 */
import type { SizeCategory } from '../../../../contracts/fee-refunds/codes.js';

export interface IndustryCode {
  /** 门类 A–T */
  section: string;
  /** 大类, 2 digits */
  division: string | null;
  /** 中类, 3 digits (starting with the division) */
  group: string | null;
  /** 小类, 4 digits (starting with the group) */
  industryClass: string | null;
}

/** GB/T 4754-2017: the divisions of each door. */
const SECTION_DIVISIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

/** The door of each two-digit division (01–97), looked up rather than searched: a run classifies every enterprise. */
const SECTION_BY_DIVISION: readonly (string | null)[] = Array.from(
  { length: 100 },
  (_, division) =>
    Object.entries(SECTION_DIVISIONS).find(([, [from, to]]) => division >= from && division <= to)?.[0] ?? null,
);

function sectionOfDivision(division: number): string | null {
  return SECTION_BY_DIVISION[division] ?? null;
}

const CODE_RE = /^([A-T])?(\d{2})?(\d)?(\d)?$/;

/** Read an industry code; null when it is not one (an unknown door, a division outside its door). */
export function parseIndustryCode(raw: string): IndustryCode | null {
  const text = raw.trim().toUpperCase();
  const m = CODE_RE.exec(text);
  if (!m || text === '') return null;
  const [, letter, div, g, c] = m;
  if (div === undefined && (g !== undefined || c !== undefined)) return null;
  const division = div ?? null;
  const derived = division === null ? null : sectionOfDivision(Number(division));
  if (division !== null && derived === null) return null;
  const section = letter ?? derived;
  if (section === null || section === undefined) return null;
  if (letter !== undefined && derived !== null && derived !== letter) return null;
  const group = division !== null && g !== undefined ? division + g : null;
  const industryClass = group !== null && c !== undefined ? group + c : null;
  return { section, division, group, industryClass };
}

/**
 * One mapping rule: a door, optionally narrowed to divisions and then groups. A more specific rule
 * wins over a less specific one that also matches.
 */
export interface IndustryRule {
  section: string;
  divisions?: readonly string[];
  groups?: readonly string[];
  /** null: not covered by the size standard */
  category: SizeCategory | null;
  /** classified by analogy (300号第六条), not named by 第三条 */
  byAnalogy?: boolean;
}

function divisionsFrom(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
}

export const INDUSTRY_RULES_2011: readonly IndustryRule[] = [
  { section: 'A', category: 'agriculture' },
  { section: 'B', category: 'industry' },
  { section: 'C', category: 'industry' },
  { section: 'D', category: 'industry' },
  { section: 'E', category: 'construction' },
  { section: 'F', divisions: ['51'], category: 'wholesale' },
  { section: 'F', divisions: ['52'], category: 'retail' },
  { section: 'G', divisions: ['53'], category: 'transport', byAnalogy: true },
  { section: 'G', divisions: divisionsFrom(54, 58), category: 'transport' },
  { section: 'G', divisions: ['59'], category: 'warehousing' },
  { section: 'G', divisions: ['59'], groups: ['591'], category: 'transport' },
  { section: 'G', divisions: ['60'], category: 'postal' },
  { section: 'H', divisions: ['61'], category: 'accommodation' },
  { section: 'H', divisions: ['62'], category: 'catering' },
  { section: 'I', divisions: ['63', '64'], category: 'information_transmission' },
  { section: 'I', divisions: ['65'], category: 'software_it' },
  { section: 'J', category: null },
  { section: 'K', category: 'other' },
  { section: 'K', divisions: ['70'], groups: ['701'], category: 'real_estate_development' },
  { section: 'K', divisions: ['70'], groups: ['702'], category: 'property_management' },
  { section: 'L', category: 'leasing_business' },
  { section: 'M', category: 'other' },
  { section: 'N', category: 'other' },
  { section: 'O', category: 'other' },
  { section: 'P', category: 'other', byAnalogy: true },
  { section: 'Q', divisions: ['84'], category: 'other', byAnalogy: true },
  { section: 'Q', divisions: ['85'], category: 'other' },
  { section: 'R', category: 'other' },
  { section: 'S', category: null },
  { section: 'T', category: null },
];

function specificity(rule: IndustryRule): number {
  return (rule.divisions ? 1 : 0) + (rule.groups ? 1 : 0);
}

function fieldMatches(ruleValues: readonly string[] | undefined, value: string | null): boolean {
  return ruleValues === undefined || (value !== null && ruleValues.includes(value));
}

/** The rule could apply once the code's missing digits are known. */
function fieldCompatible(ruleValues: readonly string[] | undefined, value: string | null): boolean {
  return ruleValues === undefined || value === null || ruleValues.includes(value);
}

/**
 * The rules a code may fall under: the most specific rule it matches, and every more specific
 * rule its missing digits could still select. One rule means the category is certain.
 */
export function industryRulesFor(
  code: IndustryCode,
  rules: readonly IndustryRule[] = INDUSTRY_RULES_2011,
): IndustryRule[] {
  const inSection = rules.filter((r) => r.section === code.section);
  const matching = inSection
    .filter((r) => fieldMatches(r.divisions, code.division) && fieldMatches(r.groups, code.group))
    .sort((a, b) => specificity(b) - specificity(a));
  const best = matching[0];
  const floor = best === undefined ? -1 : specificity(best);
  const open = inSection.filter(
    (r) =>
      r !== best &&
      specificity(r) > floor &&
      fieldCompatible(r.divisions, code.division) &&
      fieldCompatible(r.groups, code.group),
  );
  return best === undefined ? open : [best, ...open];
}
