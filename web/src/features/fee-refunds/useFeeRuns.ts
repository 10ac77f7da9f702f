import { api } from '../../app/api';
import { useApiMutation } from '../../app/query';
import { cleanFilter, usePaged } from '../../app/usePaged';
import {
  FEE_BANK_RETURNS_API,
  FEE_BATCHES_API,
  FEE_REBATCH_API,
  FEE_RUNS_API,
  cycleKeys,
  feeRefundKeys,
} from './queryKeys';
import type { FeeBankReturn, FeeBatch, FeeRebatch, FeeRun, FeeRunRequest } from './types';

export interface BatchFilter {
  status?: FeeBatch['status'];
  [key: string]: string | undefined;
}

/** A batch's payment file for the bank: ISO 20022 pain.001 or the CSV some banks take. */
export const paymentFileHref = (batch: FeeBatch, format: 'pain.001' | 'csv') =>
  `${FEE_BATCHES_API}/${batch.id}/payment-file?format=${format}`;

/**
 * The runs and batches tab: computing a region's month, the batches (server-paged, by status),
 * their submission and approval, the bank's result file and the re-batching of returned lines.
 * Every write asks the batches, the lines and the runs again.
 */
export function useFeeRuns() {
  const batches = usePaged<FeeBatch, BatchFilter>(FEE_BATCHES_API, {});
  const run = useApiMutation((body: FeeRunRequest) => api.post<FeeRun>(FEE_RUNS_API, body), [...cycleKeys]);
  const submit = useApiMutation(
    (batch: FeeBatch) => api.post<FeeBatch>(`${FEE_BATCHES_API}/${batch.id}/submit`),
    [...cycleKeys],
  );
  const approve = useApiMutation(
    (batch: FeeBatch) => api.post<FeeBatch>(`${FEE_BATCHES_API}/${batch.id}/approve`),
    [...cycleKeys],
  );
  const bankReturn = useApiMutation(
    (file: File) => api.upload<FeeBankReturn>(FEE_BANK_RETURNS_API, {}, file),
    [...cycleKeys, feeRefundKeys.enterprises],
  );
  const rebatch = useApiMutation(
    (regionCode: string) => api.post<FeeRebatch>(FEE_REBATCH_API, { regionCode }),
    [...cycleKeys],
  );
  const filterBatches = (values: object) => batches.search(cleanFilter<BatchFilter>(values));
  return { batches, filterBatches, run, submit, approve, bankReturn, rebatch };
}

export type FeeRuns = ReturnType<typeof useFeeRuns>;
