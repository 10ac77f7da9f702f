/**
 * Constants of the members' cover that the web uses at run time (no zod here; the requests and
 * answers are in insurance.ts). The schemes and sources with their labels are in codes.ts.
 */

/** The import pipeline's name of the insurance file (/api/imports, kind). */
export const INSURANCE_IMPORT_KIND = 'membership-insurance';

/** How far ahead the expiring list looks unless asked otherwise. */
export const EXPIRING_DAYS_DEFAULT = 30;
