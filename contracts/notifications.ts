import { z } from 'zod';
import { ATTEMPT_STATUSES, MESSAGE_CHANNELS, MESSAGE_KINDS, MESSAGE_STATUSES } from './notifications/statuses.js';
import { pageOf } from './paging.js';
import { plainText } from './text.js';

/** GET /api/public/demo-phone?to= : a phone number or an e-mail address. */
export const demoPhoneQuerySchema = z.object({ to: plainText(128).min(3) });
export type DemoPhoneQuery = z.infer<typeof demoPhoneQuerySchema>;

/** A message as the demo phone shows it (the demo only: codes and links in full). */
export const demoPhoneMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'email']),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  /** ISO instant. */
  createdAt: z.string(),
});
export type DemoPhoneMessage = z.infer<typeof demoPhoneMessageSchema>;

/** The latest 20 messages to the number, newest first. */
export const demoPhoneInboxSchema = z.object({ items: z.array(demoPhoneMessageSchema) });

// The administrators' messages page: GET /api/notifications/messages (paged, filtered),
// GET /api/notifications/messages/:id (with its attempts), POST …/:id/retry.

/** A bound of the period: a day (YYYY-MM-DD) or an ISO instant with its offset. */
const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: '日期无效，应为 YYYY-MM-DD 或 ISO 时间 / invalid date: YYYY-MM-DD or an ISO time',
  })
  .transform((s) => new Date(s))
  .refine(
    (d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2100,
    '日期须在 1900–2100 年间 / between 1900 and 2100',
  );

export const messageFilterSchema = z.object({
  /** A phone number or e-mail address, whole or its last characters (e.g. the last four digits). */
  recipient: plainText(128).min(2).optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  channel: z.enum(MESSAGE_CHANNELS).optional(),
  /** Written from this instant, up to but not including `to`. */
  from: instant.optional(),
  to: instant.optional(),
});
export type MessageFilterInput = z.input<typeof messageFilterSchema>;

export const messageIdParamsSchema = z.object({ id: z.uuid('消息编号无效 / invalid message id') });

/** A message as administrators see it: one-time codes and link tokens hidden. */
export const messageSchema = z.object({
  id: z.string(),
  channel: z.enum(MESSAGE_CHANNELS),
  kind: z.enum(MESSAGE_KINDS),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  template: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  topic: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** ISO instants. */
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** When a pending retry is due; null otherwise. */
  nextAttemptAt: z.string().nullable(),
});
export type MessageRow = z.infer<typeof messageSchema>;
export const messagePageSchema = pageOf(messageSchema);

export const messageAttemptSchema = z.object({
  attemptNo: z.number().int(),
  provider: z.string(),
  status: z.enum(ATTEMPT_STATUSES),
  providerMessageId: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  at: z.string(),
});
export const messageDetailSchema = messageSchema.extend({ attemptLog: z.array(messageAttemptSchema) });
export type MessageDetail = z.infer<typeof messageDetailSchema>;
