import {
  and,
  asc,
  desc,
  eq,
  getTableName,
  gte,
  inArray,
  lte,
  notInArray,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
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
import type { DbOrTx } from '../../db/client.js';
import { accounts } from '../accounts/tables.js';
import { courts } from '../courts/tables.js';
import { employers } from '../employers/tables.js';
import { people } from '../people/tables.js';
import { escapeLike } from '../../core/scope.js';
import { OPEN_STAGES, TERMINAL_STAGES } from './rules/stages.js';
import {
  calendarOverrides,
  disputeAccessTokens,
  disputeCases,
  disputeEvents,
  disputeEvidence,
  disputePayments,
  disputeSessions,
  mediatorProfiles,
} from './tables.js';

export interface CaseFilter {
  visibility: SQL | undefined;
  stage?: string;
  q?: string;
  courtId?: string;
  mediatorId?: string;
  sector?: string;
  from?: string;
  to?: string;
  open?: boolean;
  dueBefore?: string;
}

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

const listColumns = {
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
  // What the row's clocks, and so its risk, are computed from (case-record.ts), as on the case page.
  clockState: sql<CaseState | null>`${disputeCases.record}->'state'`,
  employment: sql<CaseFacts['employment'] | null>`${disputeCases.facts}->'employment'`,
};

function looksLikeCaseNumber(q: string): boolean {
  return /\d{4}/.test(q) || q.includes('〔');
}

/** Counting stops here: a list of "more than 2,000" cases pages just as well (the statistics page has exact figures), and counting all would not scale. */
export const COUNT_CAP = 2_000;

function where(f: CaseFilter): SQL | undefined {
  return and(
    f.visibility,
    f.stage ? eq(disputeCases.stage, f.stage) : undefined,
    f.courtId ? eq(disputeCases.courtId, f.courtId) : undefined,
    f.mediatorId ? eq(disputeCases.mediatorAccountId, f.mediatorId) : undefined,
    f.sector ? eq(disputeCases.sector, f.sector) : undefined,
    f.from ? gte(disputeCases.appliedOn, f.from) : undefined,
    f.to ? lte(disputeCases.appliedOn, f.to) : undefined,
    // A positive list of stages, so the (stage, …) indexes serve it.
    f.open ? inArray(disputeCases.stage, [...OPEN_STAGES]) : undefined,
    f.dueBefore ? lte(disputeCases.nextDueOn, f.dueBefore) : undefined,
    // A case number (exact) or the start of a worker's name (王, 王建, 王建军): both served by an index.
    f.q
      ? looksLikeCaseNumber(f.q)
        ? eq(disputeCases.caseNumber, f.q)
        : sql`${disputeCases.workerPersonId} in (select id from ${people} where ${people.name} like ${escapeLike(f.q) + '%'})`
      : undefined,
  );
}

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
const fileColumns = {
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
const nameColumns = {
  workerName: lookup(people, people.name, disputeCases.workerPersonId),
  workerPhone: lookup(people, people.phone, disputeCases.workerPersonId),
  employerName: lookup(employers, employers.name, disputeCases.employerId),
  respondentName: lookup(employers, employers.name, disputeCases.respondentEmployerId),
  mediatorName: lookup(accounts, accounts.displayName, disputeCases.mediatorAccountId),
  judgeName: lookup(accounts, accounts.displayName, disputeCases.judgeAccountId),
  courtName: lookup(courts, courts.name, disputeCases.courtId),
  courtCode: lookup(courts, courts.code, disputeCases.courtId),
};

/**
 * The case reads run on every page view, so they are prepared once per database handle: the
 * query is built once and PostgreSQL parses it once per connection (named statement) and, after
 * a few runs, keeps its plan. A transaction is its own handle (its prepared copy dies with it).
 */
function preparedPer<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const cache = new WeakMap<DbOrTx, T>();
  return (db) => {
    let q = cache.get(db);
    if (!q) cache.set(db, (q = build(db)));
    return q;
  };
}

const byIdQuery = preparedPer((db) =>
  db
    .select()
    .from(disputeCases)
    .where(eq(disputeCases.id, sql.placeholder('id')))
    .prepare('dispute_case_by_id'),
);
const fileQuery = preparedPer((db) =>
  db
    .select({ ...nameColumns, ...fileColumns })
    .from(disputeCases)
    .where(eq(disputeCases.id, sql.placeholder('id')))
    .prepare('dispute_case_file'),
);

export const caseRepo = {
  /**
   * Everything the case page shows besides the row itself, in one query: the names of the parties,
   * mediator, judge and court, and the events, sessions, payments and evidence list as json.
   * One round trip instead of six (each costs more in the driver than in the database).
   */
  async file(db: DbOrTx, caseId: string): Promise<(CaseFileJson & { names: CaseNames }) | null> {
    const [r] = await fileQuery(db).execute({ id: caseId });
    if (!r) return null;
    const { events, sessions, payments, evidence, ...names } = r;
    return { events, sessions, payments, evidence, names };
  },

  /**
   * One page: the ids are chosen on the cases table alone (an index walk in list order), and only
   * those rows are joined to names, so the cost does not grow with the number of cases.
   */
  async list(db: DbOrTx, f: CaseFilter, limit: number, offset: number, order: 'recent' | 'due' = 'recent') {
    const ordering =
      order === 'due'
        ? [asc(disputeCases.nextDueOn), asc(disputeCases.caseNumber)]
        : [desc(disputeCases.appliedOn), desc(disputeCases.caseNumber)];
    const pageIds = db.$with('page_ids').as(
      db
        .select({ pageId: sql<string>`${disputeCases.id}`.as('page_id') })
        .from(disputeCases)
        .where(where(f))
        .orderBy(...ordering)
        .limit(limit)
        .offset(offset),
    );
    const capped = db
      .select({ one: sql`1` })
      .from(disputeCases)
      .where(where(f))
      .limit(COUNT_CAP + 1)
      .as('capped');
    // The page and the count are independent: run them side by side on two connections.
    const [items, [count]] = await Promise.all([
      db
        .with(pageIds)
        .select(listColumns)
        .from(pageIds)
        .innerJoin(disputeCases, eq(disputeCases.id, pageIds.pageId))
        .orderBy(...ordering),
      db.select({ n: sql<number>`count(*)::int` }).from(capped),
    ]);
    const n = count?.n ?? 0;
    return { items, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await byIdQuery(db).execute({ id });
    return row ?? null;
  },
  async evidenceUsage(db: DbOrTx, caseId: string): Promise<{ files: number; bytes: number }> {
    const [row] = await db
      .select({
        files: sql<number>`count(*)::int`,
        bytes: sql<number>`coalesce(sum(${disputeEvidence.sizeBytes}), 0)::bigint`,
      })
      .from(disputeEvidence)
      .where(eq(disputeEvidence.caseId, caseId));
    return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) };
  },
  async rulingNoTaken(db: DbOrTx, rulingNo: string, exceptCaseId: string) {
    const [row] = await db
      .select({ id: disputeCases.id })
      .from(disputeCases)
      .where(and(eq(disputeCases.rulingNo, rulingNo), sql`${disputeCases.id} <> ${exceptCaseId}`))
      .limit(1);
    return !!row;
  },
  /** The highest n among ruling numbers `${prefix}n号` already issued (0 when none). */
  async highestRulingSeq(db: DbOrTx, prefix: string): Promise<number> {
    const digits = sql`substring(${disputeCases.rulingNo} from ${prefix.length + 1}::int for char_length(${disputeCases.rulingNo}) - ${prefix.length + 1}::int)`;
    const [row] = await db
      .select({ n: sql<number>`coalesce(max(case when ${digits} ~ '^[0-9]{1,9}$' then (${digits})::int end), 0)::int` })
      .from(disputeCases)
      .where(sql`${disputeCases.rulingNo} like ${escapeLike(prefix) + '%号'}`);
    return Number(row?.n ?? 0);
  },
  async byIdForUpdate(db: DbOrTx, id: string) {
    const [row] = await db.select().from(disputeCases).where(eq(disputeCases.id, id)).for('update');
    return row ?? null;
  },
  async byNumber(db: DbOrTx, caseNumber: string) {
    const [row] = await db.select().from(disputeCases).where(eq(disputeCases.caseNumber, caseNumber));
    return row ?? null;
  },
  async openForWorkerAndEmployer(db: DbOrTx, personId: string, employerId: string | null, employerName: string) {
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
  },
  async events(db: DbOrTx, caseId: string) {
    return db.select().from(disputeEvents).where(eq(disputeEvents.caseId, caseId)).orderBy(asc(disputeEvents.id));
  },
  async sessions(db: DbOrTx, caseId: string) {
    return db
      .select()
      .from(disputeSessions)
      .where(eq(disputeSessions.caseId, caseId))
      .orderBy(asc(disputeSessions.scheduledAt));
  },
  async payments(db: DbOrTx, caseId: string) {
    return db
      .select()
      .from(disputePayments)
      .where(eq(disputePayments.caseId, caseId))
      .orderBy(asc(disputePayments.seq));
  },
  async evidence(db: DbOrTx, caseId: string) {
    return db
      .select({
        id: disputeEvidence.id,
        filename: disputeEvidence.filename,
        mime: disputeEvidence.mime,
        sizeBytes: disputeEvidence.sizeBytes,
        description: disputeEvidence.description,
        uploadedBy: disputeEvidence.uploadedBy,
        createdAt: disputeEvidence.createdAt,
      })
      .from(disputeEvidence)
      .where(eq(disputeEvidence.caseId, caseId))
      .orderBy(asc(disputeEvidence.createdAt));
  },
  async calendarOverrides(db: DbOrTx) {
    return db.select().from(calendarOverrides);
  },
  async mediators(db: DbOrTx, regionPrefixLike: string) {
    const active = sql<number>`(select count(*)::int from ${disputeCases} c where c.mediator_account_id = ${accounts.id} and c.stage not in ${[...TERMINAL_STAGES]})`;
    return db
      .select({
        id: accounts.id,
        name: accounts.displayName,
        expertise: mediatorProfiles.expertise,
        available: mediatorProfiles.available,
        conflicts: mediatorProfiles.conflictEmployerIds,
        activeCases: active,
      })
      .from(accounts)
      .leftJoin(mediatorProfiles, eq(mediatorProfiles.accountId, accounts.id))
      .where(
        and(
          sql`'mediator' = any(${accounts.roles})`,
          eq(accounts.status, 'active'),
          sql`${accounts.regionCode} like ${regionPrefixLike}`,
        ),
      );
  },
  async judges(db: DbOrTx, courtId: string) {
    return db
      .select({ id: accounts.id, name: accounts.displayName })
      .from(accounts)
      .where(and(sql`'judge' = any(${accounts.roles})`, eq(accounts.courtId, courtId)));
  },
  async tokenByHash(db: DbOrTx, hash: string) {
    const [row] = await db.select().from(disputeAccessTokens).where(eq(disputeAccessTokens.tokenHash, hash));
    return row ?? null;
  },
  async openCases(db: DbOrTx, limit: number, afterId: string | null) {
    return db
      .select()
      .from(disputeCases)
      .where(
        and(
          notInArray(disputeCases.stage, [...TERMINAL_STAGES]),
          afterId ? sql`${disputeCases.id} > ${afterId}` : undefined,
        ),
      )
      .orderBy(asc(disputeCases.id))
      .limit(limit);
  },
  async casesByIds(db: DbOrTx, ids: string[]) {
    return ids.length ? db.select().from(disputeCases).where(inArray(disputeCases.id, ids)) : [];
  },
};
