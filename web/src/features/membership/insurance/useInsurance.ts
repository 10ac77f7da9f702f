import { useState } from 'react';
import { todayInChina } from '../../../../../contracts/dates';
import { EXPIRING_DAYS_DEFAULT } from '../../../../../contracts/membership/insurance-codes';
import { api } from '../../../app/api';
import { useApiMutation, useApiQuery } from '../../../app/query';
import { usePaged } from '../../../app/usePaged';
import { COVERAGE_API, EXPIRING_API, INSURANCE_API, insuranceKeys } from './queryKeys';
import type { Coverage, ExpiringItem, InsuranceInput, InsuranceRecord } from './types';

/** The coverage of the region's members on a day (today unless another is picked). */
export function useCoverage() {
  const [day, setDay] = useState(() => todayInChina());
  const coverage = useApiQuery(insuranceKeys.coverageOn(day), () => api.get<Coverage>(COVERAGE_API, { day }));
  return { day, setDay, coverage: coverage.data, loading: coverage.isFetching };
}

/** Cover ending within the chosen number of days, paged on the server. */
export function useExpiring() {
  return usePaged<ExpiringItem, { days: number }>(EXPIRING_API, { days: EXPIRING_DAYS_DEFAULT });
}

/** One cover recorded by hand: the coverage and the expiring list are asked again. */
export function useRecordInsurance() {
  return useApiMutation(
    (input: InsuranceInput) => api.post<InsuranceRecord>(INSURANCE_API, input),
    [insuranceKeys.coverage, insuranceKeys.expiring],
  );
}
