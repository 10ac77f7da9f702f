import { sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../modules/audit/tables.js';
import { bulkInsert, type BulkColumn } from '../db/bulk.js';
import type { DbOrTx } from '../db/client.js';
import type { Ctx } from './context.js';
import { maskMobile } from './identifiers/phone.js';

const SECRET_KEYS = /password|token|secret|residentIdEnc|residentIdHash/i;
const RESIDENT_ID_KEYS = /^residentId$/i;
const PHONE_KEYS = /phone|mobile/i;

/** Audit snapshots never carry secrets and show personal numbers masked. */
export function maskForAudit(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(maskForAudit);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_KEYS.test(key)) out[key] = v == null ? null : '***';
    else if (RESIDENT_ID_KEYS.test(key) && typeof v === 'string') out[key] = `${v.slice(0, 4)}**********${v.slice(-4)}`;
    else if (PHONE_KEYS.test(key) && typeof v === 'string') out[key] = maskMobile(v);
    else out[key] = maskForAudit(v);
  }
  return out;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

function auditRow(ctx: Ctx, entry: AuditEntry) {
  return {
    actorAccountId: ctx.actor?.accountId ?? null,
    actorName: ctx.actor?.displayName ?? 'system',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode ?? null,
    before: entry.before === undefined ? null : maskForAudit(entry.before),
    after: entry.after === undefined ? null : maskForAudit(entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

/** Call inside the same transaction as the change it records. */
export async function writeAudit(tx: DbOrTx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, entry));
}

/**
 * The audit records of a bulk change (an import's batch, a run): one COPY on PostgreSQL, a few
 * unnest inserts on PGlite (db/bulk.ts), so that an import of a province's registry does not spend
 * its time building multi-row VALUES lists.
 */
export async function writeAuditMany(tx: DbOrTx, ctx: Ctx, entries: AuditEntry[]): Promise<void> {
  const A = auditLog;
  type Row = ReturnType<typeof auditRow>;
  await bulkInsert(
    tx,
    'audit_log',
    [
      { name: A.actorAccountId.name, type: 'uuid', value: (r) => r.actorAccountId },
      { name: A.actorName.name, type: 'text', value: (r) => r.actorName },
      { name: A.action.name, type: 'text', value: (r) => r.action },
      { name: A.entityType.name, type: 'text', value: (r) => r.entityType },
      { name: A.entityId.name, type: 'text', value: (r) => r.entityId },
      { name: A.regionCode.name, type: 'text', value: (r) => r.regionCode },
      { name: A.before.name, type: 'jsonb', value: (r) => r.before },
      { name: A.after.name, type: 'jsonb', value: (r) => r.after },
      { name: A.requestId.name, type: 'text', value: (r) => r.requestId },
      { name: A.ip.name, type: 'text', value: (r) => r.ip },
    ] satisfies BulkColumn<Row>[],
    entries.map((e) => auditRow(ctx, e)),
  );
}

/**
 * The audit records of a set-based change, as an `INSERT INTO audit_log … SELECT` for the change's
 * own statement (typically a WITH after the change's RETURNING), so that tens of thousands of
 * records are written without their rows coming to Node. `entries` yields, per record, `action`,
 * `entity_type`, `entity_id` (text), `region_code`, `before` and `after` (jsonb); the actor, the
 * request and the time are the context's and the transaction's, as for `writeAudit`. The database
 * builds the snapshots, so the caller masks what `maskForAudit` would (`auditMaskedPhone`,
 * `auditMaskedResidentId`) and leaves secrets out. audit_log stays append-only: this only inserts.
 */
export function auditInsertFrom(ctx: Ctx, entries: SQL): SQL {
  const A = auditLog;
  const columns = [
    A.actorAccountId,
    A.actorName,
    A.action,
    A.entityType,
    A.entityId,
    A.regionCode,
    A.before,
    A.after,
    A.requestId,
    A.ip,
  ].map((c) => sql.identifier(c.name));
  return sql`insert into ${auditLog} (${sql.join(columns, sql`, `)})
    select ${ctx.actor?.accountId ?? null}::uuid, ${ctx.actor?.displayName ?? 'system'}::text, e.action, e.entity_type,
      e.entity_id, e.region_code, e.before, e.after, ${ctx.requestId}::text, ${ctx.ip}::text
    from (${entries}) e`;
}

/** `maskMobile` in SQL (for `auditInsertFrom`): 138****5678; null stays null. */
export function auditMaskedPhone(phone: SQL): SQL {
  return sql`case when length(${phone}) <= 7 then repeat('*', length(${phone}))
    else left(${phone}, 3) || repeat('*', length(${phone}) - 7) || right(${phone}, 4) end`;
}

/** `maskResidentIdParts` in SQL (for `auditInsertFrom`): 4420**********1234; null without both parts. */
export function auditMaskedResidentId(head: SQL, tail: SQL): SQL {
  return sql`case when ${head} <> '' and ${tail} <> '' then ${head} || '**********' || ${tail} end`;
}
