import type { FeeStatsRow } from '../../../../contracts/fee-refunds/stats.js';

/**
 * The additive figures of a region, as the repository sums them: counts and fen that a city's
 * counties add up to. Rates are not additive; `rowOf` derives them from the sums.
 */
export interface StatsCounts {
  enterprisesPaid: number;
  collectedFen: number;
  enterprisesDue: number;
  dueFen: number;
  enterprisesRefunded: number;
  refundedFen: number;
  heldFen: number;
  unpaidFen: number;
  overdueLines: number;
  overdueFen: number;
  paidLines: number;
  onTimeLines: number;
}

export const noCounts = (): StatsCounts => ({
  enterprisesPaid: 0,
  collectedFen: 0,
  enterprisesDue: 0,
  dueFen: 0,
  enterprisesRefunded: 0,
  refundedFen: 0,
  heldFen: 0,
  unpaidFen: 0,
  overdueLines: 0,
  overdueFen: 0,
  paidLines: 0,
  onTimeLines: 0,
});

/**
 * Adds counties into their city. An enterprise whose lines sit in two counties of the city
 * (its registry county changed within the year) is counted in both: the sum of the rows, as the
 * table's reader checks it, rather than a distinct count the rows do not add up to.
 */
export function addCounts(into: StatsCounts, more: StatsCounts): StatsCounts {
  for (const key of Object.keys(into) as (keyof StatsCounts)[]) into[key] += more[key];
  return into;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function rowOf(regionCode: string, regionName: string, c: StatsCounts): FeeStatsRow {
  return {
    regionCode,
    regionName,
    enterprisesPaid: c.enterprisesPaid,
    collectedFen: c.collectedFen,
    enterprisesDue: c.enterprisesDue,
    dueFen: c.dueFen,
    enterprisesRefunded: c.enterprisesRefunded,
    refundedFen: c.refundedFen,
    rateByCount: ratio(c.enterprisesRefunded, c.enterprisesDue),
    rateByAmount: ratio(c.refundedFen, c.dueFen),
    pendingFen: c.unpaidFen + c.heldFen,
    heldFen: c.heldFen,
    overdueLines: c.overdueLines,
    overdueFen: c.overdueFen,
    onTimeRate: ratio(c.onTimeLines, c.paidLines),
  };
}
