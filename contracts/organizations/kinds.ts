// Browser-safe and zod-free (the web imports it at run time; the schemas are in contracts/organizations.ts).

/** 全国总工会、省、市、县总工会、基层工会、联合工会、行业工会 */
export const ORGANIZATION_KINDS = [
  'national',
  'provincial',
  'city',
  'county',
  'grassroots',
  'joint',
  'industry',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
