import crypto from 'node:crypto';
import type { MessageSettings } from '../../../config.js';
import { templateParams } from '../templates.js';
import { postWithin, type HttpAnswer } from './http.js';
import { SendError, asSendError, type MessageProvider } from './types.js';

type WebhookSettings = NonNullable<MessageSettings['webhook']>;

/** The signature header's value: HMAC-SHA256 over "<timestamp>.<body>", so a replayed body with a new time fails. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * An in-house SMS gateway: POST JSON {to, template, params, text, messageId} with
 * X-Yizhan-Timestamp (Unix seconds) and X-Yizhan-Signature. The gateway answers 2xx (optionally
 * {"id": "…"}); 408, 429 and 5xx are tried again, any other status is final. messageId lets
 * the gateway drop a message it already sent (a retry after a lost answer).
 */
export function webhookSmsProvider(s: WebhookSettings, timeoutMs: number): MessageProvider {
  return {
    name: 'webhook',
    async send(message, signal) {
      const body = JSON.stringify({
        to: message.recipient,
        template: message.template,
        params: message.template ? templateParams(message.template, message.variables ?? {}) : [],
        text: message.body,
        messageId: message.id,
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      let res: HttpAnswer;
      try {
        res = await postWithin(
          s.url,
          {
            headers: {
              'Content-Type': 'application/json; charset=utf-8',
              'X-Yizhan-Timestamp': timestamp,
              'X-Yizhan-Signature': webhookSignature(s.secret, timestamp, body),
            },
            body,
          },
          { signal, timeoutMs },
        );
      } catch (err) {
        throw asSendError(err);
      }
      const text = res.text;
      if (!res.ok) {
        const kind = res.status >= 500 || res.status === 408 || res.status === 429 ? 'transient' : 'permanent';
        throw new SendError(kind, `HTTP ${res.status}: ${text.slice(0, 200)}`);
      }
      let id: string | null = null;
      try {
        const parsed = JSON.parse(text) as { id?: unknown };
        if (typeof parsed.id === 'string' || typeof parsed.id === 'number') id = String(parsed.id).slice(0, 128);
      } catch {
        // A gateway may answer with an empty body; the message id then stands for it.
      }
      return { providerMessageId: id ?? message.id, status: 'sent' };
    },
  };
}
