import type { Logger } from 'pino';
import { maskMobile } from '../../../../contracts/identifiers.js';
import type { MessageProvider } from './types.js';

/** An address as the log may show it: the domain and the first character. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  return /\d{7,}/.test(recipient) ? maskMobile(recipient) : '***';
}

/**
 * The default: nothing leaves the building. The message stays readable in the outbox (the
 * demo phone shows it); the log says that it was "sent", to whom (masked) and with which
 * template, never its text, which may hold a one-time code.
 */
export function logProvider(logger: Logger): MessageProvider {
  return {
    name: 'log',
    async send(message) {
      logger.info(
        {
          messageId: message.id,
          channel: message.channel,
          to: maskRecipient(message.recipient),
          template: message.template,
        },
        'message delivered to the log (no gateway configured)',
      );
      return { providerMessageId: null, status: 'delivered' };
    },
  };
}
