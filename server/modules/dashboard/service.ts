import { sql, type AnyColumn } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { inRegion } from '../../core/scope.js';
import { courts } from '../courts/tables.js';
import { employers } from '../employers/tables.js';
import { organizations } from '../organizations/tables.js';
import { people } from '../people/tables.js';

export interface DashboardFigure {
  key: string;
  label: string;
  labelEn: string;
  value: number;
  unit?: string;
}

/**
 * Modules add their headline figure here as they arrive; each provider counts only what the
 * caller's region allows.
 */
export type FigureProvider = (deps: Deps, scope: string | null) => Promise<DashboardFigure>;

function countIn(table: PgTable, regionColumn: AnyColumn) {
  return async (deps: Deps, scope: string | null) => {
    const [row] = await deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(inRegion(regionColumn, scope));
    return row?.n ?? 0;
  };
}

const providers: FigureProvider[] = [
  async (d, s) => ({
    key: 'people',
    label: '职工',
    labelEn: 'People',
    value: await countIn(people, people.regionCode)(d, s),
  }),
  async (d, s) => ({
    key: 'employers',
    label: '用人单位',
    labelEn: 'Employers',
    value: await countIn(employers, employers.regionCode)(d, s),
  }),
  async (d, s) => ({
    key: 'organizations',
    label: '工会组织',
    labelEn: 'Union organizations',
    value: await countIn(organizations, organizations.regionCode)(d, s),
  }),
  async (d, s) => ({
    key: 'courts',
    label: '法院',
    labelEn: 'Courts',
    value: await countIn(courts, courts.regionCode)(d, s),
  }),
];

export function registerDashboardFigure(provider: FigureProvider): void {
  providers.push(provider);
}

export async function dashboard(deps: Deps, ctx: Ctx) {
  const actor = requirePermission(ctx, 'dashboard:view');
  const figures = await Promise.all(providers.map((p) => p(deps, actor.regionCode)));
  return { regionCode: actor.regionCode, figures };
}
