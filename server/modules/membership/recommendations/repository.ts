import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RecommendationStatus } from '../../../../contracts/membership/codes.js';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import { organizations } from '../../organizations/tables.js';
import { people } from '../../people/tables.js';
import { membershipRecommendations as recs, memberships } from '../tables.js';

// The queries of the recommendations for party membership (推优入党). The row changes only through
// `lock` and `update` in the service's one versioned path.

export type RecommendationInsert = typeof recs.$inferInsert;
export type RecommendationRow = typeof recs.$inferSelect;

const nominator = alias(accounts, 'nominator');
const reviewer = alias(accounts, 'reviewer');

const listColumns = {
  id: recs.id,
  membershipId: recs.membershipId,
  memberNo: memberships.memberNo,
  personId: recs.personId,
  name: people.name,
  organizationId: recs.organizationId,
  organizationName: organizations.name,
  regionCode: recs.regionCode,
  year: recs.year,
  reasons: recs.reasons,
  status: recs.status,
  nominatedBy: recs.nominatedBy,
  nominatedByName: nominator.displayName,
  nominatedAt: recs.nominatedAt,
  reviewNote: recs.reviewNote,
  reviewedByName: reviewer.displayName,
  reviewedAt: recs.reviewedAt,
  outcomeOn: recs.outcomeOn,
  outcomeNote: recs.outcomeNote,
  version: recs.version,
};

export interface RecommendationFilter {
  scope: string | null;
  year?: number;
  status?: RecommendationStatus;
  organizationId?: string;
}

function where(f: RecommendationFilter): SQL | undefined {
  return and(
    inRegion(recs.regionCode, f.scope),
    f.year ? eq(recs.year, f.year) : undefined,
    f.status ? eq(recs.status, f.status) : undefined,
    f.organizationId ? eq(recs.organizationId, f.organizationId) : undefined,
  );
}

function withNames(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(recs)
    .innerJoin(memberships, eq(memberships.id, recs.membershipId))
    .innerJoin(people, eq(people.id, recs.personId))
    .innerJoin(organizations, eq(organizations.id, recs.organizationId))
    .leftJoin(nominator, eq(nominator.id, recs.nominatedBy))
    .leftJoin(reviewer, eq(reviewer.id, recs.reviewedBy));
}

export const recommendationRepo = {
  /** The membership a nomination names, as the checks need it. */
  async membership(db: DbOrTx, id: string) {
    const [row] = await db
      .select({
        id: memberships.id,
        personId: memberships.personId,
        organizationId: memberships.organizationId,
        regionCode: memberships.regionCode,
        status: memberships.status,
      })
      .from(memberships)
      .where(eq(memberships.id, id));
    return row ?? null;
  },
  /** Whether the person was nominated in the year already (through any of their memberships). */
  async personNominatedIn(db: DbOrTx, personId: string, year: number): Promise<boolean> {
    const [row] = await db
      .select({ id: recs.id })
      .from(recs)
      .where(and(eq(recs.personId, personId), eq(recs.year, year)))
      .limit(1);
    return !!row;
  },
  /** A new nomination; null when the membership has one this year already (the unique index). */
  async insertNew(tx: DbOrTx, values: RecommendationInsert) {
    const [row] = await tx.insert(recs).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },
  /** The row to change, locked until the caller's transaction ends. */
  async lock(tx: DbOrTx, id: string) {
    const [row] = await tx.select().from(recs).where(eq(recs.id, id)).for('update');
    return row ?? null;
  },
  async update(tx: DbOrTx, id: string, values: Partial<RecommendationInsert>) {
    const [row] = await tx.update(recs).set(values).where(eq(recs.id, id)).returning();
    return row ?? null;
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await withNames(db).where(eq(recs.id, id));
    return row ?? null;
  },
  async list(db: DbOrTx, f: RecommendationFilter, limit: number, offset: number) {
    const items = await withNames(db)
      .where(where(f))
      .orderBy(desc(recs.nominatedAt), desc(recs.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(recs)
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },
  /** The year's nominations by where they got to. */
  async counts(db: DbOrTx, f: { scope: string | null; regionCode?: string; year: number }) {
    const n = (status: SQL) => sql<number>`(count(*) filter (where ${status}))::int`;
    const [row] = await db
      .select({
        nominated: sql<number>`count(*)::int`,
        endorsed: n(sql`${recs.status} in ('endorsed', 'accepted', 'not_accepted')`),
        declined: n(sql`${recs.status} = 'declined'`),
        accepted: n(sql`${recs.status} = 'accepted'`),
        notAccepted: n(sql`${recs.status} = 'not_accepted'`),
        awaitingReview: n(sql`${recs.status} = 'nominated'`),
      })
      .from(recs)
      .where(and(eq(recs.year, f.year), inRegion(recs.regionCode, f.scope), inRegion(recs.regionCode, f.regionCode)));
    return row!;
  },
};
