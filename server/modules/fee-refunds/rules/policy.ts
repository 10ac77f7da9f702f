/**
 * Fee-refund policy versions: per region and date range, the fee rate, how a fee is shared between
 * the union levels, who qualifies for the small and micro refund, how much of each level's share
 * goes back, and where the money goes when the enterprise has no union or no union account.
 *
 * A version applies to its region and every region under it (GB/T 2260: 320000 covers 32xxxx,
 * 320500 covers 3205xx). On a given day the version of the most specific region wins, so a city
 * may override its province. Two versions of the same region must not overlap (checkPolicyVersions).
 *
 * A collection row is governed by the versions in force during its tax period (税款所属期), day by
 * day. A period inside one version is governed by it alone; a period crossing versions is shared
 * between them in proportion to calendar days (policySegments; refund.ts splits the amount to the
 * fen). A period with any day that no version covers is not computed at all: the missing version
 * must be added first, so no money is split under a rule nobody set.
 */
import type {
  EligibilityGroup,
  ExclusionFlag,
  Label,
  SizeClass,
  UnionLevel,
} from '../../../../contracts/fee-refunds/codes.js';
import { NO_UNION_ACCOUNT_ROUTES, NO_UNION_ROUTES, UNION_LEVELS } from '../../../../contracts/fee-refunds/codes.js';
import { addDays, daysBetween, isIsoDate, type IsoDate } from '../../../../contracts/dates.js';

/** Basis points: 10 000 = 100 %. */
export const WHOLE_BP = 10_000;

export interface LevelShare {
  level: UnionLevel;
  shareBp: number;
}

export interface SmallMicroRule {
  /** the classes that get the small and micro refund */
  sizeClasses: readonly SizeClass[];
  /** the small-payer limit: the year's total paid must not exceed it; null = no limit */
  maxAnnualPaidFen: number | null;
  /** an enterprise with any of these flags gets the usual split */
  excludedFlags: readonly ExclusionFlag[];
}

/** The routes a policy may choose (contracts/fee-refunds/codes.ts, which the form offers too). */
export type NoUnionRoute = (typeof NO_UNION_ROUTES)[number];
export type NoUnionAccountRoute = (typeof NO_UNION_ACCOUNT_ROUTES)[number];

export interface FeePolicyVersion {
  id: string;
  title: Label;
  /** 6-digit GB/T 2260 code; the version covers the region and everything under it */
  regionCode: string;
  /** first and last day of the tax periods covered, both included; effectiveTo null = open-ended */
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  /** the fee as a share of the wage base (计税依据): 200 = 2 % (工会法第四十三条) */
  feeRateBp: number;
  /** each level's share of a fee, in basis points adding up to 10 000 */
  split: readonly LevelShare[];
  smallMicro: SmallMicroRule | null;
  /**
   * For each group, the part of each level's share that goes back to the enterprise, in basis
   * points of that share (10 000 = the level's whole share; a level left out keeps its share).
   */
  returned: Readonly<Record<EligibilityGroup, Readonly<Partial<Record<UnionLevel, number>>>>>;
  routing: { noUnion: NoUnionRoute; noUnionAccount: NoUnionAccountRoute };
  /** where the version comes from */
  source: string;
  /** what in the version is not from the source and must be confirmed before it is relied on */
  assumptions: readonly Label[];
}

const ALL_LEVELS_RETURNED: Readonly<Record<UnionLevel, number>> = {
  grassroots: WHOLE_BP,
  county: WHOLE_BP,
  city: WHOLE_BP,
  provincial: WHOLE_BP,
  national: WHOLE_BP,
};

/**
 * Jiangsu, tax periods 2020-01-01 to 2024-12-31: small and micro enterprises get back all they
 * paid (江苏省总工会: 自2020年起实施小微企业工会经费全额返还; 2022: 12.52 of 12.53 亿元 returned to
 * 27.85 of 27.96 万 enterprises, 工人日报 report in the seed articles, docs: shared/PRODUCT.md §3);
 * other enterprises get the grassroots share (60 %) back, the higher levels keep the other 40 %.
 */
