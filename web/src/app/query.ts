import { QueryClient, useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
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
