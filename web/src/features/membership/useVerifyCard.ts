import { api } from '../../app/api';
import { useApiMutation } from '../../app/query';
import { VERIFY_CARD_API } from './queryKeys';
import type { VerifiedCard } from './types';

/** A scanned or pasted card code checked by the server; nothing is changed, so nothing is refetched. */
export function useVerifyCard() {
  const check = useApiMutation((cardCode: string) => api.post<VerifiedCard>(VERIFY_CARD_API, { cardCode }), []);
  return {
    verify: (cardCode: string) => {
      if (cardCode.trim()) check.mutate(cardCode.trim());
    },
    checking: check.isPending,
    result: check.data ?? null,
    error: check.error,
  };
}
