/**
 * The refund of one collection row (a fee the tax bureau collected for the unions): how much goes
 * back to the enterprise, where, and what each union level keeps. Pure: the caller passes the row,
 * the enterprise record and the policy versions.
 *
 * 1. The tax period is matched to the policy versions in force (policy.ts). A period inside one
 *    version gives one line; a period crossing versions is shared between them by calendar days
 *    (largest remainder, ties to the earlier part) and gives one line per version.
 * 2. Eligibility per version: the small and micro refund when the size class (declared, or by
 *    size-class.ts) is one of the version's classes, no exclusion flag applies and, when the
 *    version sets a small-payer limit, the year's total paid is known and within it. Otherwise the
 *    usual split.
 * 3. Split to the fen: the line's amount is cut into buckets — for each level, in the order
 *    grassroots, county, city, provincial, national, first the part it returns, then the part it
 *    keeps (share × returned bp, share × (10 000 − returned bp)) — and rounded together by the
 *    largest remainder; equal fractions go to the bucket listed first, so ties favour the grassroots
 *    union and returning to the enterprise. collected = returned + retained, exactly.
 * 4. Routing of the returned money: a union with an account → union_account; a union without one
 *    → the version's noUnionAccount route (paying_account | county_pooled); no union → the
 *    version's noUnion route, where preparation_fund_held keeps it as pending (筹备金, paid once a
 *    union is set up). Nothing returned → none.
 *    refunded = returned unless held; pending = returned when held.
 */
import {
  DESTINATION_KIND_LABELS,
  EXCLUSION_FLAG_LABELS,
  SIZE_CLASS_LABELS,
  UNION_LEVELS,
  type DestinationKind,
  type EligibilityGroup,
  type ExclusionFlag,
  type FeeNote,
  type RefundLine,
  type RefundProblem,
  type SizeClass,
  type UnionLevel,
} from '../../../../contracts/fee-refunds/codes.js';
import { isIsoDate, type IsoDate } from '../../../../contracts/dates.js';
import { normalizeUscc } from '../../../core/identifiers/uscc.js';
import { apportion, formatYuan } from './money.js';
import { note } from './notes.js';
import { isRegionCode, policySegments, WHOLE_BP, type FeePolicyVersion } from './policy.js';
import { classify, type SizeClassResult, type SizeFigures, type SizeStandardTable } from './size-class.js';

/** One row of the tax bureau's collection data. */
export interface CollectionRow {
  uscc: string;
  /** 税款所属期 起 / 止, both included */
  periodFrom: IsoDate;
  periodTo: IsoDate;
  /** the fee paid, in fen */
  paidFen: number;
  /** GB/T 2260 code of the region whose policy applies (the collecting tax office's) */
  regionCode: string;
}

export interface EnterpriseRecord extends SizeFigures {
  uscc: string;
  regionCode: string;
  /** a grassroots union has been set up (已建会) */
  hasUnion: boolean;
  /** that union has a bank account of its own */
  hasUnionAccount: boolean;
  /** a size class staff recorded (e.g. the statistics bureau's); replaces the computed one */
  declaredSizeClass?: SizeClass | null;
  flags?: readonly ExclusionFlag[];
}

export interface RefundInput {
  collection: CollectionRow;
  enterprise: EnterpriseRecord;
  policies: readonly FeePolicyVersion[];
  /** the enterprise's total paid in the year, in fen; read only by a version with a small-payer limit */
  paidInYearFen?: number | null;
  /** default: 工信部联企业〔2011〕300号 */
  sizeTable?: SizeStandardTable;
}

export type RefundResult =
  { ok: true; lines: RefundLine[]; size: SizeClassResult } | { ok: false; problem: RefundProblem };

function problem(code: RefundProblem['code'], zh: string, en: string): RefundResult {
  return { ok: false, problem: { code, zh, en } };
}

function zeroLevels(): Record<UnionLevel, number> {
  return { grassroots: 0, county: 0, city: 0, provincial: 0, national: 0 };
}

interface Eligibility {
  group: EligibilityGroup;
  notes: FeeNote[];
}

function eligibility(
  version: FeePolicyVersion,
  sizeClass: SizeClass | null,
  enterprise: EnterpriseRecord,
  paidInYearFen: number | null,
): Eligibility {
  const rule = version.smallMicro;
  if (rule === null) return { group: 'ordinary', notes: [] };
  if (sizeClass === null) return { group: 'ordinary', notes: [note('size_unknown')] };
  if (!rule.sizeClasses.includes(sizeClass)) {
    const label = SIZE_CLASS_LABELS[sizeClass];
    return { group: 'ordinary', notes: [note('not_small_or_micro', { sizeClass: label.zh, sizeClassEn: label.en })] };
  }
  const flag = (enterprise.flags ?? []).find((f) => rule.excludedFlags.includes(f));
  if (flag !== undefined) {
    const label = EXCLUSION_FLAG_LABELS[flag];
    return { group: 'ordinary', notes: [note('excluded_by_flag', { flag: label.zh, flagEn: label.en })] };
  }
  if (rule.maxAnnualPaidFen !== null) {
    const limit = formatYuan(rule.maxAnnualPaidFen);
    if (paidInYearFen === null) return { group: 'ordinary', notes: [note('annual_paid_missing', { limit })] };
    if (paidInYearFen > rule.maxAnnualPaidFen) {
      return {
        group: 'ordinary',
        notes: [note('above_small_payer_threshold', { paid: formatYuan(paidInYearFen), limit })],
      };
    }
  }
  return { group: 'small_micro', notes: [] };
}

