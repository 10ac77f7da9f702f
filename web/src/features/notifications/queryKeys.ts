/** The administrators' messages API; its list pages and records are keyed under it. */
export const MESSAGES_API = '/api/notifications/messages';

export const notificationKeys = {
  /** What the demo phone received, per number or e-mail address. */
  demoPhone: (to: string) => ['/api/public/demo-phone', to] as const,
  messages: [MESSAGES_API] as const,
  message: (id: string) => [MESSAGES_API, id] as const,
};
