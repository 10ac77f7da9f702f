import type { FeeStats, FeeStatsRow } from '../../../../contracts/fee-refunds/stats.js';
import { levelOf } from '../../../../contracts/regions.js';
import { addDays, addMonths, todayInChina } from '../../../../contracts/dates.js';
import { renderDocx } from '../../../core/documents/render-docx.js';
import { renderPdf } from '../../../core/documents/render-pdf.js';
import { refundReport } from './circular.js';
import type { Download } from '../../../core/attachment.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import type { DbOrTx } from '../../../db/client.js';
import { regionRepo } from '../../regions/repository.js';
import { addCounts, noCounts, rowOf, type StatsCounts } from './figures.js';
import { countsByRegion, type FiguresSource, type GroupLevel } from './repository.js';
import { refreshFeeStatsJob } from './refresh-job.js';
import { refreshSnapshot, type RefreshOutcome } from './snapshot-repository.js';
import type { FeeReportQuery, FeeStatsQuery } from './schemas.js';
import { biweeklyWorkbook, type BiweeklyLine } from './workbook.js';

interface Asked {
  regionCode: string;
  regionName: string;
  /** The name with its province and city (江苏省南京市玄武区), for a title. */
  fullName: string;
  year: number;
  asOf: string;
}

/** Permission, scope and the region's name; the as-of day defaults to today in China. */
async function asked(deps: Deps, ctx: Ctx, query: FeeStatsQuery): Promise<Asked> {
  const actor = requirePermission(ctx, 'fee_refunds:read');
  assertInScope(actor, query.regionCode);
  const region = await regionRepo.byCode(deps.db, query.regionCode);
  if (!region) throw errors.notFound('行政区划', 'Region');
  return {
    regionCode: region.code,
    regionName: region.name,
    fullName: region.fullName,
    year: query.year,
    asOf: query.asOf ?? todayInChina(deps.now()),
  };
}

/** Names of the children of a region (a county's "child" is itself), by code. */
async function childNames(db: DbOrTx, code: string, ownName: string): Promise<Map<string, string>> {
  if (levelOf(code) === 'county') return new Map([[code, ownName]]);
  return new Map((await regionRepo.children(db, code)).map((r) => [r.code, r.name]));
}

/** A code the regions table lacks (a retired county still in old data) is shown by its code. */
const nameIn = (names: Map<string, string>, code: string) => names.get(code) ?? code;

/**
 * The figures, from the snapshot or live; a live answer queues a refresh (singleton: one waits
 * however many readers ask), so the next read is quick again.
 */
async function figures(deps: Deps, a: Asked, level: GroupLevel) {
  const counts = await countsByRegion(deps.db, a.regionCode, a.year, a.asOf, level);
  if (counts.source === 'live')
    await deps.jobs
      ?.send(refreshFeeStatsJob, {}, { singletonKey: 'stale' })
      .catch((err: unknown) => deps.logger.warn({ err }, 'could not queue the refund statistics refresh'));
  return counts;
}

/**
 * GET /api/fee-refunds/stats: the region's year per child region (a province's cities, a city's
 * counties, a county itself) with any data, and the region's total, grouped in the database.
 * `source` says whether the snapshot answered (the route sends it as a header).
 */
export async function getStatsWithSource(
  deps: Deps,
  ctx: Ctx,
  query: FeeStatsQuery,
): Promise<{ stats: FeeStats; source: FiguresSource }> {
  const a = await asked(deps, ctx, query);
  const level = levelOf(a.regionCode) === 'province' ? 'city' : 'county';
  const [counts, names] = await Promise.all([figures(deps, a, level), childNames(deps.db, a.regionCode, a.regionName)]);
  const rows = [...counts.byRegion.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([code, c]) => rowOf(code, nameIn(names, code), c));
  const { regionCode, year, asOf } = a;
  const stats = { regionCode, year, asOf, total: rowOf(regionCode, a.regionName, counts.total), rows };
  return { stats, source: counts.source };
}

export async function getStats(deps: Deps, ctx: Ctx, query: FeeStatsQuery): Promise<FeeStats> {
  return (await getStatsWithSource(deps, ctx, query)).stats;
}

