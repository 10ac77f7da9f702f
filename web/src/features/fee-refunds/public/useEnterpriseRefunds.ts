import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiRequestError } from '../../../app/api';
import { ASKED_ONCE, useApiQuery } from '../../../app/query';
import { feePublicKeys } from '../queryKeys';
import { feePublicApi, feeToken } from './publicApi';

/** A session the server no longer accepts is forgotten at once, and the page asks for a new code. */
async function loadLines(token: string, page: number) {
  try {
    return await feePublicApi.lines(token, page);
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) feeToken.clear();
    throw err;
  }
}

/**
 * The refund page's state and calls: the USCC typed, the code sent for it, the session a right
 * code opens (kept in this tab), and the page of refunds read with it. Sending a code and checking
 * one spend something once: mutations, never retried; the lines are asked once per token and page.
 */
export function useEnterpriseRefunds() {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => feeToken.get());
  const [codeSentFor, setCodeSentFor] = useState<string | null>(null);
  const [page, setPage] = useState(1);

  const requestCode = useMutation({
    mutationFn: (uscc: string) => feePublicApi.requestCode({ uscc }),
    onSuccess: (_sent, uscc) => setCodeSentFor(uscc),
  });
  const verify = useMutation({
    mutationFn: (code: string) => feePublicApi.verify({ uscc: codeSentFor ?? '', code }),
    onSuccess: (r) => {
      feeToken.set(r.token);
      setPage(1);
      setToken(r.token);
    },
  });
  const lines = useApiQuery(feePublicKeys.lines(token ?? '', page), () => loadLines(token ?? '', page), {
    ...ASKED_ONCE,
    enabled: !!token,
    // The previous page stays while the next loads; never another session's.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === token ? previous : undefined),
  });
  const expired = lines.error instanceof ApiRequestError && lines.error.status === 401;

  const signOut = () => {
    feeToken.clear();
    queryClient.removeQueries({ queryKey: feePublicKeys.all });
    setToken(null);
    setCodeSentFor(null);
    requestCode.reset();
    verify.reset();
  };

  return {
    signedIn: !!token && !expired,
    expired,
    codeSentFor,
    /** Back to the USCC, to ask for a code again or for another enterprise. */
    startOver: () => {
      setCodeSentFor(null);
      verify.reset();
    },
    requestCode,
    verify,
    lines,
    page,
    setPage,
    signOut,
  };
}
