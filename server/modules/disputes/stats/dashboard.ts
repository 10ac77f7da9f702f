import { registerDashboardFigure } from '../../dashboard/service.js';
import { statsRepo } from './repository.js';

/** The seed's two headline figures on the home page: cases received and the amount settled. */
export function registerDisputeFigures(): void {
  registerDashboardFigure(async (deps, scope) => ({
    key: 'dispute_cases',
    label: '劳动争议调解案件',
    labelEn: 'Dispute cases received',
    value: await statsRepo.caseCount(deps.db, scope),
  }));
  registerDashboardFigure(async (deps, scope) => ({
    key: 'dispute_settled_yuan',
    label: '调解成功标的额（元）',
    labelEn: 'Amount settled (CNY)',
    value: Math.round((await statsRepo.settledFen(deps.db, scope)) / 100),
    unit: '元',
    unitEn: 'CNY',
  }));
}
