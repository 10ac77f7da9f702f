import { getTableName, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { CaseFacts } from '../../../contracts/disputes/case-json.js';
import type { CaseState } from '../../../contracts/disputes/case-state.js';
import type {
  caseEventSchema,
  caseEvidenceSchema,
  casePaymentSchema,
  caseSessionSchema,
} from '../../../contracts/disputes/responses.js';
import { accounts } from '../accounts/tables.js';
import { courts } from '../courts/tables.js';
import { employers } from '../employers/tables.js';
import { people } from '../people/tables.js';
import { disputeCases, disputeEvents, disputeEvidence, disputePayments, disputeSessions } from './tables.js';

// What the case list and the case file select (repository.ts runs the queries): the names of
// the parties, mediator, judge and court beside the case row, and the rows around it as json.

/**
 * One value of the row a foreign key of the case points at, as a scalar subquery (cheaper to plan
 * than a join). Written out qualified: Drizzle leaves columns unqualified in a one-table select list.
 */
function lookup(table: PgTable, value: AnyPgColumn, fk: AnyPgColumn): SQL<string | null> {
  const t = sql.identifier(getTableName(table));
  const c = sql.identifier(getTableName(disputeCases));
  return sql<
    string | null
  >`(select ${t}.${sql.identifier(value.name)} from ${t} where ${t}."id" = ${c}.${sql.identifier(fk.name)})`;
}

export const listColumns = {
  id: disputeCases.id,
  caseNumber: disputeCases.caseNumber,
  stage: disputeCases.stage,
  kind: disputeCases.kind,
  sector: disputeCases.sector,
  claimTypes: disputeCases.claimTypes,
  claimTotalFen: disputeCases.claimTotalFen,
  settledFen: disputeCases.settledFen,
  workerCount: disputeCases.workerCount,
  joint: disputeCases.joint,
  appliedOn: disputeCases.appliedOn,
  nextDueOn: disputeCases.nextDueOn,
  closedReason: disputeCases.closedReason,
  // Names as scalar subqueries, not joins: the same rows, and the planner no longer searches join
  // orders on every page (about 1 ms of planning per list).
  workerName: sql<string>`${lookup(people, people.name, disputeCases.workerPersonId)}`,
  employerName: sql<
    string | null
  >`coalesce(${lookup(employers, employers.name, disputeCases.employerId)}, ${disputeCases.facts}->'employer'->>'name')`,
  mediatorName: lookup(accounts, accounts.displayName, disputeCases.mediatorAccountId),
  courtName: lookup(courts, courts.name, disputeCases.courtId),
  // An online application held until a mediator verifies the applicant (identity-hold.ts).
  identityHeld: sql<boolean>`coalesce(${disputeCases.facts}->'identityMatch'->>'status' = 'held', false)`,
  // What the row's clocks, and so its risk, are computed from (case-record.ts), as on the case page.
  clockState: sql<CaseState | null>`${disputeCases.record}->'state'`,
  employment: sql<CaseFacts['employment'] | null>`${disputeCases.facts}->'employment'`,
};

/** A timestamptz as JavaScript's `toISOString()` writes it (UTC, milliseconds truncated like the driver's Date). */
function iso(col: AnyColumn): SQL {
  return sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * `[{…}, …]` of the rows of a child table, in order, as one json value (`[]` when none). `T` names
 * the shape the fields build (the case file's response schemas).
 */
function jsonList<T>(fields: [keyof T & string, SQL | AnyColumn][], from: SQL, orderBy: SQL): SQL<T[]> {
  const pairs = sql.join(
    fields.map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`),
    sql`, `,
  );
  return sql<
    T[]
  >`coalesce((select json_agg(json_build_object(${pairs}) order by ${orderBy}) from ${from}), '[]'::json)`;
}

const e = disputeEvents;
const s = disputeSessions;
const p = disputePayments;
const v = disputeEvidence;
/** The case file around one case row, keys and order as the separate reads had them. */
export const fileColumns = {
  events: jsonList<CaseFileJson['events'][number]>(
    [
      ['id', e.id],
      ['caseId', e.caseId],
      ['at', iso(e.at)],
      ['actorAccountId', e.actorAccountId],
      ['actorLabel', e.actorLabel],
      ['action', e.action],
      ['fromStage', e.fromStage],
      ['toStage', e.toStage],
      ['payload', e.payload],
    ],
    sql`${e} where ${e.caseId} = ${disputeCases.id}`,
    sql`${e.id}`,
  ),
  sessions: jsonList<CaseFileJson['sessions'][number]>(
    [
      ['id', s.id],
      ['caseId', s.caseId],
      ['mode', s.mode],
      ['scheduledAt', iso(s.scheduledAt)],
      ['location', s.location],
      ['meetingUrl', s.meetingUrl],
      ['heldAt', iso(s.heldAt)],
      ['minutes', s.minutes],
      ['reminderSentAt', iso(s.reminderSentAt)],
      ['createdAt', iso(s.createdAt)],
    ],
    sql`${s} where ${s.caseId} = ${disputeCases.id}`,
    sql`${s.scheduledAt}, ${s.id}`,
  ),
  payments: jsonList<CaseFileJson['payments'][number]>(
    [
      ['id', p.id],
      ['caseId', p.caseId],
      ['seq', p.seq],
      ['dueOn', p.dueOn],
      ['amountFen', p.amountFen],
      ['paidOn', p.paidOn],
      ['paidFen', p.paidFen],
    ],
    sql`${p} where ${p.caseId} = ${disputeCases.id}`,
    sql`${p.seq}`,
  ),
  // Never the content bytes: the list shows names and sizes.
  evidence: jsonList<CaseFileJson['evidence'][number]>(
    [
      ['id', v.id],
      ['filename', v.filename],
      ['mime', v.mime],
      ['sizeBytes', v.sizeBytes],
      ['description', v.description],
      ['uploadedBy', v.uploadedBy],
      ['createdAt', iso(v.createdAt)],
    ],
    sql`${v} where ${v.caseId} = ${disputeCases.id}`,
    sql`${v.createdAt}, ${v.id}`,
  ),
};

/** The rows around a case as the case file lists them (contracts/disputes/responses.ts). */
export interface CaseFileJson {
  events: z.infer<typeof caseEventSchema>[];
  sessions: z.infer<typeof caseSessionSchema>[];
  payments: z.infer<typeof casePaymentSchema>[];
  evidence: z.infer<typeof caseEvidenceSchema>[];
}

export interface CaseNames {
  workerName: string | null;
  workerPhone: string | null;
  employerName: string | null;
  respondentName: string | null;
  mediatorName: string | null;
  judgeName: string | null;
  courtName: string | null;
  courtCode: string | null;
}

// Six left joins made the planner search join orders on every read (about 1.5 ms of planning);
// the same names as scalar subqueries plan in a fraction of that.
export const nameColumns = {
  workerName: lookup(people, people.name, disputeCases.workerPersonId),
  workerPhone: lookup(people, people.phone, disputeCases.workerPersonId),
  employerName: lookup(employers, employers.name, disputeCases.employerId),
  respondentName: lookup(employers, employers.name, disputeCases.respondentEmployerId),
  mediatorName: lookup(accounts, accounts.displayName, disputeCases.mediatorAccountId),
  judgeName: lookup(accounts, accounts.displayName, disputeCases.judgeAccountId),
  courtName: lookup(courts, courts.name, disputeCases.courtId),
  courtCode: lookup(courts, courts.code, disputeCases.courtId),
};
