import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { takeEarlyAnswer, takeEarlyRead } from '../../../app/early-reads';
import { disputesKeys } from '../queryKeys';
import type { CaseDetail } from '../types';

/** The case detail; the page shows a failed load itself (no toast), with the last detail kept on a failed refetch. */
export function useCase(id: string) {
  const query = useQuery({
    queryKey: disputesKeys.case(id),
    // The first read may have started with the app (routes.tsx preloadPage): its answer, when
    // already here, is the first render's data; still on its way, the query waits for it.
    initialData: () => takeEarlyAnswer<CaseDetail>(`/api/disputes/${id}`),
    queryFn: () => takeEarlyRead<CaseDetail>(`/api/disputes/${id}`) ?? api.get<CaseDetail>(`/api/disputes/${id}`),
  });
  return { detail: query.data ?? null, error: query.error };
}

/** Asks for the case again (it changed underneath: a 409, an upload that answers no detail). */
export function useReloadCase(id: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: disputesKeys.case(id) });
}

/**
 * A change of the case whose answer is the case as it now stands: the answer replaces the cached
 * case (nothing is asked again), and the case lists, whose stage or deadline columns may have
 * changed, are refreshed.
 */
export function useCaseChange<V>(id: string, send: (variables: V) => Promise<CaseDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      queryClient.setQueryData(disputesKeys.case(id), detail);
      for (const queryKey of disputesKeys.lists) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
