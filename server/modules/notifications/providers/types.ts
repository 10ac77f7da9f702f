import type { MessageChannel, MessageKind } from '../tables.js';

/** What a provider is given: the stored message, nothing else. */
export interface OutgoingMessage {
  id: string;
  channel: MessageChannel;
  kind: MessageKind;
  recipient: string;
  subject: string | null;
  body: string;
  template: string | null;
  variables: Record<string, string> | null;
}

export interface SendResult {
  providerMessageId: string | null;
  /** 'delivered' when it only reached the log (the log provider), 'sent' when it left the building. */
  status: 'sent' | 'delivered';
}

/** One interface for every gateway: send, or throw a SendError saying whether a retry may help. */
export interface MessageProvider {
  name: string;
  send(message: OutgoingMessage, signal: AbortSignal): Promise<SendResult>;
  close?(): Promise<void> | void;
}

/**
 * transient: the same message may go through later (busy, rate-limited, time-out, 4xx SMTP);
 * permanent: it never will (bad number, rejected address, unknown template, bad credentials).
 */
export class SendError extends Error {
  constructor(
    readonly kind: 'transient' | 'permanent',
    message: string,
  ) {
    super(message);
  }
}

/** An error from fetch or a socket as a SendError: a time-out or a network failure may pass later. */
export function asSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return new SendError('transient', 'timed out');
  const code = e?.cause?.code ? ` (${e.cause.code})` : '';
  return new SendError('transient', `${e?.message ?? String(err)}${code}`.slice(0, 300));
}

/** A mainland mobile number in E.164, as SMS gateways want it; null for anything else. */
export function e164Mobile(recipient: string): string | null {
  const v = recipient.replace(/[\s-]/g, '');
  if (/^1[3-9]\d{9}$/.test(v)) return `+86${v}`;
  if (/^\+861[3-9]\d{9}$/.test(v)) return v;
  if (/^\+\d{8,15}$/.test(v)) return v;
  return null;
}
