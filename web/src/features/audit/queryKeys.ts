/** The audit trail's API; its list pages are keyed under it. */
export const AUDIT_API = '/api/audit';

export const auditKeys = {
  all: [AUDIT_API] as const,
};
