/**
 * The sectors the statistics know (按行业); the same codes as the employers' industries (labels
 * in the web's `employers.industries`). Zod-free, so pages that only list them load no schema code.
 */
export const SECTOR_VALUES = [
  'construction',
  'manufacturing',
  'logistics',
  'catering',
  'retail',
  'it',
  'resident_services',
  'business_services',
  'platform',
] as const;
export type Sector = (typeof SECTOR_VALUES)[number];
