import { and, between, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { levelOf } from '../../../../contracts/regions.js';
import { inRegion } from '../../../core/scope.js';
import { feeRefundLines } from '../runs/tables.js';
import { feeCollections } from '../tables.js';
import { noCounts, type StatsCounts } from './figures.js';
import { snapshotCounts, snapshotIsCurrent } from './snapshot-repository.js';

/** The level the figures are grouped by: a region's cities (code xxyy00) or its counties. */
export type GroupLevel = 'city' | 'county';

/**
 * The grouping key, written without parameters: Postgres matches the select list to the GROUP BY
 * by expression, and two parameters ($1, $2) are never the same expression.
 */
function keyOf(column: AnyColumn, level: GroupLevel): SQL<string | null> {
  return level === 'city' ? sql<string | null>`substr(${column}, 1, 4) || '00'` : sql<string | null>`${column}`;
}

const fen = (sum: SQL) => sql<string>`coalesce(${sum}, 0)::text`;
const exact = (text: string) => {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError('amount beyond exact numbers');
  return n;
};

export interface GroupedCounts {
  /** Per region of the level, and the whole scope counted once (distinct enterprises across its regions). */
  byRegion: Map<string, StatsCounts>;
  total: StatsCounts;
}

/** Which answered: the snapshot of the last refresh, or the rows themselves. */
export type FiguresSource = 'snapshot' | 'live';

/**
 * The year's figures of a scope grouped by city or county: from the snapshot when no write
 * happened since its refresh (docs/adr/0006), otherwise live. Never stale: the check and the
 * snapshot are read in one REPEATABLE READ transaction, so they belong to one refresh.
 */
export async function countsByRegion(
  db: DbOrTx,
  scope: string,
  year: number,
  asOf: string,
  level: GroupLevel,
): Promise<GroupedCounts & { source: FiguresSource }> {
  // A county's rows grouped by city are not a city's row of the snapshot (the city has others).
  if (level === 'county' || levelOf(scope) !== 'county') {
    const kept = await db.transaction(
      async (tx) => ((await snapshotIsCurrent(tx)) ? snapshotCounts(tx, scope, year, asOf, level) : null),
      { isolationLevel: 'repeatable read' },
    );
    if (kept) return { ...kept, source: 'snapshot' };
  }
  return { ...(await liveCountsByRegion(db, scope, year, asOf, level)), source: 'live' };
}

/**
 * The year's figures of a scope grouped by city or county, with the scope's own total from the
 * same scan (GROUPING SETS: the total's distinct enterprises are distinct across regions). Two
 * queries, collections and lines, each one aggregation in the database.
 */
export async function liveCountsByRegion(
  db: DbOrTx,
  scope: string,
  year: number,
  asOf: string,
  level: GroupLevel,
): Promise<GroupedCounts> {
  const [collected, lines] = await Promise.all([
    withRoomToHash(db, (tx) => collectedBy(tx, scope, year, level)),
    withRoomToHash(db, (tx) => linesBy(tx, scope, year, asOf, level)),
  ]);
  const byRegion = new Map<string, StatsCounts>();
  const total = noCounts();
  const slot = (key: string | null) => {
    if (key === null) return total;
    const found = byRegion.get(key) ?? noCounts();
    byRegion.set(key, found);
    return found;
  };
  for (const c of collected) Object.assign(slot(c.key), { enterprisesPaid: c.enterprises, collectedFen: exact(c.fen) });
  for (const l of lines) {
    Object.assign(slot(l.key), {
      enterprisesDue: l.enterprisesDue,
      dueFen: exact(l.dueFen),
      enterprisesRefunded: l.enterprisesDue - l.enterprisesUnpaid,
      refundedFen: exact(l.refundedFen),
      heldFen: exact(l.heldFen),
      unpaidFen: exact(l.unpaidFen),
      overdueLines: l.overdueLines,
      overdueFen: exact(l.overdueFen),
      paidLines: l.paidLines,
      onTimeLines: l.onTimeLines,
    });
  }
  return { byRegion, total };
}

/**
 * A province's year is about a million lines grouped into ~100 000 (region, enterprise) pairs:
 * with the default 4 MB of work memory Postgres sorts them on disk (2 s and more); with 64 MB it
 * hashes them in memory. SET LOCAL: only for this read's transaction.
 */
async function withRoomToHash<T>(db: DbOrTx, read: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return read(tx);
  });
}

