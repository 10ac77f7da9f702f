// Browser-safe and zod-free (the web imports it at run time; the schemas are in contracts/labor-law.ts).

/** Upper bound for any fen figure: ¥100,000,000. */
export const MAX_FEN = 10_000_000_000;
