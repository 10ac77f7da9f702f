export const dashboardKeys = {
  /** The home page's figures, in the caller's scope. */
  figures: ['/api/dashboard'] as const,
  /** The caller's work on the home page (a mediator's, a court's, an employer's), by role. */
  home: ['/api/disputes/home'] as const,
};

/** The employer's own cases, paged (the case list answers an employer's agent with its employer's cases). */
export const MY_CASES_API = '/api/disputes';
