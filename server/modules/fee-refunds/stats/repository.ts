import { and, between, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inRegion } from '../../../core/scope.js';
import { feeRefundLines } from '../runs/tables.js';
import { feeCollections } from '../tables.js';
import { noCounts, type StatsCounts } from './figures.js';

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

/**
 * The year's figures of a scope grouped by city or county, with the scope's own total from the
 * same scan (GROUPING SETS: the total's distinct enterprises are distinct across regions). Two
 * queries, collections and lines, each one aggregation in the database.
 */
export async function countsByRegion(
  db: DbOrTx,
  scope: string,
  year: number,
  asOf: string,
  level: GroupLevel,
): Promise<GroupedCounts> {
  const [collected, lines] = await Promise.all([
    collectedBy(db, scope, year, level),
    linesBy(db, scope, year, asOf, level),
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

async function collectedBy(db: DbOrTx, scope: string, year: number, level: GroupLevel) {
  const key = keyOf(feeCollections.regionCode, level);
  return db
    .select({
      key,
      enterprises: sql<number>`count(distinct ${feeCollections.uscc})::int`,
      fen: fen(sql`sum(${feeCollections.paidFen})`),
    })
    .from(feeCollections)
    .where(
      and(
        inRegion(feeCollections.regionCode, scope),
        between(feeCollections.treasuryDate, `${year}-01-01`, `${year}-12-31`),
      ),
    )
    .groupBy(sql`grouping sets ((${key}), ())`);
}

async function linesBy(db: DbOrTx, scope: string, year: number, asOf: string, level: GroupLevel) {
  const l = feeRefundLines;
  const key = keyOf(l.regionCode, level);
  // Held lines are not due yet (the enterprise has no union to pay); every other state is.
  const due = sql`${l.state} <> 'held'`;
  const unpaid = sql`${l.state} not in ('held', 'paid')`;
  const paid = sql`${l.state} = 'paid'`;
  const overdue = sql`${unpaid} and ${l.dueOn} < ${asOf}`;
  return (
    db
      .select({
        key,
        enterprisesDue: sql<number>`(count(distinct ${l.uscc}) filter (where ${due}))::int`,
        enterprisesUnpaid: sql<number>`(count(distinct ${l.uscc}) filter (where ${unpaid}))::int`,
        dueFen: fen(sql`sum(${l.amountFen}) filter (where ${due})`),
        refundedFen: fen(sql`sum(${l.amountFen}) filter (where ${paid})`),
        heldFen: fen(sql`sum(${l.amountFen}) filter (where ${l.state} = 'held')`),
        unpaidFen: fen(sql`sum(${l.amountFen}) filter (where ${unpaid})`),
        overdueLines: sql<number>`(count(*) filter (where ${overdue}))::int`,
        overdueFen: fen(sql`sum(${l.amountFen}) filter (where ${overdue})`),
        paidLines: sql<number>`(count(*) filter (where ${paid}))::int`,
        onTimeLines: sql<number>`(count(*) filter (where ${paid} and ${l.paidOn} <= ${l.dueOn}))::int`,
      })
      .from(l)
      // A line is of year Y when its month is: 'Y-01' ≤ month ≤ 'Y-12' (the index-friendly "starts with Y").
      .where(and(inRegion(l.regionCode, scope), between(l.month, `${year}-01`, `${year}-12`)))
      .groupBy(sql`grouping sets ((${key}), ())`)
  );
}
