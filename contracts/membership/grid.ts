import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../paging.js';
import { regionCodeSchema } from '../regions/api.js';
import { calendarDate, mobilePhone, nameText, plainText } from '../text.js';
import { AREA_KINDS } from './codes.js';
import { AREA_MAX_ITEMS, VISIT_MAX_SITES } from './grid-limits.js';

/*
 * The grid (分片包干) of membership: organisers with their joining codes, the areas they cover,
 * their outreach visits with photos, and the figures credited to each (/api/membership/grid).
 */

const id = z.string().uuid('编号格式不正确 / not an id');
const version = z.number().int().min(1);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---- Organisers ------------------------------------------------------------------------------

/** POST /api/membership/grid/organisers; without a region, the organization's. */
export const organiserInputSchema = z.object({
  name: nameText(2, 32),
  phone: mobilePhone.nullable().optional(),
  organizationId: id,
  regionCode: regionCodeSchema.optional(),
  /** An account with the role union_organiser, so the organiser can log visits. */
  accountId: id.nullable().optional(),
  active: z.boolean().default(true),
});
export type OrganiserInput = z.infer<typeof organiserInputSchema>;

/** PUT /api/membership/grid/organisers/:id, at the version read. */
export const organiserUpdateSchema = organiserInputSchema.extend({ version });
export type OrganiserUpdate = z.infer<typeof organiserUpdateSchema>;

export const organiserListQuerySchema = pageQuerySchema.extend({
  q: plainText(32).optional(),
  organizationId: id.optional(),
  active: flag.optional(),
});
export type OrganiserListQuery = z.infer<typeof organiserListQuerySchema>;

export const organiserSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  organizationId: z.string(),
  organizationName: z.string(),
  /** null while the organization has no joining code: then there is no joining link either. */
  organizationCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  joinUrl: z.string().nullable(),
});
export type Organiser = z.infer<typeof organiserSchema>;
export const organiserPageSchema = pageOf(organiserSchema);

/** GET /api/membership/grid/organiser-accounts?q=: the organiser form's account picker (staff cannot list accounts). */
export const organiserAccountsQuerySchema = z.object({ q: plainText(32).optional() });
export type OrganiserAccountsQuery = z.infer<typeof organiserAccountsQuerySchema>;
export const organiserAccountsSchema = z.object({
  items: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
});
export type OrganiserAccounts = z.infer<typeof organiserAccountsSchema>;

/** DELETE …/organisers/:id and …/areas/:id: the version read, so a record changed meanwhile stays. */
export const deleteQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

// ---- Areas -----------------------------------------------------------------------------------

const areaItem = plainText(64).min(1, '不能为空 / must not be empty');

/** POST /api/membership/grid/areas; without a region, the organization's. */
export const areaInputSchema = z.object({
  name: nameText(2, 64),
  kind: z.enum(AREA_KINDS),
  /** Region codes (kind regions), street or park names (streets), platform or company names (platforms). */
  items: z.array(areaItem).min(1, '至少填写一项 / list at least one').max(AREA_MAX_ITEMS),
  organizationId: id,
  regionCode: regionCodeSchema.optional(),
  organiserId: id.nullable().optional(),
});
export type AreaInput = z.infer<typeof areaInputSchema>;
export const areaUpdateSchema = areaInputSchema.extend({ version });
export type AreaUpdate = z.infer<typeof areaUpdateSchema>;

export const areaListQuerySchema = pageQuerySchema.extend({
  q: plainText(32).optional(),
  organiserId: id.optional(),
  kind: z.enum(AREA_KINDS).optional(),
});
export type AreaListQuery = z.infer<typeof areaListQuerySchema>;

export const areaSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(AREA_KINDS),
  items: z.array(z.string()),
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  organiserId: z.string().nullable(),
  organiserName: z.string().nullable(),
  version: z.number().int(),
});
export type Area = z.infer<typeof areaSchema>;
export const areaPageSchema = pageOf(areaSchema);

// ---- Visits ----------------------------------------------------------------------------------

