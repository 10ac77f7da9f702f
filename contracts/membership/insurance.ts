import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../paging.js';
import { regionCodeSchema } from '../regions/api.js';
import { calendarDate, plainText } from '../text.js';
import { INSURANCE_SCHEMES, INSURANCE_SOURCES } from './codes.js';
import { EXPIRING_DAYS_DEFAULT } from './insurance-codes.js';

/**
 * Requests and answers of the members' work-injury cover (/api/membership/insurance). The web
 * reads the types only; its constants come from the zod-free `insurance-codes.ts`.
 */

/**
 * POST /api/membership/insurance: one cover recorded by hand. The person is named by their
 * resident ID (in this body, never in a URL) or by their record's id; the record's region is the
 * one given, else the staff's own.
 */
export const insuranceInputSchema = z
  .object({
    personId: z.string().uuid().optional(),
    residentId: plainText(32).optional(),
    scheme: z.enum(INSURANCE_SCHEMES),
    insurer: plainText(64).min(2, '请填写保险公司 / enter the insurer'),
    policyNo: plainText(40).optional(),
    startsOn: calendarDate,
    endsOn: calendarDate,
    regionCode: regionCodeSchema.optional(),
  })
  .refine((v) => !!v.personId !== !!v.residentId, {
    path: ['residentId'],
    error: '请填写身份证号或选择人员（二者选一） / give the resident ID or the person, one of the two',
  })
  .refine((v) => v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    error: '终保日期不能早于起保日期 / the end date cannot be before the start date',
  });
export type InsuranceInput = z.input<typeof insuranceInputSchema>;

/** One cover as staff see it: the person's numbers masked. */
export const insuranceRecordSchema = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  residentIdMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  scheme: z.enum(INSURANCE_SCHEMES),
  insurer: z.string(),
  policyNo: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  source: z.enum(INSURANCE_SOURCES),
  importId: z.string().nullable(),
  createdAt: z.string(),
});
export type InsuranceRecord = z.infer<typeof insuranceRecordSchema>;

/** GET /api/membership/insurance/coverage: members covered on `day` (default today) in the region. */
export const coverageQuerySchema = z.object({
  day: calendarDate.optional(),
  regionCode: regionCodeSchema.optional(),
});

const coverageLineSchema = z.object({
  members: z.number().int(),
  covered: z.number().int(),
  /** covered / members, 0 when there are no members. */
  rate: z.number(),
});

export const coverageSchema = z.object({
  day: z.string(),
  regionCode: z.string().nullable(),
  total: coverageLineSchema,
  byOrganization: z.array(
    coverageLineSchema.extend({ organizationId: z.string(), organizationName: z.string(), regionCode: z.string() }),
  ),
  byRegion: z.array(coverageLineSchema.extend({ regionCode: z.string(), regionName: z.string().nullable() })),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** GET /api/membership/insurance/expiring: cover ending within `days` (default 30) and not renewed. */
export const expiringQuerySchema = pageQuerySchema.extend({
  days: z.coerce.number().int().min(0).max(366).default(EXPIRING_DAYS_DEFAULT),
  regionCode: regionCodeSchema.optional(),
});

export const expiringPageSchema = pageOf(insuranceRecordSchema.extend({ daysLeft: z.number().int() }));
export type ExpiringPage = z.infer<typeof expiringPageSchema>;
