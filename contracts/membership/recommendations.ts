import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../paging.js';
import { regionCodeSchema } from '../regions/api.js';
import { calendarDate, plainText } from '../text.js';
import { RECOMMENDATION_STATUSES } from './codes.js';
import { RECOMMENDATION_DECISIONS, RECOMMENDATION_OUTCOMES } from './recommendation-codes.js';

/**
 * Requests and answers of the recommendations of outstanding members for party membership
 * (推优入党, /api/membership/recommendations). Each change names the version it was read at.
 */

const year = z.coerce.number().int().min(2000).max(2100);
const version = z.number().int().min(1);

/** GET /api/membership/recommendations */
export const recommendationListQuerySchema = pageQuerySchema.extend({
  year: year.optional(),
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
  organizationId: z.string().uuid().optional(),
});

/** POST /api/membership/recommendations: an active member, once a year. */
export const nominationSchema = z.object({
  membershipId: z.string().uuid(),
  reasons: plainText(2000).min(10, '请写明推荐理由（至少 10 个字） / give the reasons (at least 10 characters)'),
});
export type NominationInput = z.input<typeof nominationSchema>;

/** POST /api/membership/recommendations/:id/review: by staff other than the nominator. */
export const reviewSchema = z.object({
  decision: z.enum(RECOMMENDATION_DECISIONS),
  note: plainText(200).min(2, '请填写审核意见 / give the review note'),
  version,
});
export type ReviewInput = z.input<typeof reviewSchema>;

/** POST /api/membership/recommendations/:id/outcome: what the party organization decided. */
export const outcomeSchema = z.object({
  outcome: z.enum(RECOMMENDATION_OUTCOMES),
  outcomeOn: calendarDate,
  note: plainText(200).optional(),
  version,
});
export type OutcomeInput = z.input<typeof outcomeSchema>;

export const recommendationParamsSchema = z.object({ id: z.string().uuid() });

export const recommendationSchema = z.object({
  id: z.string(),
  membershipId: z.string(),
  memberNo: z.string(),
  personId: z.string(),
  name: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  reasons: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  nominatedBy: z.string().nullable(),
  nominatedByName: z.string().nullable(),
  nominatedAt: z.string(),
  reviewNote: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  version: z.number().int(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;
export const recommendationPageSchema = pageOf(recommendationSchema);

/** GET /api/membership/recommendations/counts: the region's year (this year unless asked). */
export const recommendationCountsQuerySchema = z.object({
  year: year.optional(),
  regionCode: regionCodeSchema.optional(),
});

export const recommendationCountsSchema = z.object({
  year: z.number().int(),
  regionCode: z.string().nullable(),
  /** Every nomination of the year. */
  nominated: z.number().int(),
  /** Endorsed by the review (whatever the party organization decided since). */
  endorsed: z.number().int(),
  declined: z.number().int(),
  accepted: z.number().int(),
  notAccepted: z.number().int(),
  /** Nominated and not reviewed yet. */
  awaitingReview: z.number().int(),
});
export type RecommendationCounts = z.infer<typeof recommendationCountsSchema>;
