import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { disputeStatsSchema } from '../../../../contracts/disputes/responses.js';
import type { Ctx } from '../../../core/context.js';
import { requirePermission } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { neutraliseRow } from '../../../core/spreadsheet-safety.js';
import { timeInChina } from '../../../../contracts/dates.js';
import { regionFullName } from '../../regions/service.js';
import { isSector, SECTOR_LABELS } from '../../../../contracts/disputes/sectors.js';
import { CLAIM_TYPE_LABELS, type ClaimType } from '../rules/stages.js';
import type { Download } from '../files.js';
import { STAT_DIMENSIONS, statsRepo, type StatDimension, type StatFilter, type StatRow } from './repository.js';
import type { StatsExportQuery, StatsQuery } from './schemas.js';

function labelled(dimension: StatDimension, rows: StatRow[]) {
  return rows.map((r) => ({
    ...r,
    label:
      dimension === 'sector'
        ? r.key && isSector(r.key)
          ? SECTOR_LABELS[r.key].zh
          : r.key
        : dimension === 'claim_type'
          ? (CLAIM_TYPE_LABELS[r.key as ClaimType]?.zh ?? r.key)
          : (r.label ?? '（未指派）'),
    successRate: r.succeeded + r.failed > 0 ? Math.round((r.succeeded / (r.succeeded + r.failed)) * 1000) / 10 : null,
  }));
}

const EMPTY = { received: 0, succeeded: 0, failed: 0, settledFen: 0, avgDaysToAgreement: null, avgDaysToRuling: null };

function nextPeriod(key: string): string {
  if (key.length === 4) return String(Number(key) + 1);
  const [y, m] = key.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * A time axis has every year (or month) from the range's start to its end, zeros where nothing
 * happened: a year missing from a chart reads as a year that did not exist. The range is the query's
 * where given, else the data's own; capped at 100 years or 1,200 months.
 */
export function everyPeriod(
  dimension: StatDimension,
  rows: StatRow[],
  range: { from?: string | undefined; to?: string | undefined },
): StatRow[] {
  if (dimension !== 'year' && dimension !== 'month') return rows;
  const width = dimension === 'year' ? 4 : 7;
  const keys = rows.map((r) => r.key).filter((k): k is string => k !== null && k.length === width);
  const first = range.from?.slice(0, width) ?? keys.sort()[0];
  const last = range.to?.slice(0, width) ?? keys.sort().at(-1);
  if (!first || !last || last < first) return rows;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: StatRow[] = [];
  for (let k = first; k <= last && out.length < (width === 4 ? 100 : 1200); k = nextPeriod(k))
    out.push(byKey.get(k) ?? { key: k, label: k, ...EMPTY });
  return out;
}

/**
 * Received, mediated successfully, success rate (successes over decided cases), amount settled
 * and days to agreement / ruling, in total and by one dimension.
 */
export async function disputeStats(
  deps: Deps,
  ctx: Ctx,
  query: StatsQuery,
): Promise<z.infer<typeof disputeStatsSchema>> {
  const { dimension, ...filter } = query;
  return statsBy(deps, ctx, filter, dimension);
}

async function statsBy(deps: Deps, ctx: Ctx, filter: Omit<StatFilter, 'scope'>, dimension: StatDimension) {
  const actor = requirePermission(ctx, 'disputes:stats');
  const scoped = {
    ...filter,
    scope: actor.regionCode,
    courtId:
      actor.roles.some((r) => r === 'judge' || r === 'court_clerk') && actor.courtId ? actor.courtId : filter.courtId,
  };
  const [totals, rows] = await Promise.all([
    statsRepo.totals(deps.db, scoped),
    statsRepo.by(deps.db, scoped, dimension),
  ]);
  return {
    totals: { ...labelled(dimension, [totals])[0]!, label: '合计' },
    dimension,
    rows: labelled(dimension, everyPeriod(dimension, rows, filter)),
  };
}

const DIMENSION_TITLES: Record<StatDimension, string> = {
  court: '按法院',
  mediator: '按调解员',
  sector: '按行业',
  claim_type: '按请求类型',
  month: '按月份',
  year: '按年度',
};

/** Every dimension, one sheet each, as an XLSX workbook to download. */
export async function disputeStatsWorkbook(deps: Deps, ctx: Ctx, filter: StatsExportQuery): Promise<Download> {
  const book = new ExcelJS.Workbook();
  book.creator = '一站 Yizhan';
  const actor = requirePermission(ctx, 'disputes:stats');
  const region = actor.regionCode ? await regionFullName(deps.db, actor.regionCode) : null;
  const range = filter.from || filter.to ? `${filter.from ?? '最早'} 至 ${filter.to ?? '今'}` : '全部期间';
  // What a printed sheet must say of itself: what it counts, over which days, where, and when it was made.
  const heading = [
    `统计范围：${range}`,
    `地区：${region ?? '全国'}`,
    `生成时间：${timeInChina(deps.now()).replace('T', ' ')}（北京时间）`,
  ];
  const COLUMNS = [
    { header: '分组', key: 'label', width: 28 },
    { header: '收案数', key: 'received', width: 10 },
    { header: '调解成功', key: 'succeeded', width: 10 },
    { header: '调解不成', key: 'failed', width: 10 },
    { header: '成功率(%)', key: 'successRate', width: 10 },
    { header: '调解成功标的额(元)', key: 'settled', width: 18 },
    { header: '平均达成协议天数', key: 'avgDaysToAgreement', width: 16 },
    { header: '平均出具裁定天数', key: 'avgDaysToRuling', width: 16 },
  ];
  for (const dimension of STAT_DIMENSIONS) {
    const { totals, rows } = await statsBy(deps, ctx, filter, dimension);
    const sheet = book.addWorksheet(DIMENSION_TITLES[dimension]);
    sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
    sheet.addRow([`劳动争议调解统计（${DIMENSION_TITLES[dimension]}）`]).font = { bold: true, size: 14 };
    for (const line of heading) sheet.addRow([line]);
    sheet.addRow([]);
    sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
    for (const r of [...rows, { ...totals, label: '合计' }])
      sheet.addRow(neutraliseRow({ ...r, settled: r.settledFen / 100 }));
    sheet.getColumn('settled').numFmt = '#,##0.00';
  }
  return {
    content: Buffer.from(await book.xlsx.writeBuffer()),
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: '劳动争议调解统计.xlsx',
  };
}
