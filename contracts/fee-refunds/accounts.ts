import { z } from 'zod';

/**
 * The union's own accounts in fee refunds: the paying account a region's refunds leave from
 * (/api/fee-refunds/paying-accounts) and a county federation's pooled account (归集账户,
 * /api/fee-refunds/pooled-accounts) that a `county_pooled` policy pays refunds into.
 */
export const UNION_ACCOUNT_KINDS = ['paying', 'pooled'] as const;
export type UnionAccountKind = (typeof UNION_ACCOUNT_KINDS)[number];

export const unionAccountBodySchema = z.object({
  bankCode: z.string().regex(/^\d{12}$/, '开户行行号应为 12 位数字（CNAPS）'),
  accountNo: z.string().regex(/^\d{10,30}$/, '账号应为 10–30 位数字'),
  accountName: z.string().trim().min(1).max(128),
});
export type UnionAccountBody = z.infer<typeof unionAccountBodySchema>;

export const unionAccountSchema = unionAccountBodySchema.extend({
  regionCode: z.string(),
  /** The region's full name (江苏省苏州市吴江区), for people reading the list. */
  regionName: z.string(),
});
export type UnionAccount = z.infer<typeof unionAccountSchema>;

export const unionAccountParamsSchema = z.object({ regionCode: z.string().regex(/^\d{6}$/) });
