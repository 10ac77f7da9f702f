import { z } from 'zod';
import { CASE_KINDS } from './disputes/case-state.js';
import { CLAIM_TYPES } from './disputes/claims.js';
import { CHAIN_ROLES } from './disputes/liability.js';
import { art38ReasonSchema, terminationGroundSchema } from './labor-law.js';
import { PARTY_KINDS } from './disputes/parties.js';
import { calendarDate, nameText, plainText } from './text.js';

// The browser-safe definitions of the disputes module, one file each (the server's rules import them).
export * from './disputes/actions.js';
export * from './disputes/case-state.js';
export * from './disputes/claims.js';
export * from './disputes/clocks.js';
export * from './disputes/confirmation.js';
export * from './disputes/liability.js';
export * from './disputes/parties.js';
export * from './disputes/public-views.js';
export * from './disputes/stages.js';

// The element-based intake form (要素式) and the other request bodies of the disputes module.

const date = calendarDate;
/** One claim, and the claims together: ¥100,000,000 (the documents write it as 壹亿元整). */
export const MAX_CLAIM_FEN = 10_000_000_000;
export const MAX_CLAIMS = 20;
const fen = z
  .number()
  .int('金额须为整数分 / amount must be whole fen')
  .min(0)
  .max(MAX_CLAIM_FEN, '金额不能超过 1 亿元 / at most ¥100,000,000');
export const mobilePhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位大陆手机号 / 11-digit mainland mobile number');
/** Ids of the parties of a hiring chain, chosen by the form (not shown to anyone). */
const partyRef = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, '当事方编号只能包含字母、数字、- 和 _ / party ids are letters, digits, - and _');
/** Nobody hired before 1950 is still owed anything a mediator could settle; older dates are typing errors. */
export const EARLIEST_HIRE_DATE = '1950-01-01';

export const CASE_KIND_VALUES = CASE_KINDS;

/** Where and through whom a party is reached: 送达地址, 法定代表人, 委托代理人 (documents carry them). */
export const serviceFields = {
  /** 住所地 / 住址. */
  address: plainText(200).optional(),
  /** 送达地址, when documents go elsewhere than the address. */
  serviceAddress: plainText(200).optional(),
  /** 法定代表人或主要负责人 (organisations). */
  representative: z.object({ name: nameText(2, 32), title: plainText(32).optional() }).optional(),
  /** 委托代理人. */
  agent: z
    .object({ name: nameText(2, 32), relation: plainText(64).optional(), phone: mobilePhone.optional() })
    .optional(),
};
export { SECTOR_VALUES, type Sector } from './disputes/sectors.js';
import { SECTOR_VALUES } from './disputes/sectors.js';

export const chainPartySchema = z.object({
  id: partyRef,
  name: nameText(1, 128),
  role: z.enum(CHAIN_ROLES),
  contractedBy: partyRef.optional(),
  contractType: z.enum(['contract', 'subcontract', 'transfer']).optional(),
  isIndividualOrUnqualified: z.boolean().optional(),
  lentTo: partyRef.optional(),
  uscc: z.string().trim().max(18).optional(),
  contactPhone: mobilePhone.optional(),
  contactEmail: z.string().trim().email().optional(),
  /** A person (the crew boss) or an organisation; by default a crew boss is a person. */
  kind: z.enum(PARTY_KINDS).optional(),
  ...serviceFields,
});

/** The hiring chain of a construction case (the liability rules' input). */
export const hiringChainSchema = z.object({
  parties: z.array(chainPartySchema).min(1).max(12),
  hiredWorker: partyRef,
  developerPaidProjectFunds: z.union([z.boolean(), z.literal('unknown')]).default('unknown'),
  crewBossReachable: z.boolean().default(true),
});
export type HiringChainInput = z.input<typeof hiringChainSchema>;
export type HiringChainBody = z.infer<typeof hiringChainSchema>;

