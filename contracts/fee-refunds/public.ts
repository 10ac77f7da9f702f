import { z } from 'zod';
import { DESTINATION_KINDS } from './codes.js';
import { LINE_STATES } from './run-codes.js';
import { pageQuerySchema, pageOf } from '../paging.js';

/**
 * An enterprise checking its own union-fee refunds (经费返还): without an account, by its USCC and
 * a code texted to the phone the employers register has for it (/api/public/fee-refunds/…), or
 * signed in as the employer's agent (GET /api/fee-refunds/my-refunds). Both answer the same view,
 * which lists exactly what the enterprise may see: no region, no batch, no full account number.
 */

const uscc = z
  .string({ error: '请填写统一社会信用代码 / enter the unified social credit code' })
  .trim()
  .toUpperCase()
  .regex(
    /^[0-9A-Z]{18}$/,
    '统一社会信用代码为 18 位数字或字母 / the unified social credit code has 18 digits or letters',
  );

const smsCode = z
  .string({ error: '请填写验证码 / enter the code' })
  .trim()
  .regex(/^\d{6}$/, '验证码为 6 位数字 / the code has 6 digits');

/** POST /api/public/fee-refunds/request-code */
export const feeCodeRequestSchema = z.object({ uscc });
export type FeeCodeRequest = z.infer<typeof feeCodeRequestSchema>;

/**
 * The same answer whether or not the code names a registered enterprise with a phone: a phone hint
 * would tell anybody which codes are registered, and part of the enterprise's number.
 */
export const feeCodeSentSchema = z.object({ sent: z.literal(true) });

/** POST /api/public/fee-refunds/verify */
export const feeCodeVerifySchema = z.object({ uscc, code: smsCode });
export type FeeCodeVerify = z.infer<typeof feeCodeVerifySchema>;
export const feeAccessTokenSchema = z.object({
  token: z.string(),
  /** When the session ends (ISO time): the page asks for a new code after it. */
  expiresAt: z.string(),
});
export type FeeAccessToken = z.infer<typeof feeAccessTokenSchema>;

/** ?page=&pageSize= of the enterprise's refunds (newest month first). */
export const feeEnterpriseRefundsQuerySchema = pageQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type FeeEnterpriseRefundsQuery = z.infer<typeof feeEnterpriseRefundsQuerySchema>;

const words = z.object({ zh: z.string(), en: z.string() });

export const feeEnterpriseLineSchema = z.object({
  id: z.string(),
  /** YYYY-MM: the month the fees reached the treasury. */
  month: z.string(),
  amountFen: z.number().int(),
  destination: z.enum(DESTINATION_KINDS),
  /** Where the money goes, in the enterprise's words. */
  destinationText: words,
  /** The account it is paid to: its name and the last four digits only. */
  account: z.object({ name: z.string(), last4: z.string() }).nullable(),
  state: z.enum(LINE_STATES),
  stateText: words,
  /** What the enterprise should do or expect (a returned line: have the union account fixed). */
  advice: words.nullable(),
  dueOn: z.string(),
  paidOn: z.string().nullable(),
});
export type FeeEnterpriseLine = z.infer<typeof feeEnterpriseLineSchema>;

export const feeEnterpriseRefundsSchema = pageOf(feeEnterpriseLineSchema).extend({
  uscc: z.string(),
  enterpriseName: z.string(),
});
export type FeeEnterpriseRefunds = z.infer<typeof feeEnterpriseRefundsSchema>;
