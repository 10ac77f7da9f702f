import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../paging.js';
import { calendarDate, mobilePhone, nameText, plainText } from '../text.js';
import {
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  EDUCATION_LEVELS,
  ETHNICITY_CODES,
  LEAVE_REASONS,
  MEMBER_OCCUPATIONS,
  MEMBERSHIP_STATUSES,
  POLITICAL_STATUSES,
} from './codes.js';

/** Requests and answers of joining (/api/public/membership) and of the register (/api/membership). */

const otp = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '验证码为 6 位数字 / the code is 6 digits');
const orgCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,23}$/, '组织代码不正确 / not an organization code');
const organiserCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,16}$/, '组织员代码不正确 / not an organiser code');

// ---- Public: joining and the card ------------------------------------------------------------

/** GET /api/public/membership/organizations/:code: what the joining page shows before asking. */
export const joiningOrganizationSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  regionName: z.string().nullable(),
  organiser: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export const joiningOrganizationQuerySchema = z.object({ o: organiserCode.optional() });

/** POST /api/public/membership/codes: a code texted for joining or for the card. */
export const memberCodeRequestSchema = z.object({ phone: mobilePhone });
export const memberCodeSentSchema = z.object({ sent: z.literal(true), resendAfterSec: z.number() });

/** POST /api/public/membership/applications */
export const applicationInputSchema = z.object({
  organizationCode: orgCode,
  organiserCode: organiserCode.optional(),
  /** The outreach visit the worker was met at, when the organiser's link carries it. */
  visitId: z.string().uuid().optional(),
  name: nameText(2, 32),
  phone: mobilePhone,
  /** The texted code; not needed when the phone's session (X-Member-Token) is sent instead. */
  otp: otp.optional(),
  residentId: plainText(32).min(15, '请填写身份证号 / enter the resident ID'),
  occupation: z.enum(MEMBER_OCCUPATIONS),
  employer: plainText(128).nullable().optional(),
  consent: z.literal(true, { error: '请阅读并同意入会须知与个人信息告知 / read and accept the notice' }),
  /** Set when the worker accepts the offered transfer of their membership from another organization. */
  transfer: z.boolean().optional(),
});
export type ApplicationInput = z.infer<typeof applicationInputSchema>;

export const applicationAnswerSchema = z.object({
  /** Null when a transfer is offered instead (the ID is a member elsewhere and `transfer` was not set). */
  applicationNo: z.string().nullable(),
  status: z.enum([...APPLICATION_STATUSES, 'transfer_offered']),
  kind: z.enum(APPLICATION_KINDS),
  organizationName: z.string(),
  /** True when the same ID already had an application pending here: nothing new was made. */
  existing: z.boolean(),
  /** The membership a transfer would move: where and since when. */
  memberOf: z.object({ organizationName: z.string(), joinedOn: z.string() }).nullable(),
  /** The phone's session (X-Member-Token): the card page, and accepting the transfer, without another code. */
  session: z.object({ token: z.string(), expiresAt: z.string() }),
});
export type ApplicationAnswer = z.infer<typeof applicationAnswerSchema>;

/** POST /api/public/membership/sign-in: the phone proves itself; the answer opens the card. */
export const memberSignInSchema = z.object({ phone: mobilePhone, otp });
export const memberSessionSchema = z.object({ token: z.string(), expiresAt: z.string() });

/** GET /api/public/membership/card (X-Member-Token): the member card, or where the application stands. */
export const memberCardSchema = z.object({
  name: z.string(),
  phoneMasked: z.string(),
  residentIdMasked: z.string().nullable(),
  card: z
    .object({
      memberNo: z.string(),
      organizationName: z.string(),
      joinedOn: z.string(),
      /** What the card's QR encodes; staff scan it to verify (POST /api/membership/verify-card). */
      cardCode: z.string(),
    })
    .nullable(),
  applications: z.array(
    z.object({
      applicationNo: z.string(),
      kind: z.enum(APPLICATION_KINDS),
      status: z.enum(APPLICATION_STATUSES),
      organizationName: z.string(),
      submittedAt: z.string(),
      decisionReason: z.string().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      organizationName: z.string(),
      joinedOn: z.string(),
      endedOn: z.string().nullable(),
      status: z.enum(MEMBERSHIP_STATUSES),
    }),
  ),
});
export type MemberCard = z.infer<typeof memberCardSchema>;

// ---- Staff: the approval queue ---------------------------------------------------------------

