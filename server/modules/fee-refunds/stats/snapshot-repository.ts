import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inRegion } from '../../../core/scope.js';
import { noCounts, type StatsCounts } from './figures.js';
import type { GroupedCounts, GroupLevel } from './repository.js';
import { feeStatsChanges, feeStatsSnapshot, feeStatsUnpaidDays } from './tables.js';

/*
 * The snapshot of the refund statistics (docs/adr/0006): what `countsByRegion` answers, for every
 * region and year, as of the last refresh. Statement triggers leave a mark for every write of the
 * collections or the lines; the snapshot answers only while no mark is left.
 */

/** The advisory lock of the refresh: one at a time (the key is arbitrary, unique in the app). */
const REFRESH_LOCK = 7_320_001;

/** True when no write happened since the last refresh committed. */
export async function snapshotIsCurrent(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: feeStatsChanges.id }).from(feeStatsChanges).limit(1);
  return row === undefined;
}

const exact = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new RangeError('amount beyond exact numbers');
  return n;
};

/**
 * The figures from the snapshot, and "overdue" from the unpaid lines per due day before `asOf`.
 * Call it in the same REPEATABLE READ transaction as `snapshotIsCurrent`: both see one refresh.
 */
export async function snapshotCounts(
  db: DbOrTx,
  scope: string,
  year: number,
  asOf: string,
  level: GroupLevel,
): Promise<GroupedCounts> {
  const s = feeStatsSnapshot;
  const d = feeStatsUnpaidDays;
  const dayKey: SQL<string> =
    level === 'city' ? sql<string>`substr(${d.regionCode}, 1, 4) || '00'` : sql<string>`${d.regionCode}`;
  const [rows, overdue] = await Promise.all([
    db
      .select()
      .from(s)
      .where(and(eq(s.level, level), eq(s.year, year), inRegion(s.regionCode, scope))),
    db
      .select({
        key: dayKey,
        lines: sql<number>`sum(${d.lines})::int`,
        fen: sql<string>`sum(${d.fen})::text`,
      })
      .from(d)
      .where(and(eq(d.year, year), inRegion(d.regionCode, scope), lt(d.dueOn, asOf)))
      .groupBy(dayKey),
  ]);
  const late = new Map(overdue.map((o) => [o.key, { lines: o.lines, fen: exact(Number(o.fen)) }]));
  const byRegion = new Map<string, StatsCounts>();
  const total = noCounts();
  for (const r of rows) {
    const counts: StatsCounts = {
      enterprisesPaid: r.enterprisesPaid,
      collectedFen: exact(r.collectedFen),
      enterprisesDue: r.enterprisesDue,
      dueFen: exact(r.dueFen),
      enterprisesRefunded: r.enterprisesDue - r.enterprisesUnpaid,
      refundedFen: exact(r.refundedFen),
      heldFen: exact(r.heldFen),
      unpaidFen: exact(r.unpaidFen),
      overdueLines: late.get(r.regionCode)?.lines ?? 0,
      overdueFen: late.get(r.regionCode)?.fen ?? 0,
      paidLines: r.paidLines,
      onTimeLines: r.onTimeLines,
    };
    byRegion.set(r.regionCode, counts);
    // The live total counts (region, enterprise) pairs: the sum of the regions' rows.
    for (const k of Object.keys(total) as (keyof StatsCounts)[]) total[k] = exact(total[k] + counts[k]);
  }
  return { byRegion, total };
}

export type RefreshOutcome = { refreshed: true; changes: number } | { refreshed: false; reason: 'busy' };

/**
 * Recomputes the whole snapshot, in one REPEATABLE READ transaction under an advisory lock (one
 * refresh at a time; a second one answers `busy` rather than wait). The marks it deletes are the
 * ones its snapshot sees: a write that commits while it runs is not in the figures and its mark
 * stays, so the reads stay live until the next refresh.
 *
 * The lock is taken by the transaction's first statement, which is also when its snapshot is
 * taken; a refresh that committed in between (a few microseconds) makes this one fail with a
 * serialization error on the marks both delete, and it is retried by the job.
 *
 * The queries are those of `countsByRegion` for every region and year at once: per (county,
 * year, enterprise) in one scan of each table, then cities from those rows (an enterprise counted
 * once in its city), then per region.
 */
