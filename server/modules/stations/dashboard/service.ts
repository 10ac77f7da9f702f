import { addDays, dayStartInChina, daysBetween, timeInChina, todayInChina } from '../../../../contracts/dates.js';
import { STATION_STATUSES } from '../../../../contracts/stations/codes.js';
import {
  DASHBOARD_MAX_DAYS,
  type StationDashboard,
  type StationDashboardQuery,
} from '../../../../contracts/stations/dashboard.js';
import type { Download } from '../../../core/attachment.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { regionRepo } from '../../regions/repository.js';
import { dashboardRepo, type Period } from './repository.js';
import { dashboardWorkbook } from './workbook.js';

/*
 * The stations' dashboard of a city or province: the reader's region, or a region within it, over
 * a period of China calendar days (the last 30 by default, at most 366 days apart).
 */

const DEFAULT_DAYS = 30;
const TOP_STATIONS = 10;

interface Asked {
  regionCode: string | null;
  regionName: string;
  from: string;
  to: string;
  period: Period;
}

async function asked(deps: Deps, ctx: Ctx, query: StationDashboardQuery): Promise<Asked> {
  const actor = requirePermission(ctx, 'stations:read');
  if (query.regionCode) assertInScope(actor, query.regionCode);
  const regionCode = query.regionCode ?? actor.regionCode;
  const region = regionCode ? await regionRepo.byCode(deps.db, regionCode) : null;
  if (regionCode && !region) throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  const to = query.to ?? todayInChina(deps.now());
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to)
    throw errors.validation('from', '开始日期不能晚于结束日期', 'The first day must not be after the last day');
  if (daysBetween(from, to) > DASHBOARD_MAX_DAYS)
    throw errors.validation(
      'from',
      `统计期间的起止日期最多相隔 ${DASHBOARD_MAX_DAYS} 天`,
      `The first and last day may be at most ${DASHBOARD_MAX_DAYS} days apart`,
    );
  return {
    regionCode,
    regionName: region?.fullName ?? '全国',
    from,
    to,
    period: { scope: regionCode, start: dayStartInChina(from), end: dayStartInChina(addDays(to, 1)) },
  };
}

/** Each day from `from` to `to`, with what the map holds for it (or nothing). */
function everyDay<T>(from: string, to: string, byDay: Map<string, T>): { day: string; value: T | undefined }[] {
  const out: { day: string; value: T | undefined }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push({ day, value: byDay.get(day) });
  return out;
}

/** GET /api/stations/dashboard */
export async function stationDashboard(deps: Deps, ctx: Ctx, query: StationDashboardQuery): Promise<StationDashboard> {
  const a = await asked(deps, ctx, query);
  const { db } = deps;
  const p = a.period;
  const [totals, byDay, byHour, occupations, top, byStatus, alarmKinds, alarmDays] = await Promise.all([
    dashboardRepo.visitTotals(db, p),
    dashboardRepo.visitsByDay(db, p),
    dashboardRepo.visitsByHour(db, p),
    dashboardRepo.visitsByOccupation(db, p),
    dashboardRepo.topStations(db, p, TOP_STATIONS),
    dashboardRepo.stationsByStatus(db, p.scope),
    dashboardRepo.alarmsByKind(db, p),
    dashboardRepo.alarmsByDay(db, p),
  ]);
  const hours = new Map(byHour.map((h) => [h.hour, h.visits]));
  const statuses = new Map(byStatus.map((s) => [s.status, s]));
  const sum = (values: number[]) => values.reduce((acc, n) => acc + n, 0);
  return {
    regionCode: a.regionCode,
    regionName: a.regionName,
    from: a.from,
    to: a.to,
    visits: totals,
    visitsByDay: everyDay(a.from, a.to, new Map(byDay.map((d) => [d.day, d]))).map(({ day, value }) => ({
      day,
      visits: value?.visits ?? 0,
      workers: value?.workers ?? 0,
    })),
    visitsByHour: Array.from({ length: 24 }, (_, hour) => ({ hour, visits: hours.get(hour) ?? 0 })),
    occupations,
    stations: {
      total: sum(byStatus.map((s) => s.stations)),
      open: statuses.get('open')?.stations ?? 0,
      online: sum(byStatus.map((s) => s.online)),
      byStatus: STATION_STATUSES.map((status) => ({ status, stations: statuses.get(status)?.stations ?? 0 })),
    },
    alarms: {
      openNow: sum(alarmKinds.map((k) => k.openNow)),
      raised: sum(alarmKinds.map((k) => k.raised)),
      byDay: everyDay(a.from, a.to, new Map(alarmDays.map((d) => [d.day, d.raised]))).map(({ day, value }) => ({
        day,
        raised: value ?? 0,
      })),
      byKind: alarmKinds.map(({ kind, raised, openNow }) => ({ kind, raised, openNow })),
    },
    topStations: top,
  };
}

/** GET /api/stations/dashboard.xlsx: the same figures as a workbook, one sheet per table. */
export async function stationDashboardWorkbook(deps: Deps, ctx: Ctx, query: StationDashboardQuery): Promise<Download> {
  const figures = await stationDashboard(deps, ctx, query);
  return dashboardWorkbook(figures, timeInChina(deps.now()).replace('T', ' '));
}
