import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { COURTS_API, courtKeys } from '../courts/queryKeys';
import type { CourtList } from '../courts/types';
import type { Court } from './types';

/** Courts in the caller's scope (GET /api/courts); none while loading or when the list cannot be had. */
export function useCourts(): Court[] {
  const courts = useQuery({
    queryKey: courtKeys.inScope,
    queryFn: () => api.get<CourtList>(COURTS_API).then((r) => r.items),
  });
  return courts.data ?? [];
}
