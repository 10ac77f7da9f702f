import nodemailer from 'nodemailer';
import type { MessageSettings } from '../../../config.js';
import { SendError, asSendError, type MessageProvider } from './types.js';

type SmtpSettings = NonNullable<MessageSettings['smtp']>;

/**
 * SMTP reply codes: 4xx says "try later", 5xx "never" — except 503 (bad sequence), which comes
 * from a confused session rather than from the address, so a fresh connection may pass.
 */
export function smtpErrorKind(responseCode: number | undefined): 'transient' | 'permanent' {
  if (!responseCode) return 'transient';
  return responseCode >= 500 && responseCode !== 503 ? 'permanent' : 'transient';
}

/** E-mail through an SMTP server (nodemailer, pooled connections). */
export function smtpProvider(s: SmtpSettings, timeoutMs: number): MessageProvider {
  const transport = nodemailer.createTransport({
    url: s.url,
    pool: true,
    maxConnections: 5,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    name: 'smtp',
    async send(message) {
      let info: { messageId?: string; rejected?: unknown[] };
      try {
        info = await transport.sendMail({
          from: s.from,
          to: message.recipient,
          subject: message.subject ?? '一站通知',
          text: message.body,
          // The outbox id in the Message-ID: a receiver can drop a copy sent again after a lost answer.
          messageId: `<${message.id}@yizhan.outbox>`,
        });
      } catch (err) {
        const e = err as { responseCode?: number; response?: string; code?: string };
        if (e && (e.responseCode || e.code))
          throw new SendError(
            smtpErrorKind(e.responseCode),
            `${e.code ?? 'SMTP'} ${e.responseCode ?? ''} ${e.response ?? ''}`.trim().slice(0, 300),
          );
        throw asSendError(err);
      }
      if (info.rejected?.length) throw new SendError('permanent', 'recipient rejected');
      return { providerMessageId: info.messageId ?? null, status: 'sent' };
    },
    close: () => transport.close(),
  };
}
