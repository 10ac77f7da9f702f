import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { inRegion, likeText } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import { organizations } from '../../organizations/tables.js';
import { regions } from '../../regions/tables.js';
import {
  memberships,
  membershipApplications,
  membershipAreas,
  membershipOrganisers,
  membershipVisits,
} from '../tables.js';

// The grid's organisers and areas: lists in a region, the locked row of a change, the writes,
// whether a record is still credited with anything, and the reads that credit a join to an area.

export type OrganiserRow = typeof membershipOrganisers.$inferSelect;
export type OrganiserInsert = typeof membershipOrganisers.$inferInsert;
export type AreaRow = typeof membershipAreas.$inferSelect;
export type AreaInsert = typeof membershipAreas.$inferInsert;

const organiserColumns = {
  id: membershipOrganisers.id,
  code: membershipOrganisers.code,
  name: membershipOrganisers.name,
  phone: membershipOrganisers.phone,
  organizationId: membershipOrganisers.organizationId,
  organizationName: organizations.name,
  organizationCode: organizations.code,
  regionCode: membershipOrganisers.regionCode,
  regionName: regions.fullName,
  accountId: membershipOrganisers.accountId,
  accountName: accounts.username,
  active: membershipOrganisers.active,
  version: membershipOrganisers.version,
};
export type OrganiserRecord = NonNullable<Awaited<ReturnType<typeof gridRepo.organiserById>>>;

const areaOrganiser = sql<
  string | null
>`(select ${membershipOrganisers.name} from ${membershipOrganisers} where ${membershipOrganisers.id} = ${membershipAreas.organiserId})`;
const areaColumns = {
  id: membershipAreas.id,
  name: membershipAreas.name,
  kind: membershipAreas.kind,
  items: membershipAreas.items,
  organizationId: membershipAreas.organizationId,
  organizationName: organizations.name,
  regionCode: membershipAreas.regionCode,
  regionName: regions.fullName,
  organiserId: membershipAreas.organiserId,
  organiserName: areaOrganiser,
  version: membershipAreas.version,
};
export type AreaRecord = NonNullable<Awaited<ReturnType<typeof gridRepo.areaById>>>;

export interface OrganiserFilter {
  scope: string | null;
  q?: string;
  organizationId?: string;
  active?: boolean;
}

export interface AreaFilter {
  scope: string | null;
  q?: string;
  organiserId?: string;
  kind?: AreaRow['kind'];
}

const organiserWhere = (f: OrganiserFilter): SQL | undefined =>
  and(
    inRegion(membershipOrganisers.regionCode, f.scope),
    f.q
      ? or(ilike(membershipOrganisers.name, likeText(f.q)), ilike(membershipOrganisers.code, likeText(f.q)))
      : undefined,
    f.organizationId ? eq(membershipOrganisers.organizationId, f.organizationId) : undefined,
    f.active === undefined ? undefined : eq(membershipOrganisers.active, f.active ? 1 : 0),
  );

const areaWhere = (f: AreaFilter): SQL | undefined =>
  and(
    inRegion(membershipAreas.regionCode, f.scope),
    f.q ? ilike(membershipAreas.name, likeText(f.q)) : undefined,
    f.organiserId ? eq(membershipAreas.organiserId, f.organiserId) : undefined,
    f.kind ? eq(membershipAreas.kind, f.kind) : undefined,
  );

/** Is anything credited to (or logged by) the organiser or area: then it is kept, not deleted. */
const exists = async (db: DbOrTx, query: Promise<unknown[]>) => (await query).length > 0;

