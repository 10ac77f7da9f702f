import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { listColumns } from '../case-columns.js';
import { COUNT_CAP } from '../repository.js';
import { OPEN_STAGES } from '../rules/stages.js';
import { disputeCases } from '../tables.js';

// The home page's lists: a few rows each, and how many there are, within the caller's view
// (`visibility`, from access.ts). The full lists are the case list's (repository.ts at the root).

const open = () => inArray(disputeCases.stage, [...OPEN_STAGES]);

/** The first `limit` rows of a list in its order, and the number of all (counting stops at COUNT_CAP). */
async function firstRows(db: DbOrTx, where: SQL | undefined, ordering: SQL[], limit: number) {
  const capped = db
    .select({ one: sql`1` })
    .from(disputeCases)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('capped');
  const [items, [count]] = await Promise.all([
    db
      .select(listColumns)
      .from(disputeCases)
      .where(where)
      .orderBy(...ordering)
      .limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(capped),
  ]);
  const n = count?.n ?? 0;
  return { items, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

export const homeRepo = {
  /** The mediator's open cases, the soonest due first (none due last), then the newest. */
  mediatorOpen(db: DbOrTx, visibility: SQL | undefined, mediatorId: string, limit: number) {
    return firstRows(
      db,
      and(visibility, eq(disputeCases.mediatorAccountId, mediatorId), open()),
      [sql`${disputeCases.nextDueOn} asc nulls last`, desc(disputeCases.appliedOn), asc(disputeCases.caseNumber)],
      limit,
    );
  },

  /** The mediator's open cases due on or before `dueBy` (overdue ones included), the earliest first. */
  mediatorDue(db: DbOrTx, visibility: SQL | undefined, mediatorId: string, dueBy: string, limit: number) {
    return firstRows(
      db,
      and(visibility, eq(disputeCases.mediatorAccountId, mediatorId), open(), lte(disputeCases.nextDueOn, dueBy)),
      [asc(disputeCases.nextDueOn), asc(disputeCases.caseNumber)],
      limit,
    );
  },

  /** Online applications nobody has been assigned to yet, the oldest first. */
  unassignedOnline(db: DbOrTx, visibility: SQL | undefined, limit: number) {
    return firstRows(
      db,
      and(visibility, isNull(disputeCases.mediatorAccountId), eq(disputeCases.channel, 'online'), open()),
      [asc(disputeCases.appliedOn), asc(disputeCases.createdAt), asc(disputeCases.caseNumber)],
      limit,
    );
  },

  /** Agreements waiting for the court's review of the confirmation application, the oldest application first. */
  confirmationQueue(db: DbOrTx, visibility: SQL | undefined, limit: number) {
    return firstRows(
      db,
      and(visibility, eq(disputeCases.stage, 'confirmation_applied')),
      [asc(disputeCases.confirmationAppliedOn), asc(disputeCases.caseNumber)],
      limit,
    );
  },

  /** Every case in the caller's view (an employer's agent: its employer's), the newest first. */
  visibleCases(db: DbOrTx, visibility: SQL | undefined, limit: number) {
    return firstRows(db, visibility, [desc(disputeCases.appliedOn), desc(disputeCases.caseNumber)], limit);
  },
};
