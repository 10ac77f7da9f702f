import type { HiringChainInput } from '../../../../contracts/disputes';
import type { StatsQuery } from './types';

export const CASES_API = '/api/disputes';
export const AT_RISK_API = '/api/disputes/at-risk';
const PUBLIC_API = '/api/public/disputes';

/**
 * Query keys of the dispute pages. Paged lists are keyed by their API path (see usePaged), one
 * case and its reads under ['/api/disputes', 'case', id], so a change of a case refreshes the
 * lists without refetching the case it just answered with.
 */
export const disputesKeys = {
  /** The pages of the case lists (all cases, the confirmation queue, the cases at risk). */
  lists: [
    [CASES_API, 'paged'],
    [AT_RISK_API, 'paged'],
  ] as const,
  case: (id: string) => [CASES_API, 'case', id] as const,
  /** Messages sent for a case: asked again whenever the case changes (a change may have sent some). */
  outbox: (id: string, version: number, events: number) => [CASES_API, 'case', id, 'outbox', version, events] as const,
  mediatorProposals: (id: string) => [CASES_API, 'case', id, 'mediator-proposals'] as const,
  judges: (id: string) => [CASES_API, 'case', id, 'judges'] as const,
  /** The statistics, keyed by the query sent (dimension, period, court). */
  stats: (query: StatsQuery) => [`${CASES_API}/stats`, query] as const,
  /** The server's proposal of who is liable for a construction chain, as typed at intake. */
  liabilityPreview: (chain: HiringChainInput | null) => [`${CASES_API}/liability-preview`, chain] as const,
  mediators: [`${CASES_API}/mediators`] as const,
  jointMediation: [`${CASES_API}/settings/joint-mediation`] as const,
  calendar: [`${CASES_API}/calendar-overrides`] as const,
  /** Public pages: a worker's case by the case token of this tab, an employer's by its link. */
  tracked: (token: string) => [`${PUBLIC_API}/track`, token] as const,
  trackedAll: [`${PUBLIC_API}/track`] as const,
  /** What the worker uploaded and the papers ready to download, by the same token. */
  trackedFiles: (token: string) => [`${PUBLIC_API}/track`, token, 'files'] as const,
  employerLink: (token: string) => [`${PUBLIC_API}/employer`, token] as const,
  studios: [`${PUBLIC_API}/studios`] as const,
};
