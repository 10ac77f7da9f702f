import type { DashboardStrings } from './strings.zh';

// English strings of the home page; the same keys as strings.zh.ts (the compiler checks).
export const dashboardEn: DashboardStrings = {
  title: 'Home',
  scope: 'Figures for: {{region}}',
  national: 'Nationwide',
  chart: 'Overview',
};
