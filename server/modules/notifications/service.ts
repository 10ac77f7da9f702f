import type { z } from 'zod';
import type { DemoPhoneQuery, demoPhoneInboxSchema } from '../../../contracts/notifications.js';
import type { Deps } from '../../core/deps.js';
import { AppError } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { outboxRepo } from './repository.js';

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
  await outboxRepo.insert(tx, {
    channel: message.channel,
    recipient: message.recipient,
    subject: message.subject ?? null,
    body: message.body,
    topic: message.topic ?? null,
    regionCode: message.regionCode ?? null,
  });
}

/**
 * The demo phone's inbox: what was "sent" to a number or address. It exists only while the demo
 * data set is on; anywhere else the route answers as if it did not exist, because it shows
 * one-time codes to whoever asks.
 */
export async function demoPhoneInbox(deps: Deps, query: DemoPhoneQuery): Promise<z.infer<typeof demoPhoneInboxSchema>> {
  if (!deps.config.demoData) throw new AppError('NOT_FOUND', '接口不存在', 'No such endpoint');
  const rows = await outboxRepo.latestTo(deps.db, query.to, 20);
  return {
    items: rows.map((m) => ({
      id: m.id,
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}