export const applicationListQuerySchema = pageQuerySchema.extend({
  status: z.enum(APPLICATION_STATUSES).optional(),
  kind: z.enum(APPLICATION_KINDS).optional(),
  organizationId: z.string().uuid().optional(),
  occupation: z.enum(MEMBER_OCCUPATIONS).optional(),
  organiserId: z.string().uuid().optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  /** A name (prefix) or an application number. */
  q: plainText(32).optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;

export const applicationRowSchema = z.object({
  id: z.string(),
  applicationNo: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  status: z.enum(APPLICATION_STATUSES),
  name: z.string(),
  phoneMasked: z.string(),
  residentIdMasked: z.string().nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  occupation: z.enum(MEMBER_OCCUPATIONS),
  employer: z.string().nullable(),
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  organiserName: z.string().nullable(),
  /** For a transfer: the organization the member comes from. */
  fromOrganizationName: z.string().nullable(),
  submittedAt: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The membership an approval made. */
  membershipId: z.string().nullable(),
  version: z.number(),
  /** Whether the caller may approve or reject it. */
  canDecide: z.boolean(),
});
export type ApplicationRow = z.infer<typeof applicationRowSchema>;
export const applicationPageSchema = pageOf(applicationRowSchema);

export const applicationParamsSchema = z.object({ id: z.string().uuid() });
export const approveSchema = z.object({ expectedVersion: z.number().int().min(1) });
export const rejectSchema = z.object({
  expectedVersion: z.number().int().min(1),
  reason: plainText(200).min(2, '请写明不予批准的原因 / give the reason'),
});
/** POST /api/membership/applications/approve: many at once, each at the version the queue showed. */
export const bulkApproveSchema = z.object({
  items: z
    .array(z.object({ id: z.string().uuid(), expectedVersion: z.number().int().min(1) }))
    .min(1)
    .max(200, '一次最多批准 200 条 / at most 200 at once'),
});
export const bulkApproveAnswerSchema = z.object({
  approved: z.number(),
  refused: z.array(
    z.object({ id: z.string(), applicationNo: z.string().nullable(), message: z.string(), messageEn: z.string() }),
  ),
});

// ---- Staff: the register -----------------------------------------------------------------------

export const memberListQuerySchema = pageQuerySchema.extend({
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
  organizationId: z.string().uuid().optional(),
  q: plainText(32).optional(),
});

/** A row of the register: the ACFTU member registration form's fields. */
export const memberRowSchema = z.object({
  id: z.string(),
  memberNo: z.string(),
  personId: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  residentIdMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  ethnicity: z.string().nullable(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullable(),
  occupation: z.enum(MEMBER_OCCUPATIONS).nullable(),
  employer: z.string().nullable(),
  post: z.string().nullable(),
  joinedOn: z.string(),
  endedOn: z.string().nullable(),
  status: z.enum(MEMBERSHIP_STATUSES),
  leaveReason: z.enum(LEAVE_REASONS).nullable(),
  organizationId: z.string(),
  organizationName: z.string(),
  regionCode: z.string(),
  version: z.number(),
});
export type MemberRow = z.infer<typeof memberRowSchema>;
export const memberPageSchema = pageOf(memberRowSchema);

/** GET /api/membership/members/:id: the membership with the person's whole history. */
export const memberRecordSchema = memberRowSchema.extend({
  history: z.array(
    z.object({
      id: z.string(),
      organizationName: z.string(),
      joinedOn: z.string(),
      endedOn: z.string().nullable(),
      status: z.enum(MEMBERSHIP_STATUSES),
      leaveReason: z.enum(LEAVE_REASONS).nullable(),
      endNote: z.string().nullable(),
    }),
  ),
});
export type MemberRecord = z.infer<typeof memberRecordSchema>;

export const memberParamsSchema = z.object({ id: z.string().uuid() });

/** PUT /api/membership/members/:id: the register's own fields (sex and birth date come from the ID). */
export const memberUpdateSchema = z.object({
  expectedVersion: z.number().int().min(1),
  ethnicity: z.enum(ETHNICITY_CODES as [string, ...string[]]).nullable(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullable(),
  occupation: z.enum(MEMBER_OCCUPATIONS).nullable(),
  employer: plainText(128).nullable(),
  post: plainText(64).nullable(),
});
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

/** POST /api/membership/members/:id/leave */
export const leaveSchema = z.object({
  expectedVersion: z.number().int().min(1),
  reason: z.enum(LEAVE_REASONS),
  on: calendarDate,
  note: plainText(200).nullable().optional(),
});

/** POST /api/membership/verify-card: what staff see when they scan a member's card. */
export const verifyCardSchema = z.object({ cardCode: plainText(80) });
export const verifiedCardSchema = z.object({
  valid: z.boolean(),
  memberNo: z.string().nullable(),
  nameMasked: z.string().nullable(),
  organizationName: z.string().nullable(),
  joinedOn: z.string().nullable(),
  status: z.enum(MEMBERSHIP_STATUSES).nullable(),
});
