import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { MembershipReport, MembershipReportQuery } from '../../../../../contracts/membership/reports';
import { api } from '../../../app/api';
import { useApiQuery } from '../../../app/query';

export const MEMBERSHIP_REPORTS_API = '/api/membership/reports';
export type { MembershipReport };

/** The figures of a region (the user's own until another is picked) as of a day (today until one is chosen). */
export function useMembershipReport() {
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const query: MembershipReportQuery = { regionCode: regionCode ?? undefined, asOf: asOf ?? undefined };
  const report = useApiQuery(
    [MEMBERSHIP_REPORTS_API, query] as const,
    () => api.get<MembershipReport>(MEMBERSHIP_REPORTS_API, query),
    {
      placeholderData: keepPreviousData,
    },
  );
  return { regionCode, setRegionCode, asOf, setAsOf, report: report.data ?? null, loading: report.isFetching };
}
