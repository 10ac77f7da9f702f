import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import {
  ELIGIBILITY_GROUPS,
  EXCLUSION_FLAGS,
  NO_UNION_ACCOUNT_ROUTES,
  NO_UNION_ROUTES,
  POLICY_STATUSES,
  SIZE_CLASSES,
  UNION_LEVELS,
} from './codes.js';

/*
 * Refund policy versions as staff keep them (/api/fee-refunds/policies). A maker drafts a version
 * (a new period, a city's own rule); a checker who did not write it puts it in force. Only
 * versions in force are used by the refund runs; one in force is never edited, only ended
 * earlier (close), because the ledger names it for every collection computed under it.
 */

/** Basis points of a whole: 0..10 000 (10 000 = 100 %). */
const bp = z.number().int().min(0).max(10_000);
const isoDate = z
  .string()
  .refine(isIsoDate, { message: '应为 YYYY-MM-DD 格式的有效日期', params: { en: 'a valid date, YYYY-MM-DD' } });
const label = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });
const levelShares = z.partialRecord(z.enum(UNION_LEVELS), bp);

/** What a maker writes: the whole version (the server gives it its id). */
export const policyBodySchema = z
  .object({
    title: label,
    regionCode: z.string().regex(/^[1-9]\d{5}$/, '地区代码应为 6 位数字'),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    feeRateBp: bp.min(1),
    split: z.array(z.object({ level: z.enum(UNION_LEVELS), shareBp: bp })).min(1),
    smallMicro: z
      .object({
        sizeClasses: z.array(z.enum(SIZE_CLASSES)).min(1),
        maxAnnualPaidFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
        excludedFlags: z.array(z.enum(EXCLUSION_FLAGS)),
      })
      .nullable(),
    returned: z.object({ small_micro: levelShares, ordinary: levelShares }),
    routing: z.object({ noUnion: z.enum(NO_UNION_ROUTES), noUnionAccount: z.enum(NO_UNION_ACCOUNT_ROUTES) }),
    source: z.string().trim().min(1).max(1000),
    assumptions: z.array(label).max(20),
  })
  .superRefine((v, ctx) => {
    if (v.effectiveTo !== null && v.effectiveTo < v.effectiveFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['effectiveTo'],
        message: '截止日期早于起始日期',
        params: { en: 'the end is before the start' },
      });
    const levels = v.split.map((s) => s.level);
    const total = v.split.reduce((a, s) => a + s.shareBp, 0);
    if (new Set(levels).size !== levels.length)
      ctx.addIssue({
        code: 'custom',
        path: ['split'],
        message: '分成层级重复',
        params: { en: 'a level is listed twice' },
      });
    else if (total !== 10_000)
      ctx.addIssue({
        code: 'custom',
        path: ['split'],
        message: `各级分成比例之和应为 100%（现为 ${total / 100}%）`,
        params: { en: `the shares must add up to 100 % (they add up to ${total / 100} %)` },
      });
    for (const group of ELIGIBILITY_GROUPS)
      for (const level of Object.keys(v.returned[group]))
        if (!levels.includes(level as (typeof levels)[number]))
          ctx.addIssue({
            code: 'custom',
            path: ['returned', group, level],
            message: '返还的层级不在分成中',
            params: { en: 'a level that has no share cannot return one' },
          });
  });
export type PolicyBody = z.infer<typeof policyBodySchema>;

/** A draft's new text, with the version it was read at (a stale version is refused). */
export const policyUpdateSchema = z.object({ version: z.number().int().min(1), policy: policyBodySchema });
export const policyVersionRefSchema = z.object({ version: z.number().int().min(1) });
/** Ends a version in force earlier: its new last day. */
export const policyCloseSchema = z.object({ version: z.number().int().min(1), effectiveTo: isoDate });
export const policyParamsSchema = z.object({ id: z.string().min(1).max(64) });

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const policyVersionSchema = z.object({
  id: z.string(),
  status: z.enum(POLICY_STATUSES),
  version: z.number().int(),
  /** The region's full name (江苏省苏州市), for people reading the list. */
  regionName: z.string(),
  policy: policyBodySchema,
  /** Who last wrote the draft (the checker must be someone else); null for the seeded versions. */
  draftedBy: person,
  approvedBy: person,
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type PolicyVersionView = z.infer<typeof policyVersionSchema>;
