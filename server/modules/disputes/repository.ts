import { and, asc, desc, eq, gte, inArray, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accounts } from '../accounts/tables.js';
import { courts } from '../courts/tables.js';
import { employers } from '../employers/tables.js';
import { people } from '../people/tables.js';
import { escapeLike } from '../../core/scope.js';
import { STAGE_CODES } from './rules/stages.js';
import { calendarOverrides, disputeAccessTokens, disputeCases, disputeEvents, disputeEvidence, disputePayments, disputeSessions, mediatorProfiles } from './tables.js';

export const TERMINAL_STAGES = ['performed', 'closed_failed'];
export const OPEN_STAGES = STAGE_CODES.filter((s) => !TERMINAL_STAGES.includes(s));

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
  workerName: people.name,
  employerName: sql<string | null>`coalesce(${employers.name}, ${disputeCases.facts}->'employer'->>'name')`,
  mediatorName: accounts.displayName,
  courtName: courts.name,
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
    f.open ? inArray(disputeCases.stage, OPEN_STAGES) : undefined,
    f.dueBefore ? lte(disputeCases.nextDueOn, f.dueBefore) : undefined,
    // A case number (exact) or the start of a worker's name (王, 王建, 王建军): both served by an index.
    f.q ? (looksLikeCaseNumber(f.q) ? eq(disputeCases.caseNumber, f.q) : sql`${disputeCases.workerPersonId} in (select id from ${people} where ${people.name} like ${escapeLike(f.q) + '%'})`) : undefined,
  );
}

export const caseRepo = {
  /**
   * One page: the ids are chosen on the cases table alone (an index walk in list order), and only
   * those rows are joined to names, so the cost does not grow with the number of cases.
   */
  async list(db: DbOrTx, f: CaseFilter, limit: number, offset: number, order: 'recent' | 'due' = 'recent') {
    const ordering = order === 'due' ? [asc(disputeCases.nextDueOn), asc(disputeCases.caseNumber)] : [desc(disputeCases.appliedOn), desc(disputeCases.caseNumber)];
    const pageIds = db.$with('page_ids').as(
      db
        .select({ pageId: sql<string>`${disputeCases.id}`.as('page_id') })
        .from(disputeCases)
        .where(where(f))
        .orderBy(...ordering)
        .limit(limit)
        .offset(offset),
    );
    const capped = db.select({ one: sql`1` }).from(disputeCases).where(where(f)).limit(COUNT_CAP + 1).as('capped');
    // The page and the count are independent: run them side by side on two connections.
    const [items, [count]] = await Promise.all([
      db
      .with(pageIds)
      .select(listColumns)
      .from(pageIds)
      .innerJoin(disputeCases, eq(disputeCases.id, pageIds.pageId))
      .innerJoin(people, eq(people.id, disputeCases.workerPersonId))
      .leftJoin(employers, eq(employers.id, disputeCases.employerId))
      .leftJoin(accounts, eq(accounts.id, disputeCases.mediatorAccountId))
      .leftJoin(courts, eq(courts.id, disputeCases.courtId))
      .orderBy(...ordering),
      db.select({ n: sql<number>`count(*)::int` }).from(capped),
    ]);
    const n = count?.n ?? 0;
    return { items, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db.select().from(disputeCases).where(eq(disputeCases.id, id));
    return row ?? null;
  },
  async evidenceUsage(db: DbOrTx, caseId: string): Promise<{ files: number; bytes: number }> {
    const [row] = await db.select({ files: sql<number>`count(*)::int`, bytes: sql<number>`coalesce(sum(${disputeEvidence.sizeBytes}), 0)::bigint` }).from(disputeEvidence).where(eq(disputeEvidence.caseId, caseId));
    return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) };
  },
  async rulingNoTaken(db: DbOrTx, rulingNo: string, exceptCaseId: string) {
    const [row] = await db.select({ id: disputeCases.id }).from(disputeCases).where(and(eq(disputeCases.rulingNo, rulingNo), sql`${disputeCases.id} <> ${exceptCaseId}`)).limit(1);
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
          notInArray(disputeCases.stage, TERMINAL_STAGES),
          employerId ? eq(disputeCases.employerId, employerId) : sql`${disputeCases.facts}->'employer'->>'name' = ${employerName}`,
        ),
      )
      .limit(1);
    return row ?? null;
  },
  async events(db: DbOrTx, caseId: string) {
    return db.select().from(disputeEvents).where(eq(disputeEvents.caseId, caseId)).orderBy(asc(disputeEvents.id));
  },
  async sessions(db: DbOrTx, caseId: string) {
    return db.select().from(disputeSessions).where(eq(disputeSessions.caseId, caseId)).orderBy(asc(disputeSessions.scheduledAt));
  },
  async payments(db: DbOrTx, caseId: string) {
    return db.select().from(disputePayments).where(eq(disputePayments.caseId, caseId)).orderBy(asc(disputePayments.seq));
  },
  async evidence(db: DbOrTx, caseId: string) {
    return db
      .select({ id: disputeEvidence.id, filename: disputeEvidence.filename, mime: disputeEvidence.mime, sizeBytes: disputeEvidence.sizeBytes, description: disputeEvidence.description, uploadedBy: disputeEvidence.uploadedBy, createdAt: disputeEvidence.createdAt })
      .from(disputeEvidence)
      .where(eq(disputeEvidence.caseId, caseId))
      .orderBy(asc(disputeEvidence.createdAt));
  },
  async calendarOverrides(db: DbOrTx) {
    return db.select().from(calendarOverrides);
  },
  async mediators(db: DbOrTx, regionPrefixLike: string) {
    const active = sql<number>`(select count(*)::int from ${disputeCases} c where c.mediator_account_id = ${accounts.id} and c.stage not in ('performed','closed_failed'))`;
    return db
      .select({ id: accounts.id, name: accounts.displayName, expertise: mediatorProfiles.expertise, available: mediatorProfiles.available, conflicts: mediatorProfiles.conflictEmployerIds, activeCases: active })
      .from(accounts)
      .leftJoin(mediatorProfiles, eq(mediatorProfiles.accountId, accounts.id))
      .where(and(sql`'mediator' = any(${accounts.roles})`, eq(accounts.status, 'active'), sql`${accounts.regionCode} like ${regionPrefixLike}`));
  },
  async judges(db: DbOrTx, courtId: string) {
    return db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(and(sql`'judge' = any(${accounts.roles})`, eq(accounts.courtId, courtId)));
  },
  async tokenByHash(db: DbOrTx, hash: string) {
    const [row] = await db.select().from(disputeAccessTokens).where(eq(disputeAccessTokens.tokenHash, hash));
    return row ?? null;
  },
  async openCases(db: DbOrTx, limit: number, afterId: string | null) {
    return db
      .select()
      .from(disputeCases)
      .where(and(notInArray(disputeCases.stage, TERMINAL_STAGES), afterId ? sql`${disputeCases.id} > ${afterId}` : undefined))
      .orderBy(asc(disputeCases.id))
      .limit(limit);
  },
  async casesByIds(db: DbOrTx, ids: string[]) {
    return ids.length ? db.select().from(disputeCases).where(inArray(disputeCases.id, ids)) : [];
  },
};
