/**
 * The grid's (分片包干) limits and link shapes, shared by the server's checks and the web's forms.
 * No zod here: the web imports it at run time.
 */

/** An outreach visit is logged for today or up to this many days back, never ahead. */
export const VISIT_MAX_AGE_DAYS = 90;
/** A phone's clock may run a little ahead of the server's: a visit this far "ahead" is taken as now. */
export const VISIT_CLOCK_SKEW_MINUTES = 5;
export const VISIT_MAX_PHOTOS = 6;
export const VISIT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const VISIT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Employers, platforms or sites named on one visit. */
export const VISIT_MAX_SITES = 20;
/** Regions, streets or platforms listed in one area. */
export const AREA_MAX_ITEMS = 100;
/** The longest period of figures asked at once, in days between `from` and `to`. */
export const FIGURES_MAX_DAYS = 366;

/** An organiser's code: 'O' and seven base32 characters (A–Z, 2–7), what a joining link carries. */
export const ORGANISER_CODE = /^O[A-Z2-7]{7}$/;

/** The public joining page of an organization, crediting the organiser whose code it carries. */
export function joiningPath(organizationCode: string, organiserCode: string): string {
  return `/join/${encodeURIComponent(organizationCode)}?o=${encodeURIComponent(organiserCode)}`;
}
