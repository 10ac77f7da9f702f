import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useShowError } from '../../../app/errors';
import { useApiMutation, useApiQuery } from '../../../app/query';
import { disputesKeys } from '../queryKeys';
import type { Mediator, MediatorList } from '../types';

/** What a mediator's profile form edits and PUT /api/disputes/mediators/:id/profile takes: those fields of the row. */
export type Profile = Pick<Mediator, 'expertise' | 'available' | 'conflictEmployerIds'>;

export const profileOf = (m: Mediator): Profile => ({
  expertise: m.expertise,
  available: m.available,
  conflictEmployerIds: m.conflictEmployerIds,
});

const saveProfile = (id: string, profile: Profile) => api.put(`/api/disputes/mediators/${id}/profile`, profile);

/** The studio's mediators, and the two ways their profiles change: the availability switch and the edit form. */
export function useMediators() {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const list = useApiQuery(disputesKeys.mediators, () =>
    api.get<MediatorList>('/api/disputes/mediators').then((d) => d.items),
  );

  // The switch changes one field: the row is updated in place, the list is not asked for again.
  const availability = useMutation({
    mutationFn: ({ mediator, available }: { mediator: Mediator; available: boolean }) =>
      saveProfile(mediator.id, { ...profileOf(mediator), available }),
    onSuccess: (_, { mediator, available }) =>
      queryClient.setQueryData<Mediator[]>(disputesKeys.mediators, (items) =>
        items?.map((m) => (m.id === mediator.id ? { ...m, available } : m)),
      ),
    onError: showError,
  });

  const edit = useApiMutation(
    ({ id, profile }: { id: string; profile: Profile }) => saveProfile(id, profile),
    [disputesKeys.mediators],
  );

  return {
    items: list.data,
    loading: list.isPending,
    setAvailable: (mediator: Mediator, available: boolean) => availability.mutate({ mediator, available }),
    /** The mediator whose switch is being saved. */
    savingId: availability.isPending ? availability.variables.mediator.id : null,
    saveProfile: (id: string, profile: Profile) => edit.mutateAsync({ id, profile }),
  };
}
