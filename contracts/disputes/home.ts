import { z } from 'zod';
import { caseListItemSchema } from './responses.js';

/**
 * GET /api/disputes/home: the caller's work on the home page, by role. Each list holds the first
 * rows only (at most HOME_MAX_ROWS) with the number of all of them; the full lists are the case
 * pages'. A section is null when the caller has no such work (union staff see the figures instead).
 */

/** The most rows a home list answers with. */
export const HOME_MAX_ROWS = 20;
/** The rows a home list answers with when the request does not say. */
export const HOME_DEFAULT_ROWS = 10;
/** "Due soon" on the home page: due within this many days from today (China time), or overdue. */
export const HOME_DUE_DAYS = 3;

export const homeQuerySchema = z.object({
  /** Rows per list (1–20). */
  limit: z.coerce.number().int().min(1).max(HOME_MAX_ROWS).default(HOME_DEFAULT_ROWS),
});

/** The first rows of a list and how many there are; `totalCapped`: more than `total`. */
export const homeListSchema = z.object({
  items: z.array(caseListItemSchema),
  total: z.number().int(),
  totalCapped: z.boolean(),
});

export const homeSchema = z.object({
  /** China date the lists were read on. */
  today: z.string(),
  /** A mediator: their open cases, theirs due within `dueWithinDays` (overdue first), online applications to assign. */
  mediator: z
    .object({
      dueWithinDays: z.number().int(),
      open: homeListSchema,
      dueSoon: homeListSchema,
      toAssign: homeListSchema,
    })
    .nullable(),
  /** A judge or clerk: agreements waiting for the court's confirmation review, oldest application first. */
  court: z.object({ queue: homeListSchema }).nullable(),
  /** An employer's agent: the cases where its employer is the employer or the respondent, newest first. */
  employer: z.object({ cases: homeListSchema }).nullable(),
});

export type HomeList = z.infer<typeof homeListSchema>;
export type Home = z.infer<typeof homeSchema>;