/**
 * POST /api/fee-refunds/stats/refresh (system administrators, the bench): refreshes the snapshot
 * now, in the request, as the job does; `busy` when a refresh is already running.
 */
export async function refreshStats(deps: Deps, ctx: Ctx): Promise<RefreshOutcome> {
  requirePermission(ctx, 'jobs:manage');
  return refreshSnapshot(deps.db);
}

const cityOf = (county: string) => `${county.slice(0, 4)}00`;

/**
 * GET /api/fee-refunds/stats/biweekly.xlsx: the 双周统计表, a city and under it its counties.
 * One grouping by county in the database; a city's row and the total are sums of the county rows
 * in JS (an enterprise in two counties in a year counts in each; the JSON total counts it once).
 */
export async function getBiweeklyWorkbook(
  deps: Deps,
  ctx: Ctx,
  query: FeeStatsQuery,
): Promise<Download & { source: FiguresSource }> {
  const a = await asked(deps, ctx, query);
  const counts = await figures(deps, a, 'county');
  const lines: BiweeklyLine[] = [];
  if (levelOf(a.regionCode) === 'county') {
    const own = counts.byRegion.get(a.regionCode);
    if (own) lines.push({ row: rowOf(a.regionCode, a.regionName, own), indent: 0 });
  } else {
    const byCity = new Map<string, [string, StatsCounts][]>();
    for (const entry of [...counts.byRegion.entries()].sort(([x], [y]) => x.localeCompare(y))) {
      const city = cityOf(entry[0]);
      byCity.set(city, [...(byCity.get(city) ?? []), entry]);
    }
    const cityNames = await childNames(deps.db, a.regionCode, a.regionName);
    if (levelOf(a.regionCode) === 'city') cityNames.set(a.regionCode, a.regionName);
    const countyNames = await Promise.all([...byCity.keys()].map((city) => childNames(deps.db, city, city)));
    [...byCity].forEach(([city, counties], i) => {
      const sum = counties.reduce((acc, [, c]) => addCounts(acc, c), noCounts());
      lines.push({ row: rowOf(city, nameIn(cityNames, city), sum), indent: 0 });
      for (const [code, c] of counties) lines.push({ row: rowOf(code, nameIn(countyNames[i]!, code), c), indent: 1 });
    });
  }
  // The total adds up the rows above it, as a reader checks the table.
  const sum = [...counts.byRegion.values()].reduce((acc, c) => addCounts(acc, c), noCounts());
  const total: FeeStatsRow = rowOf(a.regionCode, '合计', sum);
  return { ...(await biweeklyWorkbook({ ...a, lines, total })), source: counts.source };
}

/**
 * GET /api/fee-refunds/stats/report: the quarterly circular (as of the quarter's last day, or
 * today while the quarter runs) or the weekly report (as of today or `asOf`), DOCX or PDF.
 */
export async function getRefundReport(deps: Deps, ctx: Ctx, query: FeeReportQuery): Promise<Download> {
  if (query.kind === 'quarterly' && query.quarter === undefined)
    throw errors.validation('quarter', '季度通报须指定季度（1–4）', 'A quarterly circular needs its quarter (1–4)');
  const today = todayInChina(deps.now());
  const quarterEnd =
    query.quarter === undefined
      ? null
      : addDays(addMonths(`${query.year}-${String(query.quarter * 3 - 2).padStart(2, '0')}-01`, 3), -1);
  const asOf = query.asOf ?? (quarterEnd && quarterEnd < today ? quarterEnd : today);
  const stats = await getStats(deps, ctx, { regionCode: query.regionCode, year: query.year, asOf });
  const model = refundReport(query.kind, stats, query.quarter ?? null);
  const content = query.format === 'docx' ? await renderDocx(model) : await renderPdf(model);
  const name = query.kind === 'quarterly' ? `经费返还季度通报-${stats.year}Q${query.quarter}` : `经费返还周报-${asOf}`;
  return {
    filename: `${name}-${stats.regionCode}.${query.format}`,
    mime:
      query.format === 'docx'
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : 'application/pdf',
    content,
  };
}
