import type { Logger } from 'pino';
import type { AppConfig } from '../../../config.js';
import type { MessageChannel } from '../tables.js';
import { logProvider } from './log.js';
import { smtpProvider } from './smtp.js';
import { tencentSmsProvider } from './tencent-sms.js';
import type { MessageProvider } from './types.js';
import { webhookSmsProvider } from './webhook-sms.js';

export type Providers = Record<MessageChannel, MessageProvider>;

// One set per configuration: the SMTP pool keeps its connections between dispatcher runs.
const cache = new WeakMap<AppConfig, Providers>();

function build(config: AppConfig, logger: Logger): Providers {
  const m = config.messages;
  const log = logProvider(logger);
  // The config check guarantees the settings of a chosen provider (config.ts PROVIDER_NEEDS).
  const sms =
    m.smsProvider === 'tencent' && m.tencent
      ? tencentSmsProvider(m.tencent, m.sendTimeoutMs)
      : m.smsProvider === 'webhook' && m.webhook
        ? webhookSmsProvider(m.webhook, m.sendTimeoutMs)
        : log;
  const email = m.emailProvider === 'smtp' && m.smtp ? smtpProvider(m.smtp, m.sendTimeoutMs) : log;
  return { sms, email };
}

/** The provider of each channel for this configuration. */
export function providersFor(config: AppConfig, logger: Logger): Providers {
  let p = cache.get(config);
  if (!p) cache.set(config, (p = build(config, logger)));
  return p;
}

/** Closes pooled connections (SMTP); call on shutdown. */
export async function closeProviders(config: AppConfig): Promise<void> {
  const p = cache.get(config);
  cache.delete(config);
  if (p) for (const provider of new Set([p.sms, p.email])) await provider.close?.();
}
