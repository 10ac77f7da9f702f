/**
 * The steps of a recommendation for party membership (推优入党) that the web offers at run time
 * (no zod here; the requests and answers are in recommendations.ts, the statuses in codes.ts).
 */

/** The review of a nomination by another staff member: endorse it, or decline it. */
export const RECOMMENDATION_DECISIONS = ['endorse', 'decline'] as const;
export type RecommendationDecision = (typeof RECOMMENDATION_DECISIONS)[number];

/** What the party organization decided about an endorsed nomination. */
export const RECOMMENDATION_OUTCOMES = ['accepted', 'not_accepted'] as const;
export type RecommendationOutcome = (typeof RECOMMENDATION_OUTCOMES)[number];
