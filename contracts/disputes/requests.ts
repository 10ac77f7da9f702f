import { z } from 'zod';
import { plainText } from '../text.js';
import { IDENTITY_DECISIONS, KEEP_PHONE_CHOICES } from './case-json.js';
import { REFUSAL_GROUNDS } from './confirmation.js';
import { STAT_DIMENSIONS } from './responses.js';

/**
 * The request schemas of the staff dispute API that the web sends: the bodies of the changes of
 * a case (an action, the mediator's assignment, the judge's invitation, sessions and their
 * minutes), the calendar override and the lists' filters. The server's routes validate with them
 * (server/modules/disputes/…/schemas.ts), and the web derives its types from them with z.input
 * (web/src/features/disputes/types.ts). The intake form and the public pages' bodies are in
 * contracts/disputes.ts, the answers in responses.ts.
 */

const version = z.number().int().min(1);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// ------------------------------------------------------------------ changes of a case

/** POST /api/disputes/:id/actions */
export const actionBodySchema = z.object({
  action: z.string().min(1).max(40),
  /** Checked by the state machine against the action's own payload schema. */
  payload: z.record(z.string(), z.unknown()).default({}),
  /** The case version the caller decided on; another version means someone changed the case meanwhile. */
  version: z.number({ error: '请提供案件版本号（version），刷新页面后重试 / version is required' }).int().min(1),
  /** The judge's review against each refusal ground (true = the ground applies), kept with the decision. */
  review: z.partialRecord(z.enum(REFUSAL_GROUNDS), z.boolean()).optional(),
});

/** POST /api/disputes/:id/assign: who mediates, with the mediator's no-conflict declaration. */
export const assignBodySchema = z.object({
  mediatorAccountId: z.string().uuid(),
  reason: plainText(200).optional(),
  noConflictDeclared: z.boolean(),
  version: version.optional(),
});

/**
 * POST /api/disputes/:id/identity: the mediator's decision on a held online application, after
 * checking the applicant's ID card. `keepPhone` (same person) chooses the phone the person keeps;
 * `residentId` (a different person) is the applicant's own ID, from the card.
 */
export const identityDecisionBodySchema = z.object({
  decision: z.enum(IDENTITY_DECISIONS),
  keepPhone: z.enum(KEEP_PHONE_CHOICES).optional(),
  residentId: plainText(32).min(15, '身份证号为 15 或 18 位 / a resident ID has 15 or 18 characters').optional(),
  note: plainText(500).optional(),
  version: z.number({ error: '请提供案件版本号（version），刷新页面后重试 / version is required' }).int().min(1),
});

/** POST /api/disputes/:id/invite-judge */
export const inviteJudgeBodySchema = z.object({
  judgeAccountId: z.string().uuid(),
  version: version.optional(),
});

/**
 * A meeting link is sent to both parties by SMS: only a web address (https, or http on an
 * intranet) may be, never javascript:, data:, vbscript: or file: links.
 */
export const meetingUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((u) => URL.canParse(u) && ['https:', 'http:'].includes(new URL(u).protocol) && !!new URL(u).hostname, {
    error: '会议链接须为 https:// 开头的网址 / the meeting link must be an https:// web address',
  });

/** POST /api/disputes/:id/sessions: a mediation session, in person, by phone or by video. */
export const sessionBodySchema = z.object({
  mode: z.enum(['in_person', 'phone', 'video']),
  scheduledAt: z.string().datetime({ offset: true, message: '时间格式应为 ISO 8601' }),
  location: plainText(200).optional(),
  meetingUrl: meetingUrlSchema.optional(),
});

/** POST /api/disputes/:id/sessions/:sessionId/minutes */
export const minutesBodySchema = z.object({
  minutes: z.string().trim().min(5, '请填写调解笔录').max(20_000),
  heldAt: z.string().datetime({ offset: true }).optional(),
});

// ------------------------------------------------------------------ settings

/** PUT /api/disputes/calendar-overrides: a holiday or a make-up working day. */
export const calendarOverrideSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday']),
  note: z.string().trim().max(100).optional(),
});

// ------------------------------------------------------------------ lists and figures

/** The filters of GET /api/disputes (the route adds the page). */
export const caseFilterSchema = z.object({
  stage: z.string().max(32).optional(),
  /** Any part of the case number, or of a party's name or phone; several words must all match. */
  q: z.string().trim().max(64).optional(),
  courtId: z.string().uuid().optional(),
  mediatorId: z.string().uuid().optional(),
  sector: z.string().max(24).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  open: z.enum(['true', 'false']).optional(),
  /** 'true': the "to assign" queue, open online applications that have no mediator yet. */
  unassigned: z.enum(['true', 'false']).optional(),
});

/** GET /api/disputes/stats: the figures grouped by a dimension, over a period of days. */
const statsFields = z.object({
  dimension: z.enum(STAT_DIMENSIONS).default('year'),
  from: isoDay.optional(),
  to: isoDay.optional(),
  courtId: z.string().uuid().optional(),
});

/** A range that ends before it starts is an error naming `to`, not an empty table. */
function rangeInOrder(q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (q.from && q.to && q.to < q.from)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: '结束日期不能早于开始日期 / the end date cannot be before the start date',
    });
}

export const statsQuerySchema = statsFields.superRefine(rangeInOrder);

/** GET /api/disputes/stats.xlsx: the workbook has a sheet per dimension. */
export const statsExportQuerySchema = statsFields.omit({ dimension: true }).superRefine(rangeInOrder);