export const gridRepo = {
  async organiserList(db: DbOrTx, f: OrganiserFilter, limit: number, offset: number) {
    const items = await db
      .select(organiserColumns)
      .from(membershipOrganisers)
      .innerJoin(organizations, eq(organizations.id, membershipOrganisers.organizationId))
      .leftJoin(regions, eq(regions.code, membershipOrganisers.regionCode))
      .leftJoin(accounts, eq(accounts.id, membershipOrganisers.accountId))
      .where(organiserWhere(f))
      .orderBy(asc(membershipOrganisers.name), asc(membershipOrganisers.id))
      .limit(limit)
      .offset(offset);
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(membershipOrganisers)
      .where(organiserWhere(f));
    return { items, total: n?.n ?? 0 };
  },
  async organiserById(db: DbOrTx, id: string) {
    const [row] = await db
      .select(organiserColumns)
      .from(membershipOrganisers)
      .innerJoin(organizations, eq(organizations.id, membershipOrganisers.organizationId))
      .leftJoin(regions, eq(regions.code, membershipOrganisers.regionCode))
      .leftJoin(accounts, eq(accounts.id, membershipOrganisers.accountId))
      .where(eq(membershipOrganisers.id, id));
    return row ?? null;
  },
  /** The organiser an account is linked to (the account logging its own visits). */
  async organiserOfAccount(db: DbOrTx, accountId: string) {
    const [row] = await db
      .select({ id: membershipOrganisers.id })
      .from(membershipOrganisers)
      .where(eq(membershipOrganisers.accountId, accountId));
    return row ? gridRepo.organiserById(db, row.id) : null;
  },
  async lockOrganiser(db: DbOrTx, id: string) {
    const [row] = await db.select().from(membershipOrganisers).where(eq(membershipOrganisers.id, id)).for('update');
    return row ?? null;
  },
  /** null when the code is taken (the caller draws another). */
  async insertOrganiser(db: DbOrTx, values: OrganiserInsert) {
    const [row] = await db
      .insert(membershipOrganisers)
      .values(values)
      .onConflictDoNothing({ target: membershipOrganisers.code })
      .returning();
    return row ?? null;
  },
  async updateOrganiser(db: DbOrTx, id: string, values: Partial<OrganiserInsert>) {
    const [row] = await db.update(membershipOrganisers).set(values).where(eq(membershipOrganisers.id, id)).returning();
    return row!;
  },
  async deleteOrganiser(db: DbOrTx, id: string) {
    await db.delete(membershipOrganisers).where(eq(membershipOrganisers.id, id));
  },
  async organiserInUse(db: DbOrTx, id: string): Promise<boolean> {
    return (
      (await exists(
        db,
        db
          .select({ id: membershipVisits.id })
          .from(membershipVisits)
          .where(eq(membershipVisits.organiserId, id))
          .limit(1),
      )) ||
      (await exists(
        db,
        db.select({ id: membershipAreas.id }).from(membershipAreas).where(eq(membershipAreas.organiserId, id)).limit(1),
      )) ||
      (await exists(
        db,
        db
          .select({ id: membershipApplications.id })
          .from(membershipApplications)
          .where(eq(membershipApplications.organiserId, id))
          .limit(1),
      )) ||
      (await exists(
        db,
        db.select({ id: memberships.id }).from(memberships).where(eq(memberships.organiserId, id)).limit(1),
      ))
    );
  },

  async areaList(db: DbOrTx, f: AreaFilter, limit: number, offset: number) {
    const items = await db
      .select(areaColumns)
      .from(membershipAreas)
      .innerJoin(organizations, eq(organizations.id, membershipAreas.organizationId))
      .leftJoin(regions, eq(regions.code, membershipAreas.regionCode))
      .where(areaWhere(f))
      .orderBy(asc(membershipAreas.name), asc(membershipAreas.id))
      .limit(limit)
      .offset(offset);
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(membershipAreas)
      .where(areaWhere(f));
    return { items, total: n?.n ?? 0 };
  },
  async areaById(db: DbOrTx, id: string) {
    const [row] = await db
      .select(areaColumns)
      .from(membershipAreas)
      .innerJoin(organizations, eq(organizations.id, membershipAreas.organizationId))
      .leftJoin(regions, eq(regions.code, membershipAreas.regionCode))
      .where(eq(membershipAreas.id, id));
    return row ?? null;
  },
  async lockArea(db: DbOrTx, id: string) {
    const [row] = await db.select().from(membershipAreas).where(eq(membershipAreas.id, id)).for('update');
    return row ?? null;
  },
  async insertArea(db: DbOrTx, values: AreaInsert) {
    const [row] = await db.insert(membershipAreas).values(values).returning();
    return row!;
  },
  async updateArea(db: DbOrTx, id: string, values: Partial<AreaInsert>) {
    const [row] = await db.update(membershipAreas).set(values).where(eq(membershipAreas.id, id)).returning();
    return row!;
  },
  async deleteArea(db: DbOrTx, id: string) {
    await db.delete(membershipAreas).where(eq(membershipAreas.id, id));
  },
  async areaInUse(db: DbOrTx, id: string): Promise<boolean> {
    return (
      (await exists(
        db,
        db.select({ id: membershipVisits.id }).from(membershipVisits).where(eq(membershipVisits.areaId, id)).limit(1),
      )) ||
      (await exists(
        db,
        db
          .select({ id: membershipApplications.id })
          .from(membershipApplications)
          .where(eq(membershipApplications.areaId, id))
          .limit(1),
      )) ||
      (await exists(db, db.select({ id: memberships.id }).from(memberships).where(eq(memberships.areaId, id)).limit(1)))
    );
  },

  /** The visit's organiser and area, for crediting a join to it. */
  async visitForCredit(db: DbOrTx, visitId: string) {
    const [row] = await db
      .select({ organiserId: membershipVisits.organiserId, areaId: membershipVisits.areaId })
      .from(membershipVisits)
      .where(eq(membershipVisits.id, visitId));
    return row ?? null;
  },
  /** An organiser's areas, oldest first: "the first that covers" is then the same every time. */
  organiserAreas(db: DbOrTx, organiserId: string) {
    return db
      .select({
        id: membershipAreas.id,
        name: membershipAreas.name,
        kind: membershipAreas.kind,
        items: membershipAreas.items,
      })
      .from(membershipAreas)
      .where(eq(membershipAreas.organiserId, organiserId))
      .orderBy(asc(membershipAreas.createdAt), asc(membershipAreas.id));
  },
};
