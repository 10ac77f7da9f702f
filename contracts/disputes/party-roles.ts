// The parties' roles and kinds with their labels, without zod: the web imports these for labels,
// and a module that builds zod schemas would pull zod's eval probe into pages under the CSP
// (tests/browser/csp.test.ts). The schemas of a party are in parties.ts.

export const PARTY_ROLES = ['worker', 'hirer', 'liable', 'other'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
/** A person (自然人: asked for an ID) or an organisation (单位: asked for a business licence). */
export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PARTY_ROLE_LABELS: Readonly<Record<PartyRole, { zh: string; en: string }>> = {
  worker: { zh: '申请人（职工）', en: 'Applicant (worker)' },
  hirer: { zh: '用工方', en: 'Hirer' },
  liable: { zh: '应付款方', en: 'Party liable to pay' },
  other: { zh: '其他当事方', en: 'Other party' },
};

/**
 * How the case file and its evidence list (证据清单: 提供人) name what the worker sent from the
 * phone; shown as the worker's role in English.
 */
export const WORKER_PROVIDER = '申请人';
