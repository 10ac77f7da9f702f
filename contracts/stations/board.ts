import { z } from 'zod';
import { SUGGESTION_STATUSES } from './codes.js';
import { pageOf, pageQuerySchema } from '../paging.js';
import { plainText } from '../text.js';
import { OCCUPATIONS } from './codes.js';

/*
 * The stations' message board (留言板): a registered worker posts a suggestion from the station's
 * phone page; the station's staff reply and mark it done; the board shows what was done about each.
 */

export { SUGGESTION_STATUSES, type SuggestionStatus } from './codes.js';

const boardText = () => plainText(500).min(2, '至少 2 个字 / at least 2 characters');

/** POST /api/public/stations/:code/suggestions (with X-Station-Token). */
export const suggestionInputSchema = z.object({ body: boardText() });
export type SuggestionInput = z.infer<typeof suggestionInputSchema>;

/** POST /api/stations/:code/suggestions/:id/reply: a second reply replaces the first. */
export const suggestionReplySchema = z.object({
  reply: boardText(),
  expectedVersion: z.number().int().min(1),
});
export type SuggestionReply = z.infer<typeof suggestionReplySchema>;

/** POST /api/stations/:code/suggestions/:id/done, with a last reply if there is one to give. */
export const suggestionDoneSchema = z.object({
  expectedVersion: z.number().int().min(1),
  reply: boardText().optional(),
});
export type SuggestionDone = z.infer<typeof suggestionDoneSchema>;

/** A suggestion as the public board shows it: the poster only as a kind of work and a masked name. */
export const boardItemSchema = z.object({
  id: z.string(),
  body: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  reply: z.string().nullable(),
  occupation: z.enum(OCCUPATIONS),
  posterName: z.string(),
  createdAt: z.string(),
  repliedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type BoardItem = z.infer<typeof boardItemSchema>;
export const boardPageSchema = pageOf(boardItemSchema);
export const boardQuerySchema = pageQuerySchema;

/** A suggestion as the station's staff see it: who replied, and the version to change it at. */
export const suggestionSchema = boardItemSchema.extend({
  repliedBy: z.string().nullable(),
  version: z.number().int(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionPageSchema = pageOf(suggestionSchema);
export const suggestionListQuerySchema = pageQuerySchema.extend({
  status: z.enum(SUGGESTION_STATUSES).optional(),
});
export type SuggestionListQuery = z.infer<typeof suggestionListQuerySchema>;
