import { and, desc, eq, getTableColumns, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { accounts } from '../accounts/tables.js';
import { regions } from '../regions/tables.js';
import { auditLog } from './tables.js';

// What a person reads: the region by its name, the actor by the name kept with the entry (or the
// account's present name for an entry written without one), beside the codes and ids.
const columns = {
  ...getTableColumns(auditLog),
  actorName: sql<string | null>`coalesce(${auditLog.actorName}, ${accounts.displayName})`,
  regionName: regions.fullName,
};

export interface AuditFilter {
  scope: string | null;
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

function where(f: AuditFilter): SQL | undefined {
  return and(
    f.scope ? inRegion(auditLog.regionCode, f.scope) : undefined,
    f.action ? ilike(auditLog.action, likeText(f.action)) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.actor
      ? or(ilike(auditLog.actorName, likeText(f.actor)), sql`${auditLog.actorAccountId}::text = ${f.actor}`)
      : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
  );
}

export const auditRepo = {
  async list(db: DbOrTx, f: AuditFilter, limit: number, offset: number) {
    const items = await db
      .select(columns)
      .from(auditLog)
      .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
      .leftJoin(regions, eq(regions.code, auditLog.regionCode))
      .where(where(f))
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },
};
