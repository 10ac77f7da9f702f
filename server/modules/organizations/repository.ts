import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { accounts } from '../accounts/tables.js';
import { regions } from '../regions/tables.js';
import type { OrganizationKind } from '../../../contracts/organizations.js';
import { mediationBodies, organizations } from './tables.js';

const parent = alias(organizations, 'parent');

const columns = {
  id: organizations.id,
  name: organizations.name,
  kind: organizations.kind,
  parentId: organizations.parentId,
  parentName: parent.name,
  regionCode: organizations.regionCode,
  regionName: regions.fullName,
  address: organizations.address,
  contactPhone: organizations.contactPhone,
  code: organizations.code,
  chairName: organizations.chairName,
  approverAccountId: organizations.approverAccountId,
  approverName: accounts.displayName,
};

export interface OrganizationFilter {
  scope: string | null;
  q?: string;
  kind?: OrganizationKind;
  parentId?: string;
  regionCode?: string;
}

function where(f: OrganizationFilter): SQL | undefined {
  return and(
    inRegion(organizations.regionCode, f.scope),
    inRegion(organizations.regionCode, f.regionCode),
    f.q ? ilike(organizations.name, likeText(f.q)) : undefined,
    f.kind ? eq(organizations.kind, f.kind) : undefined,
    f.parentId ? eq(organizations.parentId, f.parentId) : undefined,
  );
}

export const organizationRepo = {
  /** How many in the region `scope` (null: the whole country). */
  async count(db: DbOrTx, scope: string | null) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(organizations)
      .where(inRegion(organizations.regionCode, scope));
    return row?.n ?? 0;
  },
  async list(db: DbOrTx, f: OrganizationFilter, limit: number, offset: number) {
    const base = db
      .select(columns)
      .from(organizations)
      .leftJoin(parent, eq(parent.id, organizations.parentId))
      .leftJoin(regions, eq(regions.code, organizations.regionCode))
      .leftJoin(accounts, eq(accounts.id, organizations.approverAccountId));
    const items = await base
      .where(where(f))
      .orderBy(asc(organizations.regionCode), asc(organizations.name))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(organizations)
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(columns)
      .from(organizations)
      .leftJoin(parent, eq(parent.id, organizations.parentId))
      .leftJoin(regions, eq(regions.code, organizations.regionCode))
      .leftJoin(accounts, eq(accounts.id, organizations.approverAccountId))
      .where(eq(organizations.id, id));
    return row ?? null;
  },
  /** By the code a joining QR carries. */
  async byCode(db: DbOrTx, code: string) {
    const [row] = await db
      .select(columns)
      .from(organizations)
      .leftJoin(parent, eq(parent.id, organizations.parentId))
      .leftJoin(regions, eq(regions.code, organizations.regionCode))
      .leftJoin(accounts, eq(accounts.id, organizations.approverAccountId))
      .where(eq(organizations.code, code));
    return row ?? null;
  },
  async raw(db: DbOrTx, id: string) {
    const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
    return row ?? null;
  },
  async insert(tx: DbOrTx, values: OrganizationInsert) {
    const [row] = await tx.insert(organizations).values(values).returning();
    return row ?? null;
  },
  async update(tx: DbOrTx, id: string, values: Partial<OrganizationInsert>) {
    const [row] = await tx.update(organizations).set(values).where(eq(organizations.id, id)).returning();
    return row ?? null;
  },
};

export type OrganizationInsert = typeof organizations.$inferInsert;

const bodyColumns = {
  id: mediationBodies.id,
  name: mediationBodies.name,
  kind: mediationBodies.kind,
  organizationId: mediationBodies.organizationId,
  regionCode: mediationBodies.regionCode,
  regionName: regions.fullName,
  address: mediationBodies.address,
  contactPhone: mediationBodies.contactPhone,
  caseNumberPrefix: mediationBodies.caseNumberPrefix,
  defaultCourtId: mediationBodies.defaultCourtId,
};

/** Mediation bodies; the union studios take dispute cases. */
export const mediationBodyRepo = {
  async studios(db: DbOrTx) {
    return db
      .select(bodyColumns)
      .from(mediationBodies)
      .leftJoin(regions, eq(regions.code, mediationBodies.regionCode))
      .where(eq(mediationBodies.kind, 'union_studio'))
      .orderBy(asc(mediationBodies.regionCode), asc(mediationBodies.name));
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(bodyColumns)
      .from(mediationBodies)
      .leftJoin(regions, eq(regions.code, mediationBodies.regionCode))
      .where(eq(mediationBodies.id, id));
    return row ?? null;
  },
};
