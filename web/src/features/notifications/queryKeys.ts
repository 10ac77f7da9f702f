export const notificationKeys = {
  /** What the demo phone received, per number or e-mail address. */
  demoPhone: (to: string) => ['/api/public/demo-phone', to] as const,
};
