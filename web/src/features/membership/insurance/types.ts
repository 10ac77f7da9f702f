import type { z } from 'zod';
import type {
  Coverage,
  ExpiringPage,
  InsuranceInput,
  InsuranceRecord,
} from '../../../../../contracts/membership/insurance';
import type {
  NominationInput,
  OutcomeInput,
  Recommendation,
  RecommendationCounts,
  ReviewInput,
} from '../../../../../contracts/membership/recommendations';
import type { memberRowSchema } from '../../../../../contracts/membership/api';

// The shapes of the cover and recommendations API, from their schemas (types only: the page does
// not load zod at run time). Codes and labels come from the zod-free codes files.

export type { Coverage, ExpiringPage, InsuranceInput, InsuranceRecord };
export type ExpiringItem = ExpiringPage['items'][number];
export type { NominationInput, OutcomeInput, Recommendation, RecommendationCounts, ReviewInput };
/** A member as the register lists them (the nominate form's picker). */
export type MemberRow = z.infer<typeof memberRowSchema>;
