import { and, asc, eq, like, ne, notInArray, sql } from 'drizzle-orm';
import { escapeLike } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { listColumns } from '../case-columns.js';
import { TERMINAL_STAGES } from '../rules/stages.js';
import { disputeCases } from '../tables.js';

// Intake's own reads: an open case of the same worker against the same employer, a person's open
// cases (a held application's registered person), and the case numbers already issued. The new
// case itself is written by case-writer.ts (createCase).

/** An open case of this worker against this employer (by id, or by name when it has no USCC). */
export async function openCaseOf(db: DbOrTx, personId: string, employerId: string | null, employerName: string) {
  const [row] = await db
    .select({ id: disputeCases.id, caseNumber: disputeCases.caseNumber })
    .from(disputeCases)
    .where(
      and(
        eq(disputeCases.workerPersonId, personId),
        notInArray(disputeCases.stage, [...TERMINAL_STAGES]),
        employerId
          ? eq(disputeCases.employerId, employerId)
          : sql`${disputeCases.facts}->'employer'->>'name' = ${employerName}`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** A person's open cases but one (at most `limit`, oldest first), with the region that decides who may open them. */
export async function openCasesOfPerson(db: DbOrTx, personId: string, exceptCaseId: string, limit = 20) {
  return db
    .select({
      id: disputeCases.id,
      caseNumber: disputeCases.caseNumber,
      stage: disputeCases.stage,
      employerName: listColumns.employerName,
      regionCode: disputeCases.regionCode,
    })
    .from(disputeCases)
    .where(
      and(
        eq(disputeCases.workerPersonId, personId),
        ne(disputeCases.id, exceptCaseId),
        notInArray(disputeCases.stage, [...TERMINAL_STAGES]),
      ),
    )
    .orderBy(asc(disputeCases.appliedOn), asc(disputeCases.caseNumber))
    .limit(limit);
}

/** The highest number n among case numbers `${prefix}n号` already issued (0 when none). */
export async function highestCaseSeq(db: DbOrTx, prefix: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number | null>`max(substring(${disputeCases.caseNumber} from '〕([0-9]+)号$')::int)` })
    .from(disputeCases)
    .where(like(disputeCases.caseNumber, `${escapeLike(prefix)}%`));
  return row?.n ?? 0;
}