export const employmentSchema = z
  .object({
    hireDate: date,
    endDate: date.nullable(),
    position: plainText(64).optional(),
    wageStructure: z.enum(['monthly', 'daily', 'hourly', 'piece']),
    monthlyWageFen: fen,
    workingHours: z.enum(['standard', 'comprehensive', 'flexible']).default('standard'),
    contractSigned: z.boolean(),
    contractSignedDate: date.nullable().optional(),
    /** When the worker learned the right was infringed (for the limitation warning). */
    harmKnownOn: date.optional(),
    /** How the job ended (the labor-law engine's termination ground), for the case analysis. */
    leavingReason: terminationGroundSchema.optional(),
    /** With leavingReason 'art38': the employer's fault (decides whether service before 2008 counts). */
    art38Reason: art38ReasonSchema.optional(),
  })
  // Dates against today are checked by the server (it knows what day it is in China).
  .superRefine((e, ctx) => {
    if (e.hireDate < EARLIEST_HIRE_DATE)
      ctx.addIssue({
        code: 'custom',
        path: ['hireDate'],
        message: `入职日期不能早于 ${EARLIEST_HIRE_DATE} / the hire date cannot be before ${EARLIEST_HIRE_DATE}`,
      });
    if (e.leavingReason && !e.endDate)
      ctx.addIssue({
        code: 'custom',
        path: ['leavingReason'],
        message: '填写离职原因时须填写离职日期 / a reason for leaving needs the end date',
      });
    if (e.art38Reason && e.leavingReason !== 'art38')
      ctx.addIssue({
        code: 'custom',
        path: ['art38Reason'],
        message:
          '仅在被迫解除（第三十八条）时填写 / only for a resignation under Labor Contract Law (劳动合同法) art. 38',
      });
    if (e.endDate && e.endDate < e.hireDate)
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: '离职日期不能早于入职日期 / the end date cannot be before the hire date',
      });
    if (e.contractSignedDate && e.contractSignedDate < EARLIEST_HIRE_DATE)
      ctx.addIssue({
        code: 'custom',
        path: ['contractSignedDate'],
        message: `签订日期不能早于 ${EARLIEST_HIRE_DATE} / the contract date cannot be before ${EARLIEST_HIRE_DATE}`,
      });
    if (e.harmKnownOn && e.harmKnownOn < e.hireDate)
      ctx.addIssue({
        code: 'custom',
        path: ['harmKnownOn'],
        message: '知道权利受侵害的日期不能早于入职日期 / the date the harm became known cannot be before the hire date',
      });
  });

export const claimsSchema = z
  .array(z.object({ type: z.enum(CLAIM_TYPES), amountFen: fen, description: plainText(500).default('') }))
  .min(1, '至少填写一项请求 / at least one claim')
  .max(MAX_CLAIMS, `请求不超过 ${MAX_CLAIMS} 项 / at most ${MAX_CLAIMS} claims`)
  .refine((claims) => claims.reduce((s, c) => s + c.amountFen, 0) <= MAX_CLAIM_FEN, {
    message: '请求金额合计不能超过 1 亿元 / the claims together cannot exceed ¥100,000,000',
  });

const employerInputSchema = z.object({
  employerId: z.string().uuid().optional(),
  name: nameText(2, 128),
  uscc: z.string().trim().max(18).optional(),
  contactName: plainText(32).optional(),
  contactPhone: mobilePhone.optional(),
  contactEmail: z.string().trim().email().optional(),
  /** An individual employer (个体、自然人) or an organisation (the default). */
  kind: z.enum(PARTY_KINDS).optional(),
  ...serviceFields,
});

