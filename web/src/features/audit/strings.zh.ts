// Chinese strings of the audit log page (registered in i18n.ts under `audit`).
export const auditZh = {
  title: '审计日志',
  at: '时间',
  actor: '操作人',
  action: '操作',
  entityType: '对象类型',
  entityId: '对象编号',
  region: '区划',
  ip: 'IP 地址',
  requestId: '请求编号',
  period: '时间范围',
  before: '变更前',
  after: '变更后',
  system: '系统',
  noDetail: '无变更内容',
};

export type AuditStrings = typeof auditZh;
