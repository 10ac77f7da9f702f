import type { z } from 'zod';
import type { organizationFilterSchema, organizationInputSchema } from '../../../../contracts/organizations';

// The shapes the organizations API answers with and accepts, from its schemas
// (contracts/organizations.ts). The kinds come from the zod-free file, so zod stays out of the bundle.

export { ORGANIZATION_KINDS, type OrganizationKind } from '../../../../contracts/organizations/kinds';
export type { Organization } from '../../../../contracts/organizations';

/** What the organization form sends (before the server trims it). */
export type OrganizationInput = z.input<typeof organizationInputSchema>;

/** The filters of GET /api/organizations. */
export type OrganizationFilter = z.input<typeof organizationFilterSchema>;