function route(
  version: FeePolicyVersion,
  enterprise: EnterpriseRecord,
): { destination: DestinationKind; notes: FeeNote[] } {
  if (!enterprise.hasUnion) {
    const destination = version.routing.noUnion;
    return { destination, notes: destination === 'preparation_fund_held' ? [note('no_union_preparation_fund')] : [] };
  }
  if (!enterprise.hasUnionAccount) {
    const destination = version.routing.noUnionAccount;
    const label = DESTINATION_KIND_LABELS[destination];
    const where = label.zh.replace(/^返还至/, '');
    const whereEn = label.en.charAt(0).toLowerCase() + label.en.slice(1);
    return { destination, notes: [note('no_union_account', { destination: where, destinationEn: whereEn })] };
  }
  return { destination: 'union_account', notes: [] };
}

/** Split one line's amount between the levels under `version` for `group` (step 3 above). */
export function splitAmount(
  amountFen: number,
  version: FeePolicyVersion,
  group: EligibilityGroup,
): { returnedByLevel: Record<UnionLevel, number>; retainedByLevel: Record<UnionLevel, number> } {
  const shares = new Map(version.split.map((s) => [s.level, s.shareBp]));
  const weights: bigint[] = [];
  for (const level of UNION_LEVELS) {
    const share = BigInt(shares.get(level) ?? 0);
    const back = BigInt(version.returned[group][level] ?? 0);
    weights.push(share * back, share * (BigInt(WHOLE_BP) - back));
  }
  const parts = apportion(amountFen, weights);
  const returnedByLevel = zeroLevels();
  const retainedByLevel = zeroLevels();
  UNION_LEVELS.forEach((level, i) => {
    returnedByLevel[level] = parts[2 * i] as number;
    retainedByLevel[level] = parts[2 * i + 1] as number;
  });
  return { returnedByLevel, retainedByLevel };
}

/** The refund lines of one collection row, or why it has none. */
export function computeRefund(input: RefundInput): RefundResult {
  const { collection: row, enterprise, policies } = input;
  if (!Number.isSafeInteger(row.paidFen) || row.paidFen < 0) {
    return problem(
      'invalid_amount',
      '缴费金额须为不小于0的整数（分）；冲红、退费行不在返还计算之内',
      'The amount paid must be whole fen, not negative; corrections and refunds of the fee are not computed here',
    );
  }
  if (!isIsoDate(row.periodFrom) || !isIsoDate(row.periodTo) || row.periodTo < row.periodFrom) {
    return problem('invalid_period', '税款所属期起止日期无效', 'The tax period is not a valid range of dates');
  }
  if (!isRegionCode(row.regionCode)) {
    return problem('invalid_region', '地区代码应为6位行政区划代码', 'The region must be a 6-digit GB/T 2260 code');
  }
  if (normalizeUscc(row.uscc) !== normalizeUscc(enterprise.uscc)) {
    return problem(
      'uscc_mismatch',
      '缴费记录与企业的统一社会信用代码不一致',
      "The collection row's USCC is not the enterprise's",
    );
  }
  const found = policySegments(policies, row.regionCode, row.periodFrom, row.periodTo);
  if (!found.ok) {
    const days = found.uncovered.map((u) => (u.from === u.to ? u.from : `${u.from}—${u.to}`));
    return problem(
      'no_policy',
      `地区 ${row.regionCode} 在 ${days.join('、')} 没有适用的返还政策版本，请先补充政策`,
      `No refund policy version covers region ${row.regionCode} on ${days.join(', ')}; add one first`,
    );
  }
  const size = classify(enterprise, input.sizeTable);
  const declared = enterprise.declaredSizeClass ?? null;
  const sizeClass = declared ?? size.sizeClass;
  const sizeNotes =
    declared !== null
      ? [
          note('size_class_declared', {
            sizeClass: SIZE_CLASS_LABELS[declared].zh,
            sizeClassEn: SIZE_CLASS_LABELS[declared].en,
          }),
        ]
      : size.notes;
  const amounts = apportion(
    row.paidFen,
    found.segments.map((s) => BigInt(s.days)),
  );
  const lines = found.segments.map((segment, i): RefundLine => {
    const collectedFen = amounts[i] as number;
    const version = segment.version;
    const elig = eligibility(version, sizeClass, enterprise, input.paidInYearFen ?? null);
    const { returnedByLevel, retainedByLevel } = splitAmount(collectedFen, version, elig.group);
    const returned = UNION_LEVELS.reduce((a, l) => a + returnedByLevel[l], 0);
    const routed = returned === 0 ? { destination: 'none' as const, notes: [] } : route(version, enterprise);
    const held = routed.destination === 'preparation_fund_held';
    const splitNote =
      found.segments.length > 1
        ? [
            note('period_split_across_policies', {
              from: segment.from,
              to: segment.to,
              days: String(segment.days),
              totalDays: String(found.totalDays),
            }),
          ]
        : [];
    return {
      policyId: version.id,
      regionCode: row.regionCode,
      periodFrom: segment.from,
      periodTo: segment.to,
      group: elig.group,
      sizeClass,
      collectedFen,
      returnedByLevel,
      retainedByLevel,
      refundedFen: held ? 0 : returned,
      pendingFen: held ? returned : 0,
      destination: routed.destination,
      notes: [...sizeNotes, ...elig.notes, ...routed.notes, ...splitNote],
    };
  });
  return { ok: true, lines, size };
}
