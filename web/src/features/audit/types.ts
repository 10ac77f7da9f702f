// A row of GET /api/audit and the list's filters, from their schemas (contracts/audit.ts).

export type { AuditEntry, AuditFilterInput } from '../../../../contracts/audit';
