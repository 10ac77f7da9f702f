export const dashboardKeys = {
  /** The home page's figures, in the caller's scope. */
  figures: ['/api/dashboard'] as const,
};
