import { z } from 'zod';

// The element-based intake form (要素式) and the other request bodies of the disputes module.

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD');
const fen = z.number().int('金额须为整数分 / amount must be whole fen').min(0).max(10_000_000_000);
const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '手机号应为 11 位大陆手机号 / 11-digit mainland mobile number');

export const CASE_KIND_VALUES = ['union_mediation', 'court_pre_filing', 'court_post_filing_ordinary', 'court_post_filing_simple'] as const;
// Claim types and their labels live with the pure disputes rules (browser-safe, no I/O).
export { CLAIM_TYPES, CLAIM_TYPE_LABELS, type ClaimType } from '../server/modules/disputes/rules/stages.js';
import { CLAIM_TYPES } from '../server/modules/disputes/rules/stages.js';

export const chainPartySchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(128),
  role: z.enum(['developer', 'general_contractor', 'subcontractor', 'crew_boss', 'qualification_lender']),
  contractedBy: z.string().max(40).optional(),
  contractType: z.enum(['contract', 'subcontract', 'transfer']).optional(),
  isIndividualOrUnqualified: z.boolean().optional(),
  lentTo: z.string().max(40).optional(),
  uscc: z.string().trim().max(18).optional(),
  contactPhone: phone.optional(),
  contactEmail: z.string().trim().email().optional(),
});

export const intakeSchema = z.object({
  channel: z.enum(['counter', 'online']),
  kind: z.enum(CASE_KIND_VALUES).default('court_pre_filing'),
  courtId: z.string().uuid().optional(),
  /** An oral application recorded by the mediator at the counter (劳动争议调解仲裁法第十二条). */
  oral: z.boolean().default(false),
  appliedOn: date.optional(),
  worker: z.object({
    name: z.string().trim().min(2, '请填写姓名 / name required').max(32),
    phone,
    residentId: z.string().trim().min(15).max(18).optional(),
    regionCode: z.string().regex(/^\d{6}$/).optional(),
  }),
  /** Collective cases (10 or more workers with a common claim) act through representatives. */
  workerCount: z.number().int().min(1).max(10_000).default(1),
  representatives: z.array(z.object({ name: z.string().trim().min(2).max(32), phone })).max(10).default([]),
  employer: z.object({
    employerId: z.string().uuid().optional(),
    name: z.string().trim().min(2).max(128),
    uscc: z.string().trim().max(18).optional(),
    contactName: z.string().trim().max(32).optional(),
    contactPhone: phone.optional(),
    contactEmail: z.string().trim().email().optional(),
  }),
  employment: z.object({
    hireDate: date,
    endDate: date.nullable(),
    position: z.string().trim().max(64).optional(),
    wageStructure: z.enum(['monthly', 'daily', 'hourly', 'piece']),
    monthlyWageFen: fen,
    workingHours: z.enum(['standard', 'comprehensive', 'flexible']).default('standard'),
    contractSigned: z.boolean(),
    contractSignedDate: date.nullable().optional(),
    /** When the worker learned the right was infringed (for the limitation warning). */
    harmKnownOn: date.optional(),
  }),
  sector: z.string().min(1).max(24),
  claims: z
    .array(z.object({ type: z.enum(CLAIM_TYPES), amountFen: fen, description: z.string().trim().max(500).default('') }))
    .min(1, '至少填写一项请求 / at least one claim'),
  construction: z
    .object({
      parties: z.array(chainPartySchema).min(1).max(12),
      hiredWorker: z.string().min(1),
      developerPaidProjectFunds: z.union([z.boolean(), z.literal('unknown')]).default('unknown'),
      crewBossReachable: z.boolean().default(true),
    })
    .optional(),
  narrative: z.string().trim().min(5, '请简要说明经过 / describe what happened').max(5000),
  mediatorRequestsJudge: z.boolean().default(false),
});
export type IntakeInput = z.input<typeof intakeSchema>;
export type Intake = z.infer<typeof intakeSchema>;
