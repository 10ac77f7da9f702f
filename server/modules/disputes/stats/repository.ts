import { and, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { StatDimension } from '../../../../contracts/disputes/responses.js';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import { courts } from '../../courts/tables.js';
import { disputeCases } from '../tables.js';

export { STAT_DIMENSIONS, type StatDimension } from '../../../../contracts/disputes/responses.js';

export interface StatFilter {
  scope: string | null;
  from?: string;
  to?: string;
  courtId?: string;
}

export interface StatRow {
  key: string | null;
  label: string | null;
  received: number;
  succeeded: number;
  failed: number;
  settledFen: number;
  avgDaysToAgreement: number | null;
  avgDaysToRuling: number | null;
}

// A case "succeeded" once a mediation agreement took effect; it "failed" when it closed
// without one. Open cases count as received only.
const measures = {
  received: sql<number>`count(*)::int`,
  succeeded: sql<number>`count(*) filter (where ${disputeCases.agreementEffectiveOn} is not null)::int`,
  failed: sql<number>`count(*) filter (where ${disputeCases.closedReason} is not null and ${disputeCases.agreementEffectiveOn} is null)::int`,
  settledFen: sql<number>`coalesce(sum(${disputeCases.settledFen}) filter (where ${disputeCases.agreementEffectiveOn} is not null), 0)::bigint`,
  avgDaysToAgreement: sql<
    number | null
  >`round(avg(${disputeCases.agreementEffectiveOn} - ${disputeCases.appliedOn})::numeric, 1)::float8`,
  avgDaysToRuling: sql<
    number | null
  >`round(avg(${disputeCases.rulingIssuedOn} - ${disputeCases.appliedOn})::numeric, 1)::float8`,
};

function where(f: StatFilter): SQL | undefined {
  return and(
    inRegion(disputeCases.regionCode, f.scope),
    f.from ? gte(disputeCases.appliedOn, f.from) : undefined,
    f.to ? lte(disputeCases.appliedOn, f.to) : undefined,
    f.courtId ? sql`${disputeCases.courtId} = ${f.courtId}` : undefined,
  );
}

const num = (r: StatRow): StatRow => ({
  ...r,
  settledFen: Number(r.settledFen),
  avgDaysToAgreement: r.avgDaysToAgreement === null ? null : Number(r.avgDaysToAgreement),
  avgDaysToRuling: r.avgDaysToRuling === null ? null : Number(r.avgDaysToRuling),
});

export const statsRepo = {
  /** Cases received in a region scope (the home page's figure). */
  async caseCount(db: DbOrTx, scope: string | null): Promise<number> {
    const [row] = await db
      .select({ n: measures.received })
      .from(disputeCases)
      .where(inRegion(disputeCases.regionCode, scope));
    return row?.n ?? 0;
  },

  /** The amount settled by agreements in a region scope, in fen (the home page's figure). */
  async settledFen(db: DbOrTx, scope: string | null): Promise<number> {
    const [row] = await db
      .select({ fen: measures.settledFen })
      .from(disputeCases)
      .where(inRegion(disputeCases.regionCode, scope));
    return Number(row?.fen ?? 0);
  },

  async totals(db: DbOrTx, f: StatFilter): Promise<StatRow> {
    const [row] = await db
      .select({ key: sql<null>`null`, label: sql<null>`null`, ...measures })
      .from(disputeCases)
      .where(where(f));
    return num(row as StatRow);
  },

  async by(db: DbOrTx, f: StatFilter, dimension: StatDimension): Promise<StatRow[]> {
    let rows: StatRow[];
    switch (dimension) {
      case 'court':
        rows = await db
          .select({ key: sql<string>`${courts.id}::text`, label: courts.name, ...measures })
          .from(disputeCases)
          .leftJoin(courts, sql`${courts.id} = ${disputeCases.courtId}`)
          .where(where(f))
          .groupBy(courts.id, courts.name)
          .orderBy(courts.name);
        break;
      case 'mediator':
        rows = await db
          .select({ key: sql<string>`${accounts.id}::text`, label: accounts.displayName, ...measures })
          .from(disputeCases)
          .leftJoin(accounts, sql`${accounts.id} = ${disputeCases.mediatorAccountId}`)
          .where(where(f))
          .groupBy(accounts.id, accounts.displayName)
          .orderBy(accounts.displayName);
        break;
      case 'sector':
        rows = await db
          .select({ key: disputeCases.sector, label: disputeCases.sector, ...measures })
          .from(disputeCases)
          .where(where(f))
          .groupBy(disputeCases.sector)
          .orderBy(disputeCases.sector);
        break;
      case 'claim_type': {
        // A case with several claim types counts once under each of them.
        const claim = sql<string>`claim_type`;
        rows = await db
          .select({ key: claim, label: claim, ...measures })
          .from(sql`${disputeCases} cross join lateral unnest(${disputeCases.claimTypes}) as claim_type`)
          .where(where(f))
          .groupBy(claim)
          .orderBy(claim);
        break;
      }
      case 'month':
      case 'year': {
        const fmt = dimension === 'month' ? 'YYYY-MM' : 'YYYY';
        const period = sql<string>`to_char(${disputeCases.appliedOn}, ${sql.raw(`'${fmt}'`)})`;
        rows = await db
          .select({ key: period, label: period, ...measures })
          .from(disputeCases)
          .where(where(f))
          .groupBy(period)
          .orderBy(period);
        break;
      }
    }
    return rows.map(num);
  },
};
