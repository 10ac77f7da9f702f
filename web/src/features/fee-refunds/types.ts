// The shapes the fee-refund API answers with and accepts, from its schemas (types only: the
// contract files build zod schemas, which the page must not load at run time).
export type {
  FeeEnterprise,
  FeeImport,
  FeeImportStatus,
  FeeReconciliation,
  FeeReconciliationGroup,
  ReconciliationStatus,
} from '../../../../contracts/fee-refunds/responses';
export type { FeeBankReturn, FeeBatch, FeeLine, FeeRun, FeeRunRequest } from '../../../../contracts/fee-refunds/runs';
export type { FeeStats, FeeStatsRow } from '../../../../contracts/fee-refunds/stats';
export type { UnionAccount, UnionAccountBody, UnionAccountKind } from '../../../../contracts/fee-refunds/accounts';
export type {
  FeeEnterpriseFilter,
  FeeImportKind,
  FeeReconciliationFilter,
  SizeClassFilter,
} from '../../../../contracts/fee-refunds';

/** The import states in which it is still being read or written (asked again every second). */
export const RUNNING = 'running';

/** The files the import tab takes (FEE_IMPORT_KINDS in contracts/fee-refunds.ts, which loads zod). */
export const IMPORT_KINDS = ['enterprises', 'tax', 'bank_credits'] as const;

/** POST /api/fee-refunds/rebatch's answer (feeRebatchSchema). */
export interface FeeRebatch {
  batches: { id: string; lines: number; totalFen: number }[];
  waiting: number;
}
export type { PolicyBody, PolicyVersionView } from '../../../../contracts/fee-refunds/policies';
