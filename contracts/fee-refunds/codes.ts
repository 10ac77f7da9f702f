// The codes of union-fee refunds (经费返还) with their labels, without zod: pages import these at
// run time, and a module that builds zod schemas would put zod's eval probe into them under the
// Content-Security-Policy. The rules that use them are in server/modules/fee-refunds/rules/.
import type { OrganizationKind } from '../organizations/kinds.js';

export interface Label {
  zh: string;
  en: string;
}

/**
 * Enterprise size classes (工信部联企业〔2011〕300号《中小企业划型标准规定》第二条: 中型、小型、微型;
 * 第七条: the medium class's upper limit is the large class's lower limit).
 */
export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const SIZE_CLASS_LABELS: Readonly<Record<SizeClass, Label>> = {
  large: { zh: '大型企业', en: 'Large enterprise' },
  medium: { zh: '中型企业', en: 'Medium enterprise' },
  small: { zh: '小型企业', en: 'Small enterprise' },
  micro: { zh: '微型企业', en: 'Micro enterprise' },
};

/** Larger first: a class's rank, 0 = large … 3 = micro. */
export function sizeClassRank(c: SizeClass): number {
  return SIZE_CLASSES.indexOf(c);
}

/** The sixteen industries of 300号第三条, each with its own thresholds (第四条（一）至（十六）). */
export const SIZE_CATEGORIES = [
  'agriculture',
  'industry',
  'construction',
  'wholesale',
  'retail',
  'transport',
  'warehousing',
  'postal',
  'accommodation',
  'catering',
  'information_transmission',
  'software_it',
  'real_estate_development',
  'property_management',
  'leasing_business',
  'other',
] as const;
export type SizeCategory = (typeof SIZE_CATEGORIES)[number];

export const SIZE_CATEGORY_LABELS: Readonly<Record<SizeCategory, Label>> = {
  agriculture: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  industry: { zh: '工业', en: 'Industry (mining, manufacturing, utilities)' },
  construction: { zh: '建筑业', en: 'Construction' },
  wholesale: { zh: '批发业', en: 'Wholesale' },
  retail: { zh: '零售业', en: 'Retail' },
  transport: { zh: '交通运输业', en: 'Transport (not railways)' },
  warehousing: { zh: '仓储业', en: 'Warehousing' },
  postal: { zh: '邮政业', en: 'Postal services' },
  accommodation: { zh: '住宿业', en: 'Accommodation' },
  catering: { zh: '餐饮业', en: 'Catering' },
  information_transmission: { zh: '信息传输业', en: 'Information transmission (telecoms, internet)' },
  software_it: { zh: '软件和信息技术服务业', en: 'Software and IT services' },
  real_estate_development: { zh: '房地产开发经营', en: 'Real estate development' },
  property_management: { zh: '物业管理', en: 'Property management' },
  leasing_business: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
  other: { zh: '其他未列明行业', en: 'Other industries not listed' },
};

/** The figures the classes are set on (300号第二条): 从业人员, 营业收入, 资产总额. */
export const SIZE_INDICATORS = ['employees', 'revenue', 'assets'] as const;
export type SizeIndicator = (typeof SIZE_INDICATORS)[number];

export const SIZE_INDICATOR_LABELS: Readonly<Record<SizeIndicator, Label>> = {
  employees: { zh: '从业人员', en: 'Employees' },
  revenue: { zh: '营业收入', en: 'Revenue' },
  assets: { zh: '资产总额', en: 'Total assets' },
};

/**
 * The union levels that share a fee, from the enterprise's own union up to the national
 * federation. The same codes as the organization kinds (contracts/organizations/kinds.ts).
 */
export const UNION_LEVELS = [
  'grassroots',
  'county',
  'city',
  'provincial',
  'national',
] as const satisfies readonly OrganizationKind[];
export type UnionLevel = (typeof UNION_LEVELS)[number];

export const UNION_LEVEL_LABELS: Readonly<Record<UnionLevel, Label>> = {
  grassroots: { zh: '基层工会', en: 'Grassroots union' },
  county: { zh: '县级工会', en: 'County federation' },
  city: { zh: '市级工会', en: 'City federation' },
  provincial: { zh: '省级工会', en: 'Provincial federation' },
  national: { zh: '全国总工会', en: 'All-China Federation of Trade Unions' },
};

