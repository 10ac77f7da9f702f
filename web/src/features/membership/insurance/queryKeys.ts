/** The members' cover and the recommendations: every read is keyed under its API path. */
export const INSURANCE_API = '/api/membership/insurance';
export const COVERAGE_API = `${INSURANCE_API}/coverage`;
export const EXPIRING_API = `${INSURANCE_API}/expiring`;
export const RECOMMENDATIONS_API = '/api/membership/recommendations';
export const RECOMMENDATION_COUNTS_API = `${RECOMMENDATIONS_API}/counts`;
/** The register (the other membership pages' API), for picking a member to nominate. */
export const MEMBERS_API = '/api/membership/members';

export const insuranceKeys = {
  /** A cover recorded or imported changes the coverage and the expiring list. */
  coverage: [COVERAGE_API] as const,
  coverageOn: (day: string) => [COVERAGE_API, day] as const,
  expiring: [EXPIRING_API] as const,
};

export const recommendationKeys = {
  /** Every page of the list; a nomination, review or outcome changes it and the counts. */
  all: [RECOMMENDATIONS_API] as const,
  counts: [RECOMMENDATION_COUNTS_API] as const,
  countsOf: (year: number) => [RECOMMENDATION_COUNTS_API, year] as const,
  members: [MEMBERS_API, 'pick'] as const,
};
