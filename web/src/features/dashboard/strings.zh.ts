// Chinese strings of the home page (registered in i18n.ts under `dashboard`).
export const dashboardZh = {
  title: '首页',
  scope: '统计范围：{{region}}',
  national: '全国',
  chart: '概览',
  chartCounts: '数量',
  chartAmounts: '金额（元）',
  figures: '统计概览',
  total: '共 {{n}} 件',
  totalCapped: '超过 {{n}} 件',
  viewAll: '查看全部',
  empty: '暂无',
  caseNumber: '案号',
  worker: '职工',
  stage: '阶段',
  claimTotal: '请求金额',
  nextDue: '下一期限',
  appliedOn: '申请日期',
  mediator: {
    open: '我的在办案件',
    dueSoon: '{{days}} 日内到期（超期在前）',
    toAssign: '待分配的网上申请',
    toAssignHint: '本地区尚未指派调解员的网上申请，请在案件页指派。',
  },
  court: {
    queue: '待审查的司法确认申请',
    queueHint: '最早申请的在前；审查和裁定在案件页进行。',
    openQueue: '进入司法确认',
  },
  employer: {
    cases: '本单位的案件',
    casesHint: '本单位作为用人单位或被申请人的劳动争议调解案件。',
    myCases: '我的案件',
  },
};

export type DashboardStrings = typeof dashboardZh;
