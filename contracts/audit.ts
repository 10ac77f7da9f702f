import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import { pageOf } from './paging.js';
import { plainText } from './text.js';

/** A row of the audit trail, GET /api/audit. */
export const auditEntrySchema = z.object({
  id: z.number(),
  /** ISO instant. */
  at: z.string(),
  actorAccountId: z.string().nullable(),
  /** 'system' for jobs and seeding. */
  actorName: z.string().nullable(),
  /** e.g. account.created, person.resident_id_revealed, dispute.action */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** The region's full name (null without a region). */
  regionName: z.string().nullable(),
  /** Snapshots of the record before and after the change (any JSON), secrets hidden, IDs and phones masked. */
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = pageOf(auditEntrySchema);

/**
 * A bound of the period: a calendar day (YYYY-MM-DD) or an ISO instant (what the web app sends),
 * on a real date between 1900 and 2100. `new Date()` alone would turn 2025-02-30 into March 2nd
 * and let 9999-12-31 or +275760 through to the database.
 */
const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const instant = z
  .string()
  .refine((s) => {
    const m = INSTANT.exec(s);
    return !!m && isCalendarDate(m[1]!) && !Number.isNaN(Date.parse(s));
  }, '日期无效，应为 1900–2100 年间真实的日期 YYYY-MM-DD 或 ISO 时间 / invalid date: a real date between 1900 and 2100, YYYY-MM-DD or an ISO time')
  .transform((s) => new Date(s));

/** The filters of GET /api/audit (the period from `from`, up to but not including `to`). */
export const auditFilterSchema = z.object({
  action: plainText(64).optional(),
  entityType: plainText(48).optional(),
  entityId: plainText(64).optional(),
  /** A name, or an account id. */
  actor: plainText(64).optional(),
  from: instant.optional(),
  to: instant.optional(),
});
/** As the web sends it (the bounds as text). */
export type AuditFilterInput = z.input<typeof auditFilterSchema>;
