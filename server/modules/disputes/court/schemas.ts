import type { z } from 'zod';
import { inviteJudgeBodySchema } from '../../../../contracts/disputes/requests.js';

// Request schemas of the court-side routes (court/routes.ts); the invitation's body is in
// contracts/disputes/requests.ts (the web sends it).

export { inviteJudgeBodySchema };
export type InviteJudgeInput = z.infer<typeof inviteJudgeBodySchema>;
