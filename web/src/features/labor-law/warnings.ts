import type { LaborLawWarning } from '../../../../contracts/labor-law';

/** antd Alert type for each warning severity. */
export const ALERT_TYPE = { critical: 'error', warning: 'warning', info: 'info' } as const satisfies Record<
  LaborLawWarning['severity'],
  string
>;

const ORDER: Record<LaborLawWarning['severity'], number> = { critical: 0, warning: 1, info: 2 };

/** Critical first (a claim may be lost), then warnings, then notes; the server's order within each. */
export function sortWarnings(warnings: readonly LaborLawWarning[]): LaborLawWarning[] {
  return [...warnings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
