import type { DashboardStrings } from './strings.zh';

// English strings of the home page; the same keys as strings.zh.ts (the compiler checks).
export const dashboardEn: DashboardStrings = {
  title: 'Home',
  scope: 'Figures for: {{region}}',
  national: 'Nationwide',
  chart: 'Overview',
  chartCounts: 'Count',
  chartAmounts: 'Amount (CNY)',
  figures: 'Figures',
  total: '{{n}} in all',
  totalCapped: 'more than {{n}}',
  viewAll: 'View all',
  empty: 'None',
  caseNumber: 'Case number',
  worker: 'Worker',
  stage: 'Stage',
  claimTotal: 'Amount claimed',
  nextDue: 'Next deadline',
  appliedOn: 'Applied on',
  mediator: {
    open: 'My open cases',
    dueSoon: 'Due within {{days}} days (overdue first)',
    toAssign: 'Online applications to assign',
    toAssignHint: 'Online applications of your region without a mediator yet; assign one on the case page.',
  },
  court: {
    queue: 'Confirmation applications to review',
    queueHint: 'Oldest application first; the review and the ruling are on the case page.',
    openQueue: 'Open the confirmation queue',
  },
  employer: {
    cases: 'Our cases',
    casesHint: 'Dispute cases where your company is the employer or the respondent.',
    myCases: 'My cases',
  },
};
