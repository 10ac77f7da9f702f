import {
  UNION_LEVELS,
  type EligibilityGroup,
  type ExclusionFlag,
  type SizeClass,
  type UnionLevel,
} from '../../../../contracts/fee-refunds/codes';
import type { PolicyBody } from './types';

/*
 * The policy form speaks percent and yuan, the API basis points and fen: 60 % of the fee is
 * 6 000 bp, a small-payer limit of ¥2,000.00 is 200 000 fen. A level whose share is 0 is left out
 * of the split; a level that returns nothing is left out of the returned shares.
 */

type LevelPct = Record<UnionLevel, number | null>;

export interface PolicyFormValues {
  titleZh: string;
  titleEn: string;
  regionCode: string;
  effectiveFrom: string;
  effectiveTo?: string;
  feeRatePct: number;
  share: LevelPct;
  returnedSmallMicro: LevelPct;
  returnedOrdinary: LevelPct;
  smallMicroOn: boolean;
  sizeClasses: SizeClass[];
  maxAnnualPaidYuan?: number | null;
  excludedFlags: ExclusionFlag[];
  noUnion: PolicyBody['routing']['noUnion'];
  noUnionAccount: PolicyBody['routing']['noUnionAccount'];
  source: string;
}

const pct = (bp: number) => bp / 100;
const bp = (p: number | null | undefined) => Math.round((p ?? 0) * 100);

function levels(read: (level: UnionLevel) => number | null): LevelPct {
  return Object.fromEntries(UNION_LEVELS.map((l) => [l, read(l)])) as LevelPct;
}

/** A stored version as the form shows it (also the start of a copy). */
export function toFormValues(body: PolicyBody): PolicyFormValues {
  const share = (l: UnionLevel) => body.split.find((s) => s.level === l)?.shareBp;
  const returned = (g: EligibilityGroup) => (l: UnionLevel) => {
    const v = body.returned[g][l];
    return v === undefined ? null : pct(v);
  };
  return {
    titleZh: body.title.zh,
    titleEn: body.title.en,
    regionCode: body.regionCode,
    effectiveFrom: body.effectiveFrom,
    effectiveTo: body.effectiveTo ?? undefined,
    feeRatePct: pct(body.feeRateBp),
    share: levels((l) => (share(l) === undefined ? null : pct(share(l)!))),
    returnedSmallMicro: levels(returned('small_micro')),
    returnedOrdinary: levels(returned('ordinary')),
    smallMicroOn: body.smallMicro !== null,
    sizeClasses: [...(body.smallMicro?.sizeClasses ?? ['small', 'micro'])],
    maxAnnualPaidYuan: body.smallMicro?.maxAnnualPaidFen == null ? null : body.smallMicro.maxAnnualPaidFen / 100,
    excludedFlags: [...(body.smallMicro?.excludedFlags ?? [])],
    noUnion: body.routing.noUnion,
    noUnionAccount: body.routing.noUnionAccount,
    source: body.source,
  };
}

/** The form's values as the API takes them; assumptions are kept from the version copied. */
export function toBody(v: PolicyFormValues, assumptions: PolicyBody['assumptions'] = []): PolicyBody {
  const returned = (p: LevelPct) =>
    Object.fromEntries(UNION_LEVELS.filter((l) => p[l] != null && p[l] !== 0).map((l) => [l, bp(p[l])]));
  return {
    title: { zh: v.titleZh.trim(), en: v.titleEn.trim() },
    regionCode: v.regionCode.trim(),
    effectiveFrom: v.effectiveFrom.trim(),
    effectiveTo: v.effectiveTo?.trim() ? v.effectiveTo.trim() : null,
    feeRateBp: bp(v.feeRatePct),
    split: UNION_LEVELS.filter((l) => bp(v.share[l]) > 0).map((l) => ({ level: l, shareBp: bp(v.share[l]) })),
    smallMicro: v.smallMicroOn
      ? {
          sizeClasses: v.sizeClasses,
          maxAnnualPaidFen: v.maxAnnualPaidYuan == null ? null : Math.round(v.maxAnnualPaidYuan * 100),
          excludedFlags: v.excludedFlags,
        }
      : null,
    returned: { small_micro: returned(v.returnedSmallMicro), ordinary: returned(v.returnedOrdinary) },
    routing: { noUnion: v.noUnion, noUnionAccount: v.noUnionAccount },
    source: v.source.trim(),
    assumptions,
  };
}

/** The part of a fee an enterprise of the group gets back, in percent (60 % of a 100 %-returned share). */
export function refundPct(body: PolicyBody, group: EligibilityGroup): number {
  const bpSum = body.split.reduce((a, s) => a + (s.shareBp * (body.returned[group][s.level] ?? 0)) / 10_000, 0);
  return Math.round(bpSum) / 100;
}

/** The sum of the shares the form holds, in percent (must be 100). */
export const sharesTotalPct = (share: LevelPct) => UNION_LEVELS.reduce((a, l) => a + bp(share[l]), 0) / 100;

/** The day after a date (YYYY-MM-DD), for a copy that starts where its model ends. */
export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
