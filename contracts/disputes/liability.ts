import { z } from 'zod';
import { CHAIN_ROLES } from './chain-roles.js';

/**
 * The hiring chain of a construction case (who contracted work to whom, who hired the worker) and
 * the shape of the liability proposal the server computes from it (保障农民工工资支付条例 arts. 29,
 * 30, 36; server/modules/disputes/rules/construction-liability.ts). The web shows the proposal; it
 * asks the server for it (POST /api/disputes/liability-preview) rather than running the rules.
 */

export { CHAIN_ROLES, CHAIN_ROLE_LABELS, type ChainRole } from './chain-roles.js';

export const LIABILITY_DUTIES = [
  'pay',
  'pay_first_then_recover',
  'advance_up_to_unpaid_funds',
  'direct_employer',
  'direct_debtor',
  'verify',
] as const;
export type LiabilityDuty = (typeof LIABILITY_DUTIES)[number];

export const citationSchema = z.object({
  law: z.string(),
  article: z.number().int(),
  paragraph: z.number().int().optional(),
  text: z.string(),
  textEn: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

export const liabilityProposalSchema = z.object({
  partyId: z.string(),
  partyName: z.string(),
  role: z.enum(CHAIN_ROLES),
  rank: z.enum(['primary', 'secondary']),
  duty: z.enum(LIABILITY_DUTIES),
  basis: citationSchema,
  explanation: z.string(),
  explanationEn: z.string(),
  /** For art. 29: the developer's duty is capped at the project funds it has not paid. */
  limit: z.literal('unpaid_project_funds').optional(),
  /** Parties the payer may recover from afterwards. */
  mayRecoverFrom: z.array(z.string()).optional(),
});
export type LiabilityProposal = z.infer<typeof liabilityProposalSchema>;

export const liabilityIssueSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string() });
export type LiabilityIssue = z.infer<typeof liabilityIssueSchema>;

export const liabilityResultSchema = z.object({
  /** The party to contact first (the first proposal), or null when nothing can be proposed. */
  contactFirst: liabilityProposalSchema.nullable(),
  proposals: z.array(liabilityProposalSchema),
  warnings: z.array(liabilityIssueSchema),
  /** Inconsistent chain data; when non-empty, proposals is empty. */
  errors: z.array(liabilityIssueSchema),
});
export type LiabilityResult = z.infer<typeof liabilityResultSchema>;
