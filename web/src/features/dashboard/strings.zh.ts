// Chinese strings of the home page (registered in i18n.ts under `dashboard`).
export const dashboardZh = {
  title: '首页',
  scope: '统计范围：{{region}}',
  national: '全国',
  chart: '概览',
};

export type DashboardStrings = typeof dashboardZh;
