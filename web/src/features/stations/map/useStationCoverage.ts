import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { COVERAGE_WALK_M } from '../../../../../contracts/stations/codes';
import type { coverageSchema } from '../../../../../contracts/stations/coverage';
import { api } from '../../../app/api';
import { useApiQuery } from '../../../app/query';
import { STATIONS_API } from '../queryKeys';

/** GET /api/stations/coverage (types only: the page loads no zod). */
export type Coverage = z.infer<typeof coverageSchema>;
export type CoverageArea = Coverage['areas'][number];

export const STATIONS_COVERAGE_API = `${STATIONS_API}/coverage`;

/**
 * The coverage of the dashboard's region: the walking distance and the time of day chosen here
 * (none: now), under the stations' key so that a changed station refreshes it.
 */
export function useStationCoverage(regionCode: string | null) {
  const [walkM, setWalkM] = useState<number>(COVERAGE_WALK_M.default);
  const [at, setAt] = useState<string | null>(null);
  const query = { regionCode: regionCode ?? undefined, walkM, at: at ?? undefined };
  const coverage = useApiQuery(
    [STATIONS_API, 'coverage', query],
    () => api.get<Coverage>(STATIONS_COVERAGE_API, query),
    { placeholderData: keepPreviousData },
  );
  return { walkM, setWalkM, at, setAt, coverage };
}
