import { and, asc, eq, gte, isNull, lt, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { organizations } from '../../organizations/tables.js';
import {
  memberships,
  membershipApplications,
  membershipAreas,
  membershipInsurance,
  membershipOrganisers,
  membershipVisits,
} from '../tables.js';

// The grid's figures over a period, per organiser or per area of a region (or of one organiser):
// visits and workers met by the visit's time, applications by when they arrived, joins by the
// membership's first day, and of those joined the people with cover on any day of the period.

export interface Period {
  /** First and last calendar day (China). */
  from: string;
  to: string;
  /** [start, end): 00:00 China time of `from` and of the day after `to`. */
  start: Date;
  end: Date;
}

/** Whose figures: per organiser or per area, of a region, optionally of one organiser only. */
export interface Target {
  by: 'organiser' | 'area';
  scope: string | null;
  organiserId?: string;
}

export interface Counts {
  id: string;
  visits: number;
  workersMet: number;
  applications: number;
  joined: number;
  insured: number;
}

/** The rows counted (in scope, of the organiser) joined to what they are credited to. */
function credited(t: Target, organiserColumn: AnyColumn, areaColumn: AnyColumn) {
  if (t.by === 'organiser')
    return {
      table: membershipOrganisers,
      key: sql<string>`${organiserColumn}`,
      on: eq(organiserColumn, membershipOrganisers.id),
      where: and(
        inRegion(membershipOrganisers.regionCode, t.scope),
        t.organiserId ? eq(membershipOrganisers.id, t.organiserId) : undefined,
      ),
    };
  return {
    table: membershipAreas,
    key: sql<string>`${areaColumn}`,
    on: eq(areaColumn, membershipAreas.id),
    where: and(
      inRegion(membershipAreas.regionCode, t.scope),
      t.organiserId ? eq(membershipAreas.organiserId, t.organiserId) : undefined,
    ),
  };
}

const n = (expr: SQL) => sql<number>`coalesce(${expr}, 0)::int`;

export const figuresRepo = {
  /** The organisers of the region (or the one), with their organization's name. */
  organisers(db: DbOrTx, t: Target) {
    return db
      .select({
        id: membershipOrganisers.id,
        code: membershipOrganisers.code,
        name: membershipOrganisers.name,
        organizationName: organizations.name,
        active: membershipOrganisers.active,
      })
      .from(membershipOrganisers)
      .innerJoin(organizations, eq(organizations.id, membershipOrganisers.organizationId))
      .where(
        and(
          inRegion(membershipOrganisers.regionCode, t.scope),
          t.organiserId ? eq(membershipOrganisers.id, t.organiserId) : undefined,
        ),
      )
      .orderBy(asc(membershipOrganisers.name), asc(membershipOrganisers.id));
  },
  /** Every area of the region (or of the organiser), with its organiser's name. */
  areas(db: DbOrTx, t: Target) {
    return db
      .select({
        id: membershipAreas.id,
        name: membershipAreas.name,
        kind: membershipAreas.kind,
        organiserId: membershipAreas.organiserId,
        organiserName: membershipOrganisers.name,
      })
      .from(membershipAreas)
      .leftJoin(membershipOrganisers, eq(membershipOrganisers.id, membershipAreas.organiserId))
      .where(
        and(
          inRegion(membershipAreas.regionCode, t.scope),
          t.organiserId ? eq(membershipAreas.organiserId, t.organiserId) : undefined,
        ),
      )
      .orderBy(asc(membershipAreas.name), asc(membershipAreas.id));
  },

  async visits(db: DbOrTx, t: Target, p: Period) {
    const c = credited(t, membershipVisits.organiserId, membershipVisits.areaId);
    return db
      .select({ id: c.key, visits: n(sql`count(*)`), workersMet: n(sql`sum(${membershipVisits.workersMet})`) })
      .from(membershipVisits)
      .innerJoin(c.table, c.on)
      .where(and(c.where, gte(membershipVisits.visitedAt, p.start), lt(membershipVisits.visitedAt, p.end)))
      .groupBy(c.key);
  },

  /** Applications to join that arrived in the period (whatever became of them since). */
  async applications(db: DbOrTx, t: Target, p: Period) {
    const c = credited(t, membershipApplications.organiserId, membershipApplications.areaId);
    return db
      .select({ id: c.key, applications: n(sql`count(*)`) })
      .from(membershipApplications)
      .innerJoin(c.table, c.on)
      .where(
        and(
          c.where,
          eq(membershipApplications.kind, 'join'),
          gte(membershipApplications.createdAt, p.start),
          lt(membershipApplications.createdAt, p.end),
        ),
      )
      .groupBy(c.key);
  },

  /**
   * People whose membership credited here began in the period (a transfer's continuation is not a
   * new join), and of them those with work-injury cover overlapping the period.
   */
  async joined(db: DbOrTx, t: Target, p: Period) {
    const c = credited(t, memberships.organiserId, memberships.areaId);
    const covered = sql`exists (select 1 from ${membershipInsurance} where ${membershipInsurance.personId} = ${memberships.personId} and ${membershipInsurance.startsOn} <= ${p.to} and ${membershipInsurance.endsOn} >= ${p.from})`;
    return db
      .select({
        id: c.key,
        joined: n(sql`count(distinct ${memberships.personId})`),
        insured: n(sql`count(distinct ${memberships.personId}) filter (where ${covered})`),
      })
      .from(memberships)
      .innerJoin(c.table, c.on)
      .where(
        and(
          c.where,
          isNull(memberships.previousId),
          gte(memberships.joinedOn, p.from),
          lte(memberships.joinedOn, p.to),
        ),
      )
      .groupBy(c.key);
  },
};
