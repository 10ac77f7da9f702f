import type { z } from 'zod';
import type { DemoPhoneQuery, demoPhoneInboxSchema } from '../../../contracts/notifications.js';
import type { Deps } from '../../core/deps.js';
import { AppError } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { enforce } from '../limits/service.js';
import { outboxRepo } from './repository.js';
import type { MessageChannel } from './tables.js';
import { TemplateError, renderTemplate, type TemplateCode } from './templates.js';

interface Addressing {
  channel: MessageChannel;
  recipient: string;
  /** What the message is about, e.g. "dispute_case:<id>". */
  topic?: string;
  regionCode?: string | null;
}

/** A message from a template (preferred: SMS gateways send templates), or a free text. */
export type Message = Addressing &
  (
    | { template: TemplateCode; variables: Record<string, string> }
    | { template?: undefined; body: string; subject?: string }
  );

const HOUR = 3600_000;

async function write(tx: DbOrTx, message: Message, allowCode: boolean): Promise<void> {
  const base = {
    channel: message.channel,
    recipient: message.recipient,
    topic: message.topic ?? null,
    regionCode: message.regionCode ?? null,
  };
  if (message.template === undefined) {
    await outboxRepo.insert(tx, { ...base, kind: 'notice', subject: message.subject ?? null, body: message.body });
  } else {
    const { template, body, subject } = renderTemplate(message.template, message.variables);
    if (!template.channels.includes(message.channel))
      throw new TemplateError(`template ${message.template} is not for ${message.channel}`);
    if (template.kind === 'code' && !allowCode)
      throw new TemplateError(`template ${message.template} is a one-time code: send it with notifyCode`);
    await outboxRepo.insert(tx, {
      ...base,
      kind: template.kind,
      subject,
      body,
      template: message.template,
      variables: message.variables,
    });
  }
  await outboxRepo.signalCommit(tx);
}

/**
 * One interface for SMS and e-mail. Messages are written to the outbox in the caller's
 * transaction, so a message exists exactly when the change that caused it was committed; the
 * commit wakes the dispatcher (NOTIFY), which sends it within seconds.
 */
export async function notify(tx: DbOrTx, message: Message): Promise<void> {
  await write(tx, message, false);
}

/**
 * A one-time code: at most SMS_CODES_PER_HOUR to one recipient an hour, counted where the
 * message is written (in the caller's transaction: a refused code rolls back the code it would
 * have carried, and counts nothing).
 */
export async function notifyCode(
  tx: DbOrTx,
  deps: Pick<Deps, 'config' | 'now'>,
  message: Addressing & { template: TemplateCode; variables: Record<string, string> },
): Promise<void> {
  await enforce(
    tx,
    deps.now(),
    [
      {
        key: `code-message:${message.channel}:${message.recipient}`,
        max: deps.config.messages.codesPerHour,
        windowMs: HOUR,
      },
    ],
    { zh: '验证码发送', en: 'one-time codes sent to this number' },
  );
  await write(tx, message, true);
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
