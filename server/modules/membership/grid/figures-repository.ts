import { and, asc, eq, gte, lte, sql, type AnyColumn } from 'drizzle-orm';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { organizations } from '../../organizations/tables.js';
import { membershipAreas, membershipGridDays, membershipOrganisers } from '../tables.js';

// The grid's figures over a period, per organiser or per area of a region (or of one organiser):
// visits and workers met by the visit's China day, applications to join by the day they arrived,
// joins by the stay's first day, and of those joins the stays with cover on some day of the stay
// (a cover recorded later counts). The database keeps them a day at a time (migration 0034).

export interface Period {
  /** First and last calendar day (China), both counted. */
  from: string;
  to: string;
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

/** The organisers or the areas whose figures are asked for: in scope, of the organiser. */
function credited(t: Target) {
  if (t.by === 'organiser')
    return {
      table: membershipOrganisers,
      id: membershipOrganisers.id,
      where: and(
        inRegion(membershipOrganisers.regionCode, t.scope),
        t.organiserId ? eq(membershipOrganisers.id, t.organiserId) : undefined,
      ),
    };
  return {
    table: membershipAreas,
    id: membershipAreas.id,
    where: and(
      inRegion(membershipAreas.regionCode, t.scope),
      t.organiserId ? eq(membershipAreas.organiserId, t.organiserId) : undefined,
    ),
  };
}

const total = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)::int`;

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

  /**
   * Each organiser's or area's counts over the period's days, from the daily figures the
   * database keeps (membership_grid_days); an id with nothing in the period is absent.
   */
  counts(db: DbOrTx, t: Target, p: Period): Promise<Counts[]> {
    const c = credited(t);
    const d = membershipGridDays;
    return db
      .select({
        id: d.creditedId,
        visits: total(d.visits),
        workersMet: total(d.workersMet),
        applications: total(d.applications),
        joined: total(d.joined),
        insured: total(d.insured),
      })
      .from(d)
      .innerJoin(c.table, eq(c.id, d.creditedId))
      .where(and(c.where, gte(d.day, p.from), lte(d.day, p.to)))
      .groupBy(d.creditedId);
  },
};