/** The counter intake (a logged-in mediator); the online application below narrows it. */
export const intakeSchema = z.object({
  channel: z.enum(['counter', 'online']),
  kind: z.enum(CASE_KIND_VALUES).default('court_pre_filing'),
  courtId: z.string().uuid().optional(),
  /** The studio that takes the case; at the counter, the mediator's own. */
  mediationBodyId: z.string().uuid().optional(),
  /** An oral application recorded by the mediator at the counter (劳动争议调解仲裁法第十二条). */
  oral: z.boolean().default(false),
  appliedOn: date.optional(),
  worker: z.object({
    name: nameText(2, 32),
    phone: mobilePhone,
    residentId: z.string().trim().min(15).max(18).optional(),
    regionCode: z
      .string()
      .regex(/^\d{6}$/, '行政区划代码为 6 位数字 / a region code has 6 digits')
      .optional(),
    address: serviceFields.address,
    serviceAddress: serviceFields.serviceAddress,
  }),
  /** Collective cases (10 or more workers with a common claim) act through representatives. */
  workerCount: z.number().int().min(1).max(10_000).default(1),
  representatives: z
    .array(z.object({ name: nameText(2, 32), phone: mobilePhone }))
    .max(10)
    .default([]),
  /**
   * The one who hired the worker. In a construction case the hirer is the hiring chain's party that
   * hired the worker (construction.hiredWorker), so this may be left out; given, it must be that party.
   */
  employer: employerInputSchema.optional(),
  employment: employmentSchema,
  sector: z.enum(SECTOR_VALUES, { error: '请选择行业 / choose a sector' }),
  claims: claimsSchema,
  construction: hiringChainSchema.optional(),
  narrative: plainText(5000).min(5, '请简要说明经过 / describe what happened'),
  mediatorRequestsJudge: z.boolean().default(false),
  /** The mediator compared a USCC that fails its check character with the licence and keeps it. */
  acceptUsccWarning: z.boolean().default(false),
});
export type IntakeInput = z.input<typeof intakeSchema>;
export type Intake = z.infer<typeof intakeSchema>;

/**
 * The worker's own application on the phone (no login): the application date is the day it
 * arrives, so a date in the body is refused rather than trusted.
 */
export const onlineApplicationSchema = intakeSchema.extend({
  appliedOn: z
    .undefined({
      error:
        '在线申请以提交当天为申请日期，请勿填写 / an online application is dated the day it arrives; leave the date out',
    })
    .optional(),
});

const caseNumberText = plainText(40).min(5, '请填写案件编号 / case number required');
const smsCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '验证码为 6 位数字 / the code has 6 digits');

export const trackCodeRequestSchema = z.object({
  caseNumber: caseNumberText,
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号 / 11-digit mobile number'),
});
export const trackVerifySchema = z.object({ caseNumber: caseNumberText, code: smsCode });
export const signCodeSchema = z.object({ code: smsCode });

/** The hash of the agreement version the signer was shown (from its view), so nobody signs other terms. */
export const termsHashSchema = z
  .string({ error: '请刷新页面，核对协议后再签署 / reload and read the agreement before signing' })
  .regex(/^[0-9a-f]{64}$/, '协议版本无效，请刷新后重试 / invalid agreement version; reload');

/** The worker signs on the phone with a fresh SMS code (POST /track/sign). */
export const workerSignBodySchema = signCodeSchema.extend({ termsHash: termsHashSchema });
/**
 * The paying side signs through its link (POST /employer/:token/sign): the name of the person
 * signing for it and the one-time code sent to the party's registered phone.
 */
export const employerSignBodySchema = signCodeSchema.extend({
  termsHash: termsHashSchema,
  signerName: nameText(2, 32),
});

/** The employer's answer through its link. */
export const employerAnswerSchema = z
  .object({
    answer: z.enum(['accept', 'decline', 'counter']),
    counterAmountFen: fen.optional(),
    note: plainText(1000).optional(),
  })
  .refine((b) => b.answer !== 'counter' || b.counterAmountFen !== undefined, {
    message: '请填写对方提出的金额 / the amount offered is required',
    path: ['counterAmountFen'],
  });
export type EmployerAnswer = z.infer<typeof employerAnswerSchema>;
