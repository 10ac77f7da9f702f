import { useState } from 'react';
import { todayInChina } from '../../../../../contracts/dates';
import { api, type Page } from '../../../app/api';
import type { RemoteOption } from '../../../app/components/RemoteSelect';
import { useApiMutation, useApiQuery } from '../../../app/query';
import { usePaged } from '../../../app/usePaged';
import { MEMBERS_API, RECOMMENDATION_COUNTS_API, RECOMMENDATIONS_API, recommendationKeys } from './queryKeys';
import type {
  MemberRow,
  NominationInput,
  OutcomeInput,
  Recommendation,
  RecommendationCounts,
  ReviewInput,
} from './types';

export interface RecommendationFilter {
  [key: string]: string | number | undefined;
  year: number;
  status?: string;
  organizationId?: string;
}

export const thisYear = () => Number(todayInChina().slice(0, 4));

/** What every step changes: the list's pages and the year's counts. */
const CHANGES = [recommendationKeys.all, recommendationKeys.counts] as const;

/**
 * The recommendations tab: the list (server-paged, by year, status and organization), the
 * counts of the year the list shows, and the three steps, each a mutation at the version shown.
 */
export function useRecommendations() {
  const list = usePaged<Recommendation, RecommendationFilter>(RECOMMENDATIONS_API, { year: thisYear() });
  const year = list.filter.year;
  const counts = useApiQuery(recommendationKeys.countsOf(year), () =>
    api.get<RecommendationCounts>(RECOMMENDATION_COUNTS_API, { year }),
  );
  const [reviewing, setReviewing] = useState<Recommendation | null>(null);
  const [deciding, setDeciding] = useState<Recommendation | null>(null);
  const nominate = useApiMutation((v: NominationInput) => api.post<Recommendation>(RECOMMENDATIONS_API, v), CHANGES);
  const review = useApiMutation((v: ReviewInput & { id: string }) => {
    const { id, ...body } = v;
    return api.post<Recommendation>(`${RECOMMENDATIONS_API}/${encodeURIComponent(id)}/review`, body);
  }, CHANGES);
  const outcome = useApiMutation((v: OutcomeInput & { id: string }) => {
    const { id, ...body } = v;
    return api.post<Recommendation>(`${RECOMMENDATIONS_API}/${encodeURIComponent(id)}/outcome`, body);
  }, CHANGES);
  return { list, counts: counts.data, reviewing, setReviewing, deciding, setDeciding, nominate, review, outcome };
}

/** Active members of the region matching the typed name or member number (the nominate form's picker). */
export async function searchMembers(q: string): Promise<RemoteOption[]> {
  const page = await api.get<Page<MemberRow>>(MEMBERS_API, {
    q: q.trim() || undefined,
    status: 'active',
    pageSize: 20,
  });
  return page.items.map((m) => ({ value: m.id, label: `${m.name} · ${m.memberNo} · ${m.organizationName}` }));
}
