import type { Dashboard, DashboardFigure } from '../../../contracts/dashboard.js';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { courtRepo } from '../courts/repository.js';
import { employerRepo } from '../employers/repository.js';
import { organizationRepo } from '../organizations/repository.js';
import { personRepo } from '../people/repository.js';

export type { DashboardFigure };

/**
 * Modules add their headline figure here as they arrive; each provider counts only what the
 * caller's region allows (through its own module's repository).
 */
export type FigureProvider = (deps: Deps, scope: string | null) => Promise<DashboardFigure>;

const providers: FigureProvider[] = [
  async (d, s) => ({ key: 'people', label: '职工', labelEn: 'People', value: await personRepo.count(d.db, s) }),
  async (d, s) => ({
    key: 'employers',
    label: '用人单位',
    labelEn: 'Employers',
    value: await employerRepo.count(d.db, s),
  }),
  async (d, s) => ({
    key: 'organizations',
    label: '工会组织',
    labelEn: 'Union organizations',
    value: await organizationRepo.count(d.db, s),
  }),
  async (d, s) => ({ key: 'courts', label: '法院', labelEn: 'Courts', value: await courtRepo.count(d.db, s) }),
];

export function registerDashboardFigure(provider: FigureProvider): void {
  providers.push(provider);
}

export async function dashboard(deps: Deps, ctx: Ctx): Promise<Dashboard> {
  const actor = requirePermission(ctx, 'dashboard:view');
  const figures = await Promise.all(providers.map((p) => p(deps, actor.regionCode)));
  return { regionCode: actor.regionCode, figures };
}
