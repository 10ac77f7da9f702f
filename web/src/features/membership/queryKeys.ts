/** The approval queue: every read of applications is keyed under this path (its pages, one application). */
export const APPLICATIONS_API = '/api/membership/applications';
/** The register: every read of members is keyed under this path (its pages, one member's record). */
export const MEMBERS_API = '/api/membership/members';
export const VERIFY_CARD_API = '/api/membership/verify-card';

export const applicationPath = (id: string) => `${APPLICATIONS_API}/${encodeURIComponent(id)}`;
export const memberPath = (id: string) => `${MEMBERS_API}/${encodeURIComponent(id)}`;

export const membershipKeys = {
  /** Invalidated by a decision: the queue's pages. */
  applications: [APPLICATIONS_API] as const,
  /** Invalidated by an approval (a new member) and by any change of the register. */
  members: [MEMBERS_API] as const,
  member: (id: string) => [MEMBERS_API, 'one', id] as const,
};
