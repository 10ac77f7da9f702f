import type { DbOrTx } from '../../db/client.js';
import { outbox } from './tables.js';

export interface Message {
  channel: 'sms' | 'email';
  recipient: string;
  subject?: string;
  body: string;
  topic?: string;
  regionCode?: string | null;
}

/**
 * One interface for SMS and e-mail. Messages are written to the outbox in the caller's
 * transaction, so a message exists exactly when the change that caused it was committed.
 */
export async function notify(tx: DbOrTx, message: Message): Promise<void> {
  await tx.insert(outbox).values({
    channel: message.channel,
    recipient: message.recipient,
    subject: message.subject ?? null,
    body: message.body,
    topic: message.topic ?? null,
    regionCode: message.regionCode ?? null,
  });
}
