import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from './tables.js';

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
      .select()
      .from(auditLog)
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