export const JIANGSU_2020_2024: FeePolicyVersion = {
  id: 'js-2020-2024-small-micro-full-refund',
  title: {
    zh: '江苏省小微企业工会经费全额返还（2020—2024年）',
    en: 'Jiangsu: full union-fee refund to small and micro enterprises (2020–2024)',
  },
  regionCode: '320000',
  effectiveFrom: '2020-01-01',
  effectiveTo: '2024-12-31',
  feeRateBp: 200,
  split: [
    { level: 'grassroots', shareBp: 6000 },
    { level: 'county', shareBp: 1500 },
    { level: 'city', shareBp: 1000 },
    { level: 'provincial', shareBp: 1000 },
    { level: 'national', shareBp: 500 },
  ],
  smallMicro: { sizeClasses: ['small', 'micro'], maxAnnualPaidFen: null, excludedFlags: [] },
  returned: {
    small_micro: ALL_LEVELS_RETURNED,
    ordinary: { grassroots: WHOLE_BP },
  },
  routing: { noUnion: 'preparation_fund_held', noUnionAccount: 'paying_account' },
  source:
    '工会法第四十三条（2%）；江苏省总工会小微企业工会经费全额返还政策（2020年起）；全总 60% 基层、40% 上级的常规分成',
  assumptions: [
    {
      zh: '上级工会 40% 在县、市、省、全总之间的划分（15%、10%、10%、5%）未见公开文件，须与江苏省总工会财务资产管理部核实',
      en: "The division of the higher levels' 40 % (county 15 %, city 10 %, province 10 %, national 5 %) is not from a published document and must be confirmed with the Jiangsu federation",
    },
  ],
};

export const SEED_POLICY_VERSIONS: readonly FeePolicyVersion[] = [JIANGSU_2020_2024];

/** The part of a region code that its sub-regions share: 320000 → "32", 320500 → "3205". */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function isRegionCode(code: string): boolean {
  return /^[1-9]\d{5}$/.test(code);
}

export function coversRegion(version: FeePolicyVersion, regionCode: string): boolean {
  return regionCode.startsWith(regionPrefix(version.regionCode));
}

function inForceOn(version: FeePolicyVersion, day: IsoDate): boolean {
  return version.effectiveFrom <= day && (version.effectiveTo === null || day <= version.effectiveTo);
}

/** The version governing `regionCode` on `day`: the most specific region's; null when none. */
export function policyInForce(
  versions: readonly FeePolicyVersion[],
  regionCode: string,
  day: IsoDate,
): FeePolicyVersion | null {
  let best: FeePolicyVersion | null = null;
  for (const v of versions) {
    if (!coversRegion(v, regionCode) || !inForceOn(v, day)) continue;
    if (best === null || regionPrefix(v.regionCode).length > regionPrefix(best.regionCode).length) best = v;
  }
  return best;
}

export interface PolicySegment {
  version: FeePolicyVersion;
  from: IsoDate;
  to: IsoDate;
  days: number;
}

export type SegmentsResult =
  | { ok: true; segments: PolicySegment[]; totalDays: number }
  | { ok: false; uncovered: Array<{ from: IsoDate; to: IsoDate }> };

/**
 * The versions governing a tax period, as consecutive stretches of days. Versions only change on
 * their own first days and the days after their last days, so the period is cut there.
 */
export function policySegments(
  versions: readonly FeePolicyVersion[],
  regionCode: string,
  periodFrom: IsoDate,
  periodTo: IsoDate,
): SegmentsResult {
  const cuts = new Set<IsoDate>([periodFrom]);
  for (const v of versions) {
    if (!coversRegion(v, regionCode)) continue;
    if (v.effectiveFrom > periodFrom && v.effectiveFrom <= periodTo) cuts.add(v.effectiveFrom);
    if (v.effectiveTo !== null) {
      const next = addDays(v.effectiveTo, 1);
      if (next > periodFrom && next <= periodTo) cuts.add(next);
    }
  }
  const starts = [...cuts].sort();
  const segments: PolicySegment[] = [];
  const uncovered: Array<{ from: IsoDate; to: IsoDate }> = [];
  starts.forEach((from, i) => {
    const next = starts[i + 1];
    const to = next === undefined ? periodTo : addDays(next, -1);
    const version = policyInForce(versions, regionCode, from);
    if (version === null) {
      const last = uncovered[uncovered.length - 1];
      if (last !== undefined && addDays(last.to, 1) === from) last.to = to;
      else uncovered.push({ from, to });
      return;
    }
    const prev = segments[segments.length - 1];
    if (prev !== undefined && prev.version === version) {
      prev.to = to;
      prev.days = daysBetween(prev.from, to) + 1;
    } else {
      segments.push({ version, from, to, days: daysBetween(from, to) + 1 });
    }
  });
  if (uncovered.length > 0) return { ok: false, uncovered };
  return { ok: true, segments, totalDays: daysBetween(periodFrom, periodTo) + 1 };
}

