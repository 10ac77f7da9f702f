// Message states and channels, without zod: the web's messages page imports them at run time.

/** pending → sending → sent | failed; delivered: taken by the log provider (nothing left the building). */
export const MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'delivered', 'failed'] as const;
export type MessageStatusCode = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_CHANNELS = ['sms', 'email'] as const;
export type MessageChannelCode = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_KINDS = ['code', 'notice'] as const;

/** An attempt's outcome: ok, or a failure a retry may (transient) or may not (permanent) overcome. */
export const ATTEMPT_STATUSES = ['ok', 'transient', 'permanent'] as const;