/** Where a refund line's returned money goes. */
export const DESTINATION_KINDS = [
  'union_account',
  'paying_account',
  'county_pooled',
  'preparation_fund_held',
  'none',
] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export const DESTINATION_KIND_LABELS: Readonly<Record<DestinationKind, Label>> = {
  union_account: { zh: '返还至企业工会账户', en: "To the enterprise union's account" },
  paying_account: { zh: '返还至企业缴费账户', en: "To the enterprise's paying account" },
  county_pooled: { zh: '返还至县级工会归集账户', en: "To the county federation's pooled account" },
  preparation_fund_held: {
    zh: '作为筹备金留存（建会后返还）',
    en: 'Held as preparation fund (refunded once a union is set up)',
  },
  none: { zh: '不返还', en: 'Nothing returned' },
};

/** Where a policy sends the refund of an enterprise with no union, or a union without an account. */
export const NO_UNION_ROUTES = ['preparation_fund_held', 'paying_account', 'county_pooled'] as const;
export const NO_UNION_ACCOUNT_ROUTES = ['paying_account', 'county_pooled'] as const;

/** A policy version's state (policies.ts): a draft is used by no run until a checker puts it in force. */
export const POLICY_STATUSES = ['draft', 'active'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_STATUS_LABELS: Readonly<Record<PolicyStatus, Label>> = {
  draft: { zh: '草稿（未生效）', en: 'Draft (not in force)' },
  active: { zh: '已生效', en: 'In force' },
};

/** Which part of a policy version applies to a collection. */
export const ELIGIBILITY_GROUPS = ['small_micro', 'ordinary'] as const;
export type EligibilityGroup = (typeof ELIGIBILITY_GROUPS)[number];

export const ELIGIBILITY_GROUP_LABELS: Readonly<Record<EligibilityGroup, Label>> = {
  small_micro: { zh: '小微企业返还', en: 'Small and micro enterprise refund' },
  ordinary: { zh: '常规分成', en: 'Usual split' },
};

/**
 * Facts about an enterprise that a policy version may name as excluding it from the small and
 * micro refund. The Jiangsu seed names none.
 */
export const EXCLUSION_FLAGS = ['state_owned', 'branch_of_large_enterprise', 'not_an_enterprise'] as const;
export type ExclusionFlag = (typeof EXCLUSION_FLAGS)[number];

export const EXCLUSION_FLAG_LABELS: Readonly<Record<ExclusionFlag, Label>> = {
  state_owned: { zh: '国有及国有控股企业', en: 'State-owned or state-controlled enterprise' },
  branch_of_large_enterprise: { zh: '大中型企业的分支机构', en: 'Branch of a large or medium enterprise' },
  not_an_enterprise: { zh: '非企业单位（机关、事业单位、社会组织）', en: 'Not an enterprise' },
};

/** The notes the rules attach to a classification or a refund line (each with its text). */
export const FEE_NOTE_CODES = [
  'industry_code_invalid',
  'industry_not_covered',
  'category_inferred',
  'category_by_analogy',
  'indicator_missing',
  'size_class_declared',
  'size_unknown',
  'not_small_or_micro',
  'excluded_by_flag',
  'above_small_payer_threshold',
  'annual_paid_missing',
  'period_split_across_policies',
  'no_union_preparation_fund',
  'no_union_account',
] as const;
export type FeeNoteCode = (typeof FEE_NOTE_CODES)[number];

export interface FeeNote {
  code: FeeNoteCode;
  zh: string;
  en: string;
}

/** Why a collection row got no refund line at all. */
export const REFUND_PROBLEM_CODES = [
  'invalid_amount',
  'invalid_period',
  'invalid_region',
  'uscc_mismatch',
  'no_policy',
] as const;
export type RefundProblemCode = (typeof REFUND_PROBLEM_CODES)[number];

export interface RefundProblem {
  code: RefundProblemCode;
  zh: string;
  en: string;
}

/**
 * One refund line: the part of a collection row that one policy version governs. All amounts are
 * integer fen, and collectedFen = refundedFen + pendingFen + Σ retainedFen.
 */
export interface RefundLine {
  /** the policy version applied */
  policyId: string;
  /** the collection row's region (GB/T 2260) */
  regionCode: string;
  /** the part of the tax period this line covers (the whole period unless it crosses versions) */
  periodFrom: string;
  periodTo: string;
  group: EligibilityGroup;
  /** the size class the eligibility was decided on; null when it could not be determined */
  sizeClass: SizeClass | null;
  collectedFen: number;
  /** each level's part of the money returned to the enterprise (paid or held) */
  returnedByLevel: Readonly<Record<UnionLevel, number>>;
  /** what each level keeps */
  retainedByLevel: Readonly<Record<UnionLevel, number>>;
  /** returned and paid out (to destination) */
  refundedFen: number;
  /** returned but held (preparation fund until a union is set up) */
  pendingFen: number;
  destination: DestinationKind;
  notes: readonly FeeNote[];
}