export async function refreshSnapshot(db: DbOrTx): Promise<RefreshOutcome> {
  return db.transaction(
    async (tx) => {
      const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(${REFRESH_LOCK}) as locked`);
      if (!(locked as { rows: { locked: boolean }[] }).rows[0]?.locked)
        return { refreshed: false, reason: 'busy' } as const;
      // Every enterprise of the province's year is a group: hashed in memory, not sorted on disk.
      await tx.execute(sql`set local work_mem = '256MB'`);
      await tx.execute(sql`delete from fee_stats_snapshot`);
      await tx.execute(sql`delete from fee_stats_unpaid_days`);
      await tx.execute(REFRESH_FIGURES);
      await tx.execute(REFRESH_UNPAID_DAYS);
      // Only the marks this transaction's snapshot sees (REPEATABLE READ): later ones stay.
      const seen = await tx.execute(
        sql`with seen as (delete from fee_stats_changes returning 1) select count(*)::int as n from seen`,
      );
      return { refreshed: true, changes: (seen as { rows: { n: number }[] }).rows[0]?.n ?? 0 } as const;
    },
    { isolationLevel: 'repeatable read' },
  );
}

const REFRESH_FIGURES = sql`
  insert into fee_stats_snapshot (level, region_code, year, enterprises_paid, collected_fen,
    enterprises_due, enterprises_unpaid, due_fen, refunded_fen, held_fen, unpaid_fen, paid_lines, on_time_lines)
  with paid_by_county as materialized (
    select region_code as county, extract(year from treasury_date)::int as year, uscc, sum(paid_fen) as fen
    from fee_collections group by 1, 2, 3
  ), paid_by_city as (
    select substr(county, 1, 4) || '00' as city, year, uscc, sum(fen) as fen
    from paid_by_county group by 1, 2, 3
  ), paid as (
    select 'county' as level, county as region_code, year, count(*)::int as enterprises, sum(fen) as fen
    from paid_by_county group by county, year
    union all
    select 'city', city, year, count(*)::int, sum(fen) from paid_by_city group by city, year
  ), lines_by_county as materialized (
    select region_code as county, substr(month, 1, 4)::int as year, uscc,
      bool_or(state <> 'held') as has_due,
      bool_or(state not in ('held', 'paid')) as has_unpaid,
      coalesce(sum(amount_fen) filter (where state <> 'held'), 0) as due_fen,
      coalesce(sum(amount_fen) filter (where state = 'paid'), 0) as refunded_fen,
      coalesce(sum(amount_fen) filter (where state = 'held'), 0) as held_fen,
      coalesce(sum(amount_fen) filter (where state not in ('held', 'paid')), 0) as unpaid_fen,
      count(*) filter (where state = 'paid') as paid_lines,
      count(*) filter (where state = 'paid' and paid_on <= due_on) as on_time_lines
    from fee_refund_lines group by 1, 2, 3
  ), lines_by_city as (
    select substr(county, 1, 4) || '00' as city, year, uscc,
      bool_or(has_due) as has_due, bool_or(has_unpaid) as has_unpaid,
      sum(due_fen) as due_fen, sum(refunded_fen) as refunded_fen, sum(held_fen) as held_fen,
      sum(unpaid_fen) as unpaid_fen, sum(paid_lines) as paid_lines, sum(on_time_lines) as on_time_lines
    from lines_by_county group by 1, 2, 3
  ), per_enterprise as (
    select 'county' as level, county as region_code, year, has_due, has_unpaid, due_fen, refunded_fen,
      held_fen, unpaid_fen, paid_lines, on_time_lines
    from lines_by_county
    union all
    select 'city', city, year, has_due, has_unpaid, due_fen, refunded_fen, held_fen, unpaid_fen,
      paid_lines, on_time_lines
    from lines_by_city
  ), due as (
    select level, region_code, year,
      (count(*) filter (where has_due))::int as enterprises_due,
      (count(*) filter (where has_unpaid))::int as enterprises_unpaid,
      sum(due_fen) as due_fen, sum(refunded_fen) as refunded_fen, sum(held_fen) as held_fen,
      sum(unpaid_fen) as unpaid_fen, sum(paid_lines)::int as paid_lines, sum(on_time_lines)::int as on_time_lines
    from per_enterprise group by level, region_code, year
  )
  select coalesce(p.level, d.level), coalesce(p.region_code, d.region_code), coalesce(p.year, d.year),
    coalesce(p.enterprises, 0), coalesce(p.fen, 0),
    coalesce(d.enterprises_due, 0), coalesce(d.enterprises_unpaid, 0), coalesce(d.due_fen, 0),
    coalesce(d.refunded_fen, 0), coalesce(d.held_fen, 0), coalesce(d.unpaid_fen, 0),
    coalesce(d.paid_lines, 0), coalesce(d.on_time_lines, 0)
  from paid p full join due d on d.level = p.level and d.region_code = p.region_code and d.year = p.year`;

const REFRESH_UNPAID_DAYS = sql`
  insert into fee_stats_unpaid_days (region_code, year, due_on, lines, fen)
  select region_code, substr(month, 1, 4)::int, due_on, count(*)::int, sum(amount_fen)
  from fee_refund_lines where state not in ('held', 'paid')
  group by 1, 2, 3`;
