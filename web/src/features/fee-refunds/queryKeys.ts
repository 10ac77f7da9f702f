/** The fee-refund API's registry, imports and refund cycle; every read is keyed under its path. */
export const FEE_ENTERPRISES_API = '/api/fee-refunds/enterprises';
export const FEE_IMPORTS_API = '/api/fee-refunds/imports';
export const FEE_RECONCILIATION_API = '/api/fee-refunds/reconciliation';
export const FEE_RUNS_API = '/api/fee-refunds/runs';
export const FEE_BATCHES_API = '/api/fee-refunds/batches';
export const FEE_LINES_API = '/api/fee-refunds/lines';
export const FEE_BANK_RETURNS_API = '/api/fee-refunds/bank-returns';
export const FEE_REBATCH_API = '/api/fee-refunds/rebatch';
export const FEE_STATS_API = '/api/fee-refunds/stats';
export const FEE_PAYING_ACCOUNTS_API = '/api/fee-refunds/paying-accounts';
export const FEE_POOLED_ACCOUNTS_API = '/api/fee-refunds/pooled-accounts';
export const FEE_POLICIES_API = '/api/fee-refunds/policies';
/** The signed-in employer agent's own enterprise's refunds. */
export const FEE_MY_REFUNDS_API = '/api/fee-refunds/my-refunds';

export const feeRefundKeys = {
  /** Every page of the registry and every enterprise record: invalidated by an import or a rollback. */
  enterprises: [FEE_ENTERPRISES_API] as const,
  enterprise: (uscc: string) => [FEE_ENTERPRISES_API, 'one', uscc] as const,
  imports: [FEE_IMPORTS_API] as const,
  import: (id: string) => [FEE_IMPORTS_API, 'one', id] as const,
  /** Every window of the reconciliation: a tax or bank file changes it. */
  reconciliation: [FEE_RECONCILIATION_API] as const,
  runs: [FEE_RUNS_API] as const,
  /** Every page of the batches: a run, a submission, an approval, a bank result or a re-batch changes them. */
  batches: [FEE_BATCHES_API] as const,
  /** Every page of the refund lines: changed by the same writes as the batches. */
  lines: [FEE_LINES_API] as const,
  /** Every region and year of the statistics: the cycle's writes change them. */
  statsAll: [FEE_STATS_API] as const,
  stats: (regionCode: string, year: number) => [FEE_STATS_API, regionCode, year] as const,
  myRefunds: (page: number) => [FEE_MY_REFUNDS_API, page] as const,
  /** The policy versions: every draft, activation or end changes the one list. */
  policies: [FEE_POLICIES_API] as const,
  unionAccounts: (kind: 'paying' | 'pooled') =>
    [kind === 'paying' ? FEE_PAYING_ACCOUNTS_API : FEE_POOLED_ACCOUNTS_API] as const,
};

/** What the refund cycle's writes change: the batches and the lines (and the runs that made them). */
export const cycleKeys = [
  feeRefundKeys.batches,
  feeRefundKeys.lines,
  feeRefundKeys.runs,
  feeRefundKeys.statsAll,
] as const;

/** The enterprise's own refunds without an account (the /refunds phone page), by its session token. */
export const FEE_PUBLIC_API = '/api/public/fee-refunds';
export const feePublicKeys = {
  all: [`${FEE_PUBLIC_API}/lines`] as const,
  lines: (token: string, page: number) => [`${FEE_PUBLIC_API}/lines`, token, page] as const,
};