/** The part of a fee that goes back to an enterprise of `group`, in basis points of the fee. */
export function refundShareBp(version: FeePolicyVersion, group: EligibilityGroup): number {
  let sum = 0;
  for (const { level, shareBp } of version.split) sum += (shareBp * (version.returned[group][level] ?? 0)) / WHOLE_BP;
  return sum;
}

/** The fee due on a wage base (计税依据) at the version's rate, rounded half up to the fen. */
export function feeDueFen(wageBaseFen: number, version: FeePolicyVersion): number {
  if (!Number.isSafeInteger(wageBaseFen) || wageBaseFen < 0) throw new RangeError(`not whole fen: ${wageBaseFen}`);
  const exact = BigInt(wageBaseFen) * BigInt(version.feeRateBp);
  return Number((exact * 2n + BigInt(WHOLE_BP)) / (2n * BigInt(WHOLE_BP)));
}

function isWholeBp(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= WHOLE_BP;
}

/** What is wrong with a set of versions (empty when they can be used), in Chinese and English. */
export function checkPolicyVersions(versions: readonly FeePolicyVersion[]): Label[] {
  const problems: Label[] = [];
  const ids = new Set<string>();
  for (const v of versions) {
    const name = v.id;
    if (ids.has(v.id)) problems.push({ zh: `政策版本编号重复：${name}`, en: `Duplicate policy version id: ${name}` });
    ids.add(v.id);
    if (!isRegionCode(v.regionCode)) {
      problems.push({ zh: `${name}：地区代码应为6位数字`, en: `${name}: the region code must be 6 digits` });
    }
    if (!isIsoDate(v.effectiveFrom) || (v.effectiveTo !== null && !isIsoDate(v.effectiveTo))) {
      problems.push({ zh: `${name}：起止日期无效`, en: `${name}: invalid start or end date` });
    } else if (v.effectiveTo !== null && v.effectiveTo < v.effectiveFrom) {
      problems.push({ zh: `${name}：截止日期早于起始日期`, en: `${name}: ends before it starts` });
    }
    if (!isWholeBp(v.feeRateBp) || v.feeRateBp === 0) {
      problems.push({ zh: `${name}：费率无效`, en: `${name}: invalid fee rate` });
    }
    const levels = v.split.map((s) => s.level);
    if (new Set(levels).size !== levels.length || levels.some((l) => !UNION_LEVELS.includes(l))) {
      problems.push({ zh: `${name}：分成层级重复或无效`, en: `${name}: a level is repeated or unknown` });
    }
    const total = v.split.reduce((a, s) => a + s.shareBp, 0);
    if (!v.split.every((s) => isWholeBp(s.shareBp)) || total !== WHOLE_BP) {
      problems.push({
        zh: `${name}：各级分成比例之和应为100%（现为${total / 100}%）`,
        en: `${name}: the levels' shares must add up to 100 % (they add up to ${total / 100} %)`,
      });
    }
    for (const group of ['small_micro', 'ordinary'] as const) {
      for (const [level, bp] of Object.entries(v.returned[group])) {
        if (!levels.includes(level as UnionLevel) || !isWholeBp(bp)) {
          problems.push({
            zh: `${name}：${level}的返还比例无效`,
            en: `${name}: invalid returned share for ${level}`,
          });
        }
      }
    }
    if (v.smallMicro?.maxAnnualPaidFen != null && !Number.isSafeInteger(v.smallMicro.maxAnnualPaidFen)) {
      problems.push({ zh: `${name}：小额缴费标准无效`, en: `${name}: invalid small-payer limit` });
    }
  }
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) {
      const a = versions[i] as FeePolicyVersion;
      const b = versions[j] as FeePolicyVersion;
      if (a.regionCode !== b.regionCode) continue;
      const overlap =
        (a.effectiveTo === null || b.effectiveFrom <= a.effectiveTo) &&
        (b.effectiveTo === null || a.effectiveFrom <= b.effectiveTo);
      if (overlap) {
        problems.push({
          zh: `${a.id} 与 ${b.id} 的适用期间重叠（同一地区）`,
          en: `${a.id} and ${b.id} overlap in the same region`,
        });
      }
    }
  }
  return problems;
}
