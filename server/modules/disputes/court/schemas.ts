import { z } from 'zod';

// Request schemas of the court-side routes (court/routes.ts).

export const inviteJudgeBodySchema = z.object({
  judgeAccountId: z.string().uuid(),
  version: z.number().int().min(1).optional(),
});
export type InviteJudgeInput = z.infer<typeof inviteJudgeBodySchema>;
