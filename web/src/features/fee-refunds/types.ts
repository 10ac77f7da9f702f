// The shapes the fee-refund API answers with and accepts, from its schemas (types only: the
// contract files build zod schemas, which the page must not load at run time).
export type { FeeEnterprise, FeeImport, FeeImportStatus } from '../../../../contracts/fee-refunds/responses';
export type { FeeEnterpriseFilter, SizeClassFilter } from '../../../../contracts/fee-refunds';

/** The import states in which it is still being read or written (asked again every second). */
export const RUNNING = 'running';
