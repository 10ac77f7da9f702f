import type { z } from 'zod';
import { messageFilterSchema } from '../../../contracts/notifications.js';
import { pageQuerySchema } from '../../core/paging.js';

// Request schemas of the messages routes; the filters and answers are in contracts/notifications.ts.

export const messageListQuerySchema = messageFilterSchema.extend(pageQuerySchema.shape);
export type MessageListQuery = z.infer<typeof messageListQuerySchema>;
