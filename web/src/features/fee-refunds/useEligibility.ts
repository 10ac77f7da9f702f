import type { ExclusionFlag, SizeClass } from '../../../../contracts/fee-refunds/codes';
import { api } from '../../app/api';
import { useApiMutation } from '../../app/query';
import { FEE_ENTERPRISES_API, feeRefundKeys } from './queryKeys';
import type { FeeEnterprise } from './types';

export interface EligibilityBody {
  expectedVersion: number;
  declaredSizeClass: SizeClass | null;
  exclusionFlags: ExclusionFlag[];
  reason: string | null;
}

/** The checker's decision on an enterprise's eligibility (PUT …/enterprises/:uscc/eligibility). */
export function useEligibility(uscc: string) {
  return useApiMutation(
    (body: EligibilityBody) =>
      api.put<FeeEnterprise>(`${FEE_ENTERPRISES_API}/${encodeURIComponent(uscc)}/eligibility`, body),
    [feeRefundKeys.enterprise(uscc), feeRefundKeys.enterprises],
  );
}
