import { sql } from 'drizzle-orm';
import { inRegion } from '../../../core/scope.js';
import { registerDashboardFigure } from '../../dashboard/service.js';
import { disputeCases } from '../tables.js';

/** The seed's two headline figures on the home page: cases received and the amount settled. */
export function registerDisputeFigures(): void {
  registerDashboardFigure(async (deps, scope) => {
    const [row] = await deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(disputeCases)
      .where(inRegion(disputeCases.regionCode, scope));
    return { key: 'dispute_cases', label: '劳动争议调解案件', labelEn: 'Dispute cases received', value: row?.n ?? 0 };
  });
  registerDashboardFigure(async (deps, scope) => {
    const [row] = await deps.db
      .select({
        fen: sql<number>`coalesce(sum(${disputeCases.settledFen}) filter (where ${disputeCases.agreementEffectiveOn} is not null), 0)::bigint`,
      })
      .from(disputeCases)
      .where(inRegion(disputeCases.regionCode, scope));
    return {
      key: 'dispute_settled_yuan',
      label: '调解成功标的额（元）',
      labelEn: 'Amount settled (yuan)',
      value: Math.round(Number(row?.fen ?? 0) / 100),
      unit: '元',
    };
  });
}
