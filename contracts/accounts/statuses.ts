// Browser-safe and zod-free (the web imports it at run time; the schemas are in contracts/accounts.ts).

/** An account signs in while active; a disabled one cannot, and its sessions end at once. */
export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
