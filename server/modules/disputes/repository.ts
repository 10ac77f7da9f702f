import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { likeText } from '../../core/scope.js';
import { accounts } from '../accounts/tables.js';
import { people } from '../people/tables.js';
import { fileColumns, listColumns, nameColumns, type CaseFileJson, type CaseNames } from './case-columns.js';
import { OPEN_STAGES, TERMINAL_STAGES } from './rules/stages.js';
import { searchTerms } from './search-text.js';
import {
  calendarOverrides,
  disputeCases,
  disputeEvents,
  disputeEvidence,
  disputePayments,
  disputeSessions,
  settings,
} from './tables.js';

// The queries the module's root and more than one of its sub-folders use; a sub-folder's own
// queries are in its repository.ts. The case row itself is changed only by case-writer.ts.

export type { CaseFileJson, CaseNames } from './case-columns.js';

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
  /** Online applications still waiting for a mediator (the studio's "to assign" queue). */
  unassigned?: boolean;
  dueBefore?: string;
}

/**
 * Any part of the case number (or its digits), a party's name or phone: every word of the search
 * somewhere in the case's search text (search-text.ts), each an ILIKE the trigram index serves.
 */
function searchCondition(q: string): SQL | undefined {
  return and(
    ...searchTerms(q).map((forms) => or(...forms.map((form) => ilike(disputeCases.searchText, likeText(form))))),
  );
}

/**
 * Counting stops here: a list of "more than 2,000" cases pages just as well (the statistics page
 * has exact figures), and counting all would not scale.
 */
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
    // Open stages too, so the (mediator, stage) index serves it; a closed application needs nobody.
    f.unassigned
      ? and(
          isNull(disputeCases.mediatorAccountId),
          eq(disputeCases.channel, 'online'),
          inArray(disputeCases.stage, [...OPEN_STAGES]),
        )
      : undefined,
    f.q ? searchCondition(f.q) : undefined,
  );
}

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
  async byIdForUpdate(db: DbOrTx, id: string) {
    const [row] = await db.select().from(disputeCases).where(eq(disputeCases.id, id)).for('update');
    return row ?? null;
  },
  async rulingNoTaken(db: DbOrTx, rulingNo: string, exceptCaseId: string) {
    const [row] = await db
      .select({ id: disputeCases.id })
      .from(disputeCases)
      .where(and(eq(disputeCases.rulingNo, rulingNo), sql`${disputeCases.id} <> ${exceptCaseId}`))
      .limit(1);
    return !!row;
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
};

/** The instalment rows of a case's agreement (the agreement itself is in the case's state). */
export const paymentRepo = {
  /** New terms replace the instalments not yet paid; paid ones stay, as the record of what was paid. */
  async deleteUnpaid(tx: DbOrTx, caseId: string) {
    await tx.delete(disputePayments).where(and(eq(disputePayments.caseId, caseId), isNull(disputePayments.paidOn)));
  },
  async add(tx: DbOrTx, rows: (typeof disputePayments.$inferInsert)[]) {
    if (rows.length) await tx.insert(disputePayments).values(rows);
  },
  async setPaid(tx: DbOrTx, id: string, paid: { paidFen: number; paidOn: string | null }) {
    await tx.update(disputePayments).set(paid).where(eq(disputePayments.id, id));
  },
};

/** Whom a case's messages go to: the worker's and the staff's phones (their own modules' records, read only). */
export const contactRepo = {
  async worker(db: DbOrTx, personId: string): Promise<{ name: string; phone: string | null } | null> {
    const [w] = await db.select({ name: people.name, phone: people.phone }).from(people).where(eq(people.id, personId));
    return w ?? null;
  },
  async account(db: DbOrTx, accountId: string) {
    const [a] = await db
      .select({ phone: accounts.phone, name: accounts.displayName, username: accounts.username })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    return a ?? null;
  },
  /**
   * The active mediators with a phone who belong to a studio's organization or whose region is
   * one of `regionCodes` (the case's region and the ones above it, whose staff see the case).
   */
  async mediatorsOf(db: DbOrTx, organizationId: string | null, regionCodes: string[]) {
    return db
      .select({
        id: accounts.id,
        phone: accounts.phone,
        organizationId: accounts.organizationId,
        regionCode: accounts.regionCode,
      })
      .from(accounts)
      .where(
        and(
          sql`'mediator' = any(${accounts.roles})`,
          eq(accounts.status, 'active'),
          isNotNull(accounts.phone),
          or(
            organizationId ? eq(accounts.organizationId, organizationId) : undefined,
            inArray(accounts.regionCode, regionCodes),
          ),
        ),
      )
      .orderBy(asc(accounts.id));
  },
};

/** What the reminders job reads and marks beside the cases themselves. */
export const reminderRepo = {
  /** Cases closed without agreement and referred to arbitration since `closedSince`, a page at a time by id. */
  async referredToArbitration(db: DbOrTx, closedSince: string, limit: number, afterId: string | null) {
    return db
      .select()
      .from(disputeCases)
      .where(
        and(
          eq(disputeCases.stage, 'closed_failed'),
          eq(disputeCases.referral, 'arbitration'),
          gte(disputeCases.closedOn, closedSince),
          afterId ? sql`${disputeCases.id} > ${afterId}` : undefined,
        ),
      )
      .orderBy(asc(disputeCases.id))
      .limit(limit);
  },
  /** Sessions scheduled in (from, until] that have not been held and have had no reminder yet. */
  async sessionsAwaitingReminder(db: DbOrTx, from: Date, until: Date) {
    return db
      .select()
      .from(disputeSessions)
      .where(
        and(
          isNull(disputeSessions.reminderSentAt),
          isNull(disputeSessions.heldAt),
          gt(disputeSessions.scheduledAt, from),
          lte(disputeSessions.scheduledAt, until),
        ),
      );
  },
  /** Marks the session reminded unless it already is; false when another run got there first. */
  async claimSessionReminder(tx: DbOrTx, sessionId: string, at: Date): Promise<boolean> {
    const claimed = await tx
      .update(disputeSessions)
      .set({ reminderSentAt: at })
      .where(and(eq(disputeSessions.id, sessionId), isNull(disputeSessions.reminderSentAt)))
      .returning({ id: disputeSessions.id });
    return claimed.length > 0;
  },
};

/** The module's settings documents (key → JSON) and the working-day calendar's corrections. */
export const settingsRepo = {
  async get(db: DbOrTx, key: string): Promise<unknown> {
    const [row] = await db.select().from(settings).where(eq(settings.key, key));
    return row?.value;
  },
  async put(tx: DbOrTx, key: string, value: typeof settings.$inferInsert.value, now: Date) {
    await tx
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
  },
  async calendarOverrides(db: DbOrTx) {
    return db.select().from(calendarOverrides).orderBy(calendarOverrides.date);
  },
  async putCalendarOverride(tx: DbOrTx, o: { date: string; kind: 'holiday' | 'workday'; note: string | null }) {
    await tx
      .insert(calendarOverrides)
      .values(o)
      .onConflictDoUpdate({ target: calendarOverrides.date, set: { kind: o.kind, note: o.note } });
  },
};
