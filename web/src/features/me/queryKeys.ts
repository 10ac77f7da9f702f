export const meKeys = {
  /** The signed-in worker's own person record. */
  person: ['/api/me/person'] as const,
};
