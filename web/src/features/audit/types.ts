// A row of GET /api/audit, from its response schema (contracts/audit.ts).

export type { AuditEntry } from '../../../../contracts/audit';
