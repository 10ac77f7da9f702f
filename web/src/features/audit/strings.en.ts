import type { AuditStrings } from './strings.zh';

// English strings of the audit log page; the same keys as strings.zh.ts (the compiler checks).
export const auditEn: AuditStrings = {
  title: 'Audit log',
  at: 'Time',
  actor: 'Actor',
  action: 'Action',
  entityType: 'Entity type',
  entityId: 'Entity id',
  region: 'Region',
  ip: 'IP address',
  requestId: 'Request id',
  period: 'Period',
  before: 'Before',
  after: 'After',
  system: 'System',
  noDetail: 'No recorded change',
};
