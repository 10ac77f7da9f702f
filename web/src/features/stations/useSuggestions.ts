import { useState } from 'react';
import type { Suggestion, SuggestionStatus } from '../../../../contracts/stations/board';
import { api } from '../../app/api';
import { useApiMutation } from '../../app/query';
import { usePaged } from '../../app/usePaged';
import { stationPath } from './queryKeys';

export type SuggestionAction = 'reply' | 'done';
export type SuggestionFilter = { status?: SuggestionStatus };

/** The station's message board for its staff: its address, under which every page is keyed. */
export const stationSuggestionsPath = (code: string) => `${stationPath(code)}/suggestions`;

/**
 * The station's suggestions for its staff: paged on the server by status, newest first; a reply
 * or the mark of done sent at the version shown, and the list asked again after either.
 */
export function useSuggestions(code: string) {
  const path = stationSuggestionsPath(code);
  const list = usePaged<Suggestion, SuggestionFilter>(path, {}, 10);
  const [target, setTarget] = useState<{ suggestion: Suggestion; action: SuggestionAction } | null>(null);
  const change = useApiMutation(
    ({
      id,
      action,
      reply,
      expectedVersion,
    }: {
      id: string;
      action: SuggestionAction;
      reply?: string;
      expectedVersion: number;
    }) => api.post<Suggestion>(`${path}/${encodeURIComponent(id)}/${action}`, { reply, expectedVersion }),
    [[path]],
  );
  return {
    items: list.items,
    loading: list.loading,
    pagination: list.pagination,
    status: list.filter.status,
    filterStatus: (status: SuggestionStatus | undefined) => list.search(status ? { status } : {}),
    target,
    open: (suggestion: Suggestion, action: SuggestionAction) => setTarget({ suggestion, action }),
    close: () => setTarget(null),
    /** Sends the open action for the suggestion as it was shown (its version). */
    send: (reply: string | undefined) =>
      target
        ? change.mutateAsync({
            id: target.suggestion.id,
            action: target.action,
            reply: reply?.trim() ? reply : undefined,
            expectedVersion: target.suggestion.version,
          })
        : Promise.resolve(null),
    sending: change.isPending,
  };
}

export type SuggestionsState = ReturnType<typeof useSuggestions>;
