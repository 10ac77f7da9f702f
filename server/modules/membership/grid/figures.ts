import { FIGURES_MAX_DAYS } from '../../../../contracts/membership/grid-limits.js';
import type {
  AreaFigures,
  Figures,
  GridFigures,
  GridFiguresQuery,
  MyFigures,
  OrganiserFigures,
} from '../../../../contracts/membership/grid.js';
import { daysBetween, timeInChina, todayInChina } from '../../../../contracts/dates.js';
import type { Download } from '../../../core/attachment.js';
import { requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import type { DbOrTx } from '../../../db/client.js';
import { regionRepo } from '../../regions/repository.js';
import { figuresRepo, type Counts, type Period, type Target } from './figures-repository.js';
import { ownOrganiser } from './self.js';
import { gridWorkbook } from './workbook.js';

/*
 * What the grid brought over a period of China calendar days (this month to today by default):
 * per organiser (the league table, ranked by joined then applications) and per area (the board),
 * for the region's staff; an organiser sees their own.
 */

function periodOf(deps: Deps, query: GridFiguresQuery): Period {
  const today = todayInChina(deps.now());
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 7)}-01`;
  if (from > to)
    throw errors.validation('from', '开始日期不能晚于结束日期', 'The first day must not be after the last day');
  if (daysBetween(from, to) > FIGURES_MAX_DAYS)
    throw errors.validation(
      'from',
      `统计期间的起止日期最多相隔 ${FIGURES_MAX_DAYS} 天`,
      `The first and last day may be at most ${FIGURES_MAX_DAYS} days apart`,
    );
  return { from, to };
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

function figuresOf(c: Omit<Counts, 'id'>): Figures {
  return { ...c, joinRate: rate(c.joined, c.workersMet), insuredRate: rate(c.insured, c.joined) };
}

/** Each id's counts over the period, zero where nothing was counted. */
async function countsBy(db: DbOrTx, t: Target, p: Period): Promise<(id: string) => Omit<Counts, 'id'>> {
  const rows = new Map((await figuresRepo.counts(db, t, p)).map(({ id, ...counts }) => [id, counts]));
  return (id) => rows.get(id) ?? { visits: 0, workersMet: 0, applications: 0, joined: 0, insured: 0 };
}

function sum(rows: Omit<Counts, 'id'>[]): Figures {
  const total = { visits: 0, workersMet: 0, applications: 0, joined: 0, insured: 0 };
  for (const r of rows) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return figuresOf(total);
}

/** Ranked by joined, then applications; equal figures share a rank (1, 1, 3). */
function ranked(rows: Omit<OrganiserFigures, 'rank'>[]): OrganiserFigures[] {
  const sorted = [...rows].sort(
    (a, b) => b.joined - a.joined || b.applications - a.applications || a.name.localeCompare(b.name, 'zh'),
  );
  return sorted.map((row, i) => {
    const first = sorted.findIndex((r) => r.joined === row.joined && r.applications === row.applications);
    return { ...row, rank: (first === -1 ? i : first) + 1 };
  });
}

async function areaRows(db: DbOrTx, t: Target, p: Period): Promise<AreaFigures[]> {
  const areas = await figuresRepo.areas(db, t);
  const counts = await countsBy(db, { ...t, by: 'area' }, p);
  return areas.map((a) => ({
    areaId: a.id,
    name: a.name,
    kind: a.kind,
    organiserId: a.organiserId,
    organiserName: a.organiserName,
    ...figuresOf(counts(a.id)),
  }));
}

/** GET /api/membership/grid/figures: the region's league table and board. */
export async function gridFigures(deps: Deps, ctx: Ctx, query: GridFiguresQuery): Promise<GridFigures> {
  const actor = requirePermission(ctx, 'membership:read');
  const p = periodOf(deps, query);
  const t: Target = { by: 'organiser', scope: actor.regionCode };
  const region = actor.regionCode ? await regionRepo.byCode(deps.db, actor.regionCode) : null;
  const [organisers, counts, areas] = await Promise.all([
    figuresRepo.organisers(deps.db, t),
    countsBy(deps.db, t, p),
    areaRows(deps.db, t, p),
  ]);
  const rows = organisers.map((o) => ({ id: o.id, counts: counts(o.id), o }));
  // A stopped organiser stays on the table for the periods they brought something in.
  const shown = rows.filter((r) => r.o.active === 1 || Object.values(r.counts).some((v) => v > 0));
  return {
    regionCode: actor.regionCode,
    regionName: region?.fullName ?? '全国',
    from: p.from,
    to: p.to,
    totals: sum(shown.map((r) => r.counts)),
    organisers: ranked(
      shown.map(({ o, counts: c }) => ({
        organiserId: o.id,
        code: o.code,
        name: o.name,
        organizationName: o.organizationName,
        active: o.active === 1,
        ...figuresOf(c),
      })),
    ),
    areas,
  };
}

/** GET /api/membership/grid/figures.xlsx */
export async function gridFiguresWorkbook(deps: Deps, ctx: Ctx, query: GridFiguresQuery): Promise<Download> {
  const figures = await gridFigures(deps, ctx, query);
  return gridWorkbook(figures, timeInChina(deps.now()).replace('T', ' '));
}

/** GET /api/membership/grid/me/figures: the organiser's own, and each of their areas. */
export async function myFigures(deps: Deps, ctx: Ctx, query: GridFiguresQuery): Promise<MyFigures> {
  const organiser = await ownOrganiser(deps, ctx);
  const p = periodOf(deps, query);
  const t: Target = { by: 'organiser', scope: null, organiserId: organiser.id };
  const [counts, areas] = await Promise.all([countsBy(deps.db, t, p), areaRows(deps.db, t, p)]);
  return { from: p.from, to: p.to, totals: figuresOf(counts(organiser.id)), areas };
}
