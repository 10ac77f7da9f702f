import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { BoardItem } from '../../../../../contracts/stations/board';
import { request, type Page } from '../../../app/api';
import { useApiMutation, useApiQuery } from '../../../app/query';
import { passToken, STATIONS_PUBLIC_API } from './publicApi';

const BOARD_PAGE_SIZE = 10;
const boardPath = (code: string) => `${STATIONS_PUBLIC_API}/${encodeURIComponent(code)}/suggestions`;
/** Every page of a station's board, under the public API's path. */
const boardKey = (code: string) => [STATIONS_PUBLIC_API, 'board', code] as const;

/**
 * A station's message board on the phone: its pages from the server, newest first, and a
 * registered worker's post (with the phone's session token), after which the first page shows it.
 */
export function useSuggestionBoard(code: string) {
  const [page, setPage] = useState(1);
  const board = useApiQuery(
    [...boardKey(code), { page }],
    () => request<Page<BoardItem>>('GET', boardPath(code), undefined, { page, pageSize: BOARD_PAGE_SIZE }),
    { placeholderData: keepPreviousData },
  );
  const post = useApiMutation(
    (body: string) =>
      request<BoardItem>('POST', boardPath(code), { body }, undefined, { 'x-station-token': passToken.get() ?? '' }),
    [boardKey(code)],
  );
  return {
    items: board.data?.items ?? [],
    loading: board.isPending,
    paging: {
      current: page,
      pageSize: BOARD_PAGE_SIZE,
      total: board.data?.total ?? 0,
      onChange: (p: number) => setPage(p),
    },
    post: async (body: string) => {
      await post.mutateAsync(body);
      setPage(1);
    },
    posting: post.isPending,
  };
}