/*
 * Each query aggregates twice: per region and enterprise (a hash aggregate over the lines), then
 * per region with the scope's total (GROUPING SETS over the small per-enterprise rows). Counting
 * enterprises as rows of the inner step, not with count(distinct), keeps a province's year of
 * lines to one scan without sorts. An enterprise with lines in two regions of the scope in a year
 * (its county changed in the registry) counts in each, and twice in the total.
 */

async function collectedBy(db: DbOrTx, scope: string, year: number, level: GroupLevel) {
  const c = feeCollections;
  const perEnterprise = db
    .select({
      regionKey: sql<string>`${keyOf(c.regionCode, level)}`.as('region_key'),
      fen: sql<string>`sum(${c.paidFen})::bigint`.as('fen'),
    })
    .from(c)
    .where(and(inRegion(c.regionCode, scope), between(c.treasuryDate, `${year}-01-01`, `${year}-12-31`)))
    .groupBy(keyOf(c.regionCode, level), c.uscc)
    .as('e');
  return db
    .select({
      key: sql<string | null>`${perEnterprise.regionKey}`,
      enterprises: sql<number>`count(*)::int`,
      fen: fen(sql`sum(${perEnterprise.fen})`),
    })
    .from(perEnterprise)
    .groupBy(sql`grouping sets ((${perEnterprise.regionKey}), ())`);
}

async function linesBy(db: DbOrTx, scope: string, year: number, asOf: string, level: GroupLevel) {
  const l = feeRefundLines;
  // Held lines are not due yet (the enterprise has no union to pay); every other state is.
  const due = sql`${l.state} <> 'held'`;
  const unpaid = sql`${l.state} not in ('held', 'paid')`;
  const paid = sql`${l.state} = 'paid'`;
  const overdue = sql`${unpaid} and ${l.dueOn} < ${asOf}`;
  const sumOf = (where: SQL, alias: string) =>
    sql<string>`coalesce(sum(${l.amountFen}) filter (where ${where}), 0)::bigint`.as(alias);
  const countOf = (where: SQL, alias: string) => sql<number>`(count(*) filter (where ${where}))::int`.as(alias);
  const e = db
    .select({
      regionKey: sql<string>`${keyOf(l.regionCode, level)}`.as('region_key'),
      hasDue: sql<boolean>`bool_or(${due})`.as('has_due'),
      hasUnpaid: sql<boolean>`bool_or(${unpaid})`.as('has_unpaid'),
      dueFen: sumOf(due, 'due_fen'),
      refundedFen: sumOf(paid, 'refunded_fen'),
      heldFen: sumOf(sql`${l.state} = 'held'`, 'held_fen'),
      unpaidFen: sumOf(unpaid, 'unpaid_fen'),
      overdueLines: countOf(overdue, 'overdue_lines'),
      overdueFen: sumOf(overdue, 'overdue_fen'),
      paidLines: countOf(paid, 'paid_lines'),
      onTimeLines: countOf(sql`${paid} and ${l.paidOn} <= ${l.dueOn}`, 'on_time_lines'),
    })
    .from(l)
    // A line is of year Y when its month is: 'Y-01' ≤ month ≤ 'Y-12' (the index-friendly "starts with Y").
    .where(and(inRegion(l.regionCode, scope), between(l.month, `${year}-01`, `${year}-12`)))
    .groupBy(keyOf(l.regionCode, level), l.uscc)
    .as('e');
  const total = (column: SQL.Aliased) => fen(sql`sum(${column})`);
  const lines = (column: SQL.Aliased) => sql<number>`coalesce(sum(${column}), 0)::int`;
  return db
    .select({
      key: sql<string | null>`${e.regionKey}`,
      enterprisesDue: sql<number>`(count(*) filter (where ${e.hasDue}))::int`,
      enterprisesUnpaid: sql<number>`(count(*) filter (where ${e.hasUnpaid}))::int`,
      dueFen: total(e.dueFen),
      refundedFen: total(e.refundedFen),
      heldFen: total(e.heldFen),
      unpaidFen: total(e.unpaidFen),
      overdueLines: lines(e.overdueLines),
      overdueFen: total(e.overdueFen),
      paidLines: lines(e.paidLines),
      onTimeLines: lines(e.onTimeLines),
    })
    .from(e)
    .groupBy(sql`grouping sets ((${e.regionKey}), ())`);
}