/** POST /api/membership/grid/visits: an organiser's own; staff name the organiser. */
export const visitInputSchema = z.object({
  organiserId: id.optional(),
  areaId: id.nullable().optional(),
  /** When, as an instant with its offset (the phone's China time turned into one). */
  visitedAt: z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601 / expected an ISO 8601 time' }),
  place: nameText(2, 200),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  workersMet: z.number().int().min(0).max(100000),
  sites: z.array(plainText(64).min(1, '不能为空 / must not be empty')).max(VISIT_MAX_SITES).default([]),
  notes: plainText(2000).nullable().optional(),
});
export type VisitInput = z.infer<typeof visitInputSchema>;

/** GET /api/membership/grid/visits (staff: the region's), newest first. */
export const visitListQuerySchema = pageQuerySchema.extend({
  organiserId: id.optional(),
  areaId: id.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;
export const myVisitsQuerySchema = pageQuerySchema;

export const visitPhotoSchema = z.object({ id: z.string(), mime: z.string(), bytes: z.number().int() });
export const visitSchema = z.object({
  id: z.string(),
  organiserId: z.string(),
  organiserName: z.string(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  regionCode: z.string(),
  visitedAt: z.string(),
  place: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  workersMet: z.number().int(),
  sites: z.array(z.string()),
  notes: z.string().nullable(),
  photos: z.array(visitPhotoSchema),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;
export const visitPageSchema = pageOf(visitSchema);

export const visitPhotoParamsSchema = z.object({ id, photoId: id });

// ---- The organiser's own page ------------------------------------------------------------------

/** GET /api/membership/grid/me: null for an account that is not (or no longer) an organiser. */
export const organiserSelfSchema = z.object({
  organiser: z
    .object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      organizationName: z.string(),
      regionName: z.string().nullable(),
      joinUrl: z.string().nullable(),
      areas: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(AREA_KINDS) })),
    })
    .nullable(),
});
export type OrganiserSelf = z.infer<typeof organiserSelfSchema>;

// ---- Figures ---------------------------------------------------------------------------------

/** Without from/to: this month in China, up to today. */
export const gridFiguresQuerySchema = z.object({ from: calendarDate.optional(), to: calendarDate.optional() });
export type GridFiguresQuery = z.infer<typeof gridFiguresQuerySchema>;

const count = z.number().int().min(0);
/** What one organiser or area (or all of them) did over the period. */
export const figuresSchema = z.object({
  visits: count,
  workersMet: count,
  applications: count,
  /** People whose membership, credited here, began in the period. */
  joined: count,
  /** Of those, people with work-injury cover on any day of the period. */
  insured: count,
  /** joined ÷ workers met; null without workers met. */
  joinRate: z.number().nullable(),
  /** insured ÷ joined; null without joins. */
  insuredRate: z.number().nullable(),
});
export type Figures = z.infer<typeof figuresSchema>;

/** A row of the league table: ranked by joined, then applications (equal figures share a rank). */
export const organiserFiguresSchema = figuresSchema.extend({
  organiserId: z.string(),
  code: z.string(),
  name: z.string(),
  organizationName: z.string(),
  active: z.boolean(),
  rank: z.number().int(),
});
export type OrganiserFigures = z.infer<typeof organiserFiguresSchema>;

/** A row of the grid board. */
export const areaFiguresSchema = figuresSchema.extend({
  areaId: z.string(),
  name: z.string(),
  kind: z.enum(AREA_KINDS),
  organiserId: z.string().nullable(),
  organiserName: z.string().nullable(),
});
export type AreaFigures = z.infer<typeof areaFiguresSchema>;

/** GET /api/membership/grid/figures (and figures.xlsx): the league table and the board of the region. */
export const gridFiguresSchema = z.object({
  regionCode: z.string().nullable(),
  regionName: z.string(),
  from: z.string(),
  to: z.string(),
  totals: figuresSchema,
  organisers: z.array(organiserFiguresSchema),
  areas: z.array(areaFiguresSchema),
});
export type GridFigures = z.infer<typeof gridFiguresSchema>;

/** GET /api/membership/grid/me/figures: the organiser's own, with each of their areas. */
export const myFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: figuresSchema,
  areas: z.array(areaFiguresSchema),
});
export type MyFigures = z.infer<typeof myFiguresSchema>;

/** The answer of a DELETE. */
export const deletedSchema = z.object({ deleted: z.literal(true) });
