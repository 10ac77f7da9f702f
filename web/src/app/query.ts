import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiRequestError } from './api';
import { useShowError } from './errors';

/**
 * One query client for the app. A read is not retried when the server answered (a 4xx will
 * answer the same again; the error is shown); network failures get one retry. Data stays fresh
 * for 30 s so that going back to a page does not flash a spinner.
 */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, err) => !(err instanceof ApiRequestError) && failures < 1,
      },
    },
  });
}

/**
 * useQuery that shows a failed load the way every page does (a message in the user's language),
 * once per failure. Pages read `data`, `isPending` and `refetch` from the result.
 */
export function useApiQuery<T>(
  key: QueryKey,
  load: () => Promise<T>,
  options: Omit<UseQueryOptions<T, Error, T, QueryKey>, 'queryKey' | 'queryFn'> = {},
) {
  const showError = useShowError();
  const result = useQuery<T, Error, T, QueryKey>({ queryKey: key, queryFn: load, ...options });
  const shown = useRef<unknown>(null);
  useEffect(() => {
    if (result.error && shown.current !== result.error) {
      shown.current = result.error;
      showError(result.error);
    }
  }, [result.error, showError]);
  return result;
}

/**
 * Options of a read that spends or checks a one-time secret (a worker's case token, an employer's
 * answer link): asked once, never retried, never refetched on its own (focus, reconnect, remount).
 * A new answer comes only from the user's next action. Nothing is kept once the page is left
 * (gcTime 0): coming back asks again, and a shared phone keeps no case in memory.
 */
export const ASKED_ONCE = {
  retry: false,
  staleTime: Infinity,
  gcTime: 0,
  refetchOnMount: false,
  refetchOnReconnect: false,
  refetchOnWindowFocus: false,
} as const;

/**
 * A write as a mutation: `send` does the request; on success every read under `invalidates`
 * (query keys from the features' queryKeys.ts) is refetched before the mutation resolves, so a
 * form that closes on success closes onto fresh lists.
 */
export function useApiMutation<V, R = unknown>(send: (variables: V) => Promise<R>, invalidates: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation<R, Error, V>({
    mutationFn: send,
    onSuccess: () => Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
