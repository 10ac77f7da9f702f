import { useState } from 'react';
import type {
  MyDonation,
  SupplyItem,
  SupplyItemInput,
  SupplyList,
  SupplyMove,
  SupplyMoveInput,
  SupplyMoveKind,
} from '../../../../contracts/stations/supplies';
import { api } from '../../app/api';
import { useApiMutation, useApiQuery } from '../../app/query';
import { usePaged } from '../../app/usePaged';
import { STATIONS_API, stationPath } from './queryKeys';

/** A station's supplies (the items with their stock), and their records under it. */
export const stationSuppliesPath = (code: string) => `${stationPath(code)}/supplies`;
export const stationSupplyMovesPath = (code: string) => `${stationSuppliesPath(code)}/moves`;
/** The signed-in donor company's own donations. */
export const MY_DONATIONS_API = `${STATIONS_API}/my-donations`;

/** What the move form sends besides the kind and the version read. */
export type MoveValues = Pick<SupplyMoveInput, 'quantity' | 'donorAccountId' | 'donorName' | 'note'>;

/**
 * A station's supplies for its staff: the items (one query), the records paged on the server,
 * the forms open (a new item, a move of an item at the version shown, a thank-you) and the writes,
 * after which the items and the records are asked again.
 */
export function useSupplies(code: string) {
  const path = stationSuppliesPath(code);
  const movesPath = stationSupplyMovesPath(code);
  const items = useApiQuery([path], () => api.get<SupplyList>(path));
  const moves = usePaged<SupplyMove>(movesPath, {}, 10);
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState<{ item: SupplyItem; kind: SupplyMoveKind } | null>(null);
  const [thanking, setThanking] = useState<SupplyMove | null>(null);
  const changed = [[path], [movesPath]] as const;

  const create = useApiMutation((input: SupplyItemInput) => api.post<SupplyItem>(path, input), changed);
  const move = useApiMutation(
    ({ item, input }: { item: SupplyItem; input: SupplyMoveInput }) =>
      api.post<SupplyItem>(`${path}/${encodeURIComponent(item.id)}/moves`, input),
    changed,
  );
  const thank = useApiMutation(
    ({ id, note }: { id: string; note: string }) =>
      api.post<SupplyMove>(`${movesPath}/${encodeURIComponent(id)}/thank`, { note }),
    changed,
  );

  return {
    items: items.data?.items ?? [],
    loading: items.isFetching,
    moves: moves.items,
    movesLoading: moves.loading,
    movesPagination: moves.pagination,
    creating,
    openCreate: () => setCreating(true),
    closeCreate: () => setCreating(false),
    create: (input: SupplyItemInput) => create.mutateAsync(input),
    moving,
    openMove: (item: SupplyItem, kind: SupplyMoveKind) => setMoving({ item, kind }),
    closeMove: () => setMoving(null),
    /** Sends the open move for the item as it was shown (its version). */
    sendMove: (values: MoveValues) =>
      moving
        ? move.mutateAsync({
            item: moving.item,
            input: { kind: moving.kind, expectedVersion: moving.item.version, ...values },
          })
        : Promise.resolve(null),
    thanking,
    openThank: (m: SupplyMove) => setThanking(m),
    closeThank: () => setThanking(null),
    sendThank: (note: string) => (thanking ? thank.mutateAsync({ id: thanking.id, note }) : Promise.resolve(null)),
    sending: create.isPending || move.isPending || thank.isPending,
  };
}

export type SuppliesState = ReturnType<typeof useSupplies>;

/** The donor's own donations, paged on the server (cards on a phone). */
export function useMyDonations() {
  const list = usePaged<MyDonation>(MY_DONATIONS_API, {}, 10);
  return { items: list.items, loading: list.loading, pagination: list.pagination };
}
