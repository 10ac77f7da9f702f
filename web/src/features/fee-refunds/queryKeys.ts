/** The fee-refund API's registry and imports; every read is keyed under its path. */
export const FEE_ENTERPRISES_API = '/api/fee-refunds/enterprises';
export const FEE_IMPORTS_API = '/api/fee-refunds/imports';

export const feeRefundKeys = {
  /** Every page of the registry and every enterprise record: invalidated by an import or a rollback. */
  enterprises: [FEE_ENTERPRISES_API] as const,
  enterprise: (uscc: string) => [FEE_ENTERPRISES_API, 'one', uscc] as const,
  imports: [FEE_IMPORTS_API] as const,
  import: (id: string) => [FEE_IMPORTS_API, 'one', id] as const,
};
