import { and, asc, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../organizations/tables.js';
import { people } from '../people/tables.js';
import type {
  ApplicationKind,
  ApplicationStatus,
  MemberOccupation,
  MembershipStatus,
} from '../../../contracts/membership/codes.js';
import { membershipApplications as apps, membershipOrganisers, memberships } from './tables.js';

// The queries of applications and memberships that joining, the queue and the register share.

const fromMembership = alias(memberships, 'from_membership');
const fromOrganization = alias(organizations, 'from_organization');

const applicationColumns = {
  id: apps.id,
  applicationNo: apps.applicationNo,
  kind: apps.kind,
  status: apps.status,
  name: apps.name,
  phone: apps.phone,
  residentIdHead: people.residentIdHead,
  residentIdTail: people.residentIdTail,
  sex: people.sex,
  birthDate: people.birthDate,
  occupation: apps.occupation,
  employer: apps.employer,
  organizationId: apps.organizationId,
  organizationName: organizations.name,
  approverAccountId: organizations.approverAccountId,
  regionCode: apps.regionCode,
  organiserId: apps.organiserId,
  organiserName: membershipOrganisers.name,
  areaId: apps.areaId,
  personId: apps.personId,
  fromMembershipId: apps.fromMembershipId,
  fromOrganizationName: fromOrganization.name,
  createdAt: apps.createdAt,
  decisionReason: apps.decisionReason,
  decidedAt: apps.decidedAt,
  membershipId: apps.membershipId,
  version: apps.version,
};

export interface ApplicationFilter {
  scope: string | null;
  status?: ApplicationStatus;
  kind?: ApplicationKind;
  organizationId?: string;
  occupation?: MemberOccupation;
  organiserId?: string;
  /** Submitted at or after / before these instants (the service turns China dates into them). */
  since?: Date;
  before?: Date;
  q?: string;
}

function applicationWhere(f: ApplicationFilter): SQL | undefined {
  return and(
    inRegion(apps.regionCode, f.scope),
    f.status ? eq(apps.status, f.status) : undefined,
    f.kind ? eq(apps.kind, f.kind) : undefined,
    f.organizationId ? eq(apps.organizationId, f.organizationId) : undefined,
    f.occupation ? eq(apps.occupation, f.occupation) : undefined,
    f.organiserId ? eq(apps.organiserId, f.organiserId) : undefined,
    f.since ? gte(apps.createdAt, f.since) : undefined,
    f.before ? lt(apps.createdAt, f.before) : undefined,
    f.q ? or(ilike(apps.name, likeText(f.q)), eq(apps.applicationNo, f.q.toUpperCase())) : undefined,
  );
}

function applicationSelect(db: DbOrTx) {
  return db
    .select(applicationColumns)
    .from(apps)
    .innerJoin(people, eq(people.id, apps.personId))
    .innerJoin(organizations, eq(organizations.id, apps.organizationId))
    .leftJoin(membershipOrganisers, eq(membershipOrganisers.id, apps.organiserId))
    .leftJoin(fromMembership, eq(fromMembership.id, apps.fromMembershipId))
    .leftJoin(fromOrganization, eq(fromOrganization.id, fromMembership.organizationId));
}
export type ApplicationView = Awaited<ReturnType<typeof applicationRepo.byId>> & {};

export const applicationRepo = {
  /** The queue's page: oldest first, as they wait. */
  async list(db: DbOrTx, f: ApplicationFilter, limit: number, offset: number) {
    const where = applicationWhere(f);
    const items = await applicationSelect(db)
      .where(where)
      .orderBy(asc(apps.createdAt), asc(apps.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(apps)
      .where(where);
    return { items, total: count?.n ?? 0 };
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await applicationSelect(db).where(eq(apps.id, id));
    return row ?? null;
  },
  /** The pending application of a resident ID (its keyed hash), anywhere. */
  async pendingOf(db: DbOrTx, residentIdHash: string) {
    const [row] = await applicationSelect(db).where(
      and(eq(apps.residentIdHash, residentIdHash), eq(apps.status, 'pending')),
    );
    return row ?? null;
  },
  /** The newest application from a phone: it names the person the card page shows. */
  async latestOfPhone(db: DbOrTx, phone: string) {
    const [row] = await applicationSelect(db).where(eq(apps.phone, phone)).orderBy(desc(apps.createdAt)).limit(1);
    return row ?? null;
  },
  /** A person's applications, newest first (the card page). */
  async ofPerson(db: DbOrTx, personId: string) {
    return applicationSelect(db).where(eq(apps.personId, personId)).orderBy(desc(apps.createdAt)).limit(20);
  },
  /** Null when the same ID's pending application got in first (the partial unique index). */
  async insert(tx: DbOrTx, values: typeof apps.$inferInsert) {
    const [row] = await tx.insert(apps).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },
  async lockGet(tx: DbOrTx, id: string) {
    const [row] = await tx.select().from(apps).where(eq(apps.id, id)).for('update');
    return row ?? null;
  },
  /** The decision, at the version read: false when the row moved meanwhile. */
  async decide(tx: DbOrTx, id: string, version: number, values: Partial<typeof apps.$inferInsert>): Promise<boolean> {
    const rows = await tx
      .update(apps)
      .set({ ...values, version: version + 1 })
      .where(and(eq(apps.id, id), eq(apps.version, version), eq(apps.status, 'pending')))
      .returning({ id: apps.id });
    return rows.length === 1;
  },
};

const memberColumns = {
  id: memberships.id,
  memberNo: memberships.memberNo,
  personId: memberships.personId,
  name: people.name,
  phone: people.phone,
  sex: people.sex,
  birthDate: people.birthDate,
  residentIdHead: people.residentIdHead,
  residentIdTail: people.residentIdTail,
  ethnicity: memberships.ethnicity,
  education: memberships.education,
  politicalStatus: memberships.politicalStatus,
  occupation: memberships.occupation,
  employer: memberships.employer,
  post: memberships.post,
  joinedOn: memberships.joinedOn,
  endedOn: memberships.endedOn,
  status: memberships.status,
  leaveReason: memberships.leaveReason,
  endNote: memberships.endNote,
  organizationId: memberships.organizationId,
  organizationName: organizations.name,
  regionCode: memberships.regionCode,
  version: memberships.version,
};

export interface MemberFilter {
  scope: string | null;
  status?: MembershipStatus;
  organizationId?: string;
  q?: string;
}

function memberSelect(db: DbOrTx) {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId));
}
export type MemberView = NonNullable<Awaited<ReturnType<typeof membershipRepo.byId>>>;

export const membershipRepo = {
  async list(db: DbOrTx, f: MemberFilter, limit: number, offset: number) {
    const where = and(
      inRegion(memberships.regionCode, f.scope),
      f.status ? eq(memberships.status, f.status) : undefined,
      f.organizationId ? eq(memberships.organizationId, f.organizationId) : undefined,
      f.q ? or(ilike(people.name, likeText(f.q)), eq(memberships.memberNo, f.q)) : undefined,
    );
    const items = await memberSelect(db)
      .where(where)
      .orderBy(desc(memberships.joinedOn), asc(memberships.memberNo))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(where);
    return { items, total: count?.n ?? 0 };
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await memberSelect(db).where(eq(memberships.id, id));
    return row ?? null;
  },
  async activeOf(db: DbOrTx, personId: string) {
    const [row] = await memberSelect(db).where(
      and(eq(memberships.personId, personId), eq(memberships.status, 'active')),
    );
    return row ?? null;
  },
  /** Every stay of a person, oldest first: their history across organizations. */
  async historyOf(db: DbOrTx, personId: string) {
    return memberSelect(db)
      .where(eq(memberships.personId, personId))
      .orderBy(asc(memberships.joinedOn), asc(memberships.createdAt));
  },
  /** The number a person was first given: it stays with them through transfers and a return. */
  async firstNumberOf(db: DbOrTx, personId: string): Promise<string | null> {
    const [row] = await db
      .select({ memberNo: memberships.memberNo })
      .from(memberships)
      .where(eq(memberships.personId, personId))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    return row?.memberNo ?? null;
  },
  async activeByNumber(db: DbOrTx, memberNo: string) {
    const [row] = await memberSelect(db).where(
      and(eq(memberships.memberNo, memberNo), eq(memberships.status, 'active')),
    );
    return row ?? null;
  },
  /** Null when the person became active elsewhere meanwhile (one active membership, by index). */
  async insert(tx: DbOrTx, values: typeof memberships.$inferInsert) {
    const [row] = await tx.insert(memberships).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },
  async lockGet(tx: DbOrTx, id: string) {
    const [row] = await tx.select().from(memberships).where(eq(memberships.id, id)).for('update');
    return row ?? null;
  },
  /** A change at the version read: false when the row moved meanwhile. */
  async update(tx: DbOrTx, id: string, version: number, values: Partial<typeof memberships.$inferInsert>) {
    const rows = await tx
      .update(memberships)
      .set({ ...values, version: version + 1 })
      .where(and(eq(memberships.id, id), eq(memberships.version, version)))
      .returning({ id: memberships.id });
    return rows.length === 1;
  },
};

/** The organiser a joining link names (active ones only). */
export const organiserLookup = {
  async activeByCode(db: DbOrTx, code: string) {
    const [row] = await db
      .select({
        id: membershipOrganisers.id,
        code: membershipOrganisers.code,
        name: membershipOrganisers.name,
        regionCode: membershipOrganisers.regionCode,
      })
      .from(membershipOrganisers)
      .where(and(eq(membershipOrganisers.code, code), eq(membershipOrganisers.active, 1)));
    return row ?? null;
  },
};
