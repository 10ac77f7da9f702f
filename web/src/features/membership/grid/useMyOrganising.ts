import { keepPreviousData } from '@tanstack/react-query';
import { api, type Page } from '../../../app/api';
import { useApiMutation, useApiQuery } from '../../../app/query';
import {
  ME_API,
  MY_FIGURES_API,
  MY_VISITS_API,
  VISITS_API,
  gridKeys,
  visitPhotoHref,
  visitPhotosPath,
} from './queryKeys';
import type { MyFigures, OrganiserSelf, Visit, VisitInput } from './types';

const VISITS_PAGE_SIZE = 10;

/** Who the signed-in organiser is (null: the account is not one), with their link and areas. */
export function useOrganiserSelf() {
  const me = useApiQuery(gridKeys.me, () => api.get<OrganiserSelf>(ME_API));
  return { loading: me.isPending, organiser: me.data?.organiser ?? null };
}

/** The organiser's own visits, newest first, a page at a time. */
export function useMyVisits(page: number) {
  const visits = useApiQuery(
    gridKeys.myVisits(page),
    () => api.get<Page<Visit>>(MY_VISITS_API, { page, pageSize: VISITS_PAGE_SIZE }),
    { placeholderData: keepPreviousData },
  );
  return { page: visits.data ?? null, loading: visits.isFetching, pageSize: VISITS_PAGE_SIZE };
}

/** This month's figures of the organiser. */
export function useMyFigures() {
  const figures = useApiQuery(gridKeys.myFigures, () => api.get<MyFigures>(MY_FIGURES_API));
  return figures.data ?? null;
}

/** Takes a photo off one of the organiser's visits. */
export function useRemoveVisitPhoto() {
  return useApiMutation(
    ({ visitId, photoId }: { visitId: string; photoId: string }) => api.remove<Visit>(visitPhotoHref(visitId, photoId)),
    [gridKeys.all],
  );
}

export interface NewVisit {
  body: VisitInput;
  photos: File[];
}

/**
 * Logs a visit, then uploads its photos one by one (the server takes one file a request). The
 * visit stands even when a photo is refused; the refused ones are answered for the page to say.
 */
export function useLogVisit() {
  return useApiMutation(
    async ({ body, photos }: NewVisit) => {
      const visit = await api.post<Visit>(VISITS_API, body);
      const failed: { name: string; error: unknown }[] = [];
      for (const file of photos) {
        try {
          await api.upload<Visit>(visitPhotosPath(visit.id), {}, file);
        } catch (error) {
          failed.push({ name: file.name, error });
        }
      }
      return { visit, failed };
    },
    [gridKeys.me],
  );
}
