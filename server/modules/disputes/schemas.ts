import { z } from 'zod';
import { plainText } from '../../../contracts/text.js';
import { REFUSAL_GROUNDS } from './rules/state-machine.js';
import { STAT_DIMENSIONS } from './stats/repository.js';

export const caseListQuerySchema = z.object({
  stage: z.string().max(32).optional(),
  q: z.string().trim().max(64).optional(),
  courtId: z.string().uuid().optional(),
  mediatorId: z.string().uuid().optional(),
  sector: z.string().max(24).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  open: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const caseListItemSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  stage: z.string(),
  kind: z.string(),
  sector: z.string(),
  claimTypes: z.array(z.string()),
  claimTotalFen: z.number(),
  settledFen: z.number().nullable(),
  workerCount: z.number(),
  joint: z.boolean(),
  appliedOn: z.string(),
  nextDueOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  workerName: z.string(),
  employerName: z.string().nullable(),
  mediatorName: z.string().nullable(),
  courtName: z.string().nullable(),
  risk: z.enum(['ok', 'due_soon', 'overdue']),
});

/** The case detail is a large read model; its parts are typed loosely on the wire. */
export const caseDetailSchema = z
  .object({
    id: z.string(),
    caseNumber: z.string(),
    stage: z.string(),
    stageLabel: z.string(),
    kind: z.string(),
    clocks: z.array(z.unknown()),
    events: z.array(z.unknown()),
    availableActions: z.array(z.string()),
    version: z.number(),
  })
  .passthrough();

export const actionBodySchema = z.object({
  action: z.string().min(1).max(40),
  payload: z.record(z.string(), z.unknown()).default({}),
  /** The case version the caller decided on; another version means someone changed the case meanwhile. */
  version: z.number({ error: '请提供案件版本号（version），刷新页面后重试 / version is required' }).int().min(1),
  /** The judge's review against each refusal ground (true = the ground applies), kept with the decision. */
  review: z.partialRecord(z.enum(REFUSAL_GROUNDS), z.boolean()).optional(),
});

export const statsQuerySchema = z.object({
  dimension: z.enum(STAT_DIMENSIONS).default('year'),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  courtId: z.string().uuid().optional(),
});

export const statRowSchema = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
  received: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  settledFen: z.number(),
  avgDaysToAgreement: z.number().nullable(),
  avgDaysToRuling: z.number().nullable(),
  successRate: z.number().nullable(),
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

export const sessionBodySchema = z.object({
  mode: z.enum(['in_person', 'phone', 'video']),
  scheduledAt: z.string().datetime({ offset: true, message: '时间格式应为 ISO 8601' }),
  location: plainText(200).optional(),
  meetingUrl: meetingUrlSchema.optional(),
});
