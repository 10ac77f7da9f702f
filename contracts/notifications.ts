import { z } from 'zod';
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
