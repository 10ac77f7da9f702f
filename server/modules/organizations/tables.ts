import { index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { OrganizationKind } from '../../../contracts/organizations.js';
import { regions } from '../regions/tables.js';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 128 }).notNull(),
    kind: varchar('kind', { length: 16 }).$type<OrganizationKind>().notNull(),
    parentId: uuid('parent_id'),
    /** null only for the national federation, which no regional scope covers. */
    regionCode: varchar('region_code', { length: 6 }).references(() => regions.code),
    employerId: uuid('employer_id'),
    address: varchar('address', { length: 256 }),
    contactPhone: varchar('contact_phone', { length: 20 }),
    /** The short code a joining QR or link carries (e.g. HX-RIDERS); unique, upper case. */
    code: varchar('code', { length: 24 }).unique(),
    /** 工会主席 (or the chair of the preparatory group). */
    chairName: varchar('chair_name', { length: 32 }),
    /** The account that approves applications to join this organization; staff of the region otherwise. */
    approverAccountId: uuid('approver_account_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organizations_region_idx').on(t.regionCode), index('organizations_parent_idx').on(t.parentId)],
);

export const mediationBodies = pgTable('mediation_bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: varchar('name', { length: 128 }).notNull(),
  kind: varchar('kind', { length: 24 }).$type<'union_studio' | 'people_mediation' | 'court_invited'>().notNull(),
  organizationId: uuid('organization_id').references(() => organizations.id),
  regionCode: varchar('region_code', { length: 6 })
    .notNull()
    .references(() => regions.code),
  address: varchar('address', { length: 256 }),
  contactPhone: varchar('contact_phone', { length: 20 }),
  /** Case numbers of this body: 粤中工调〔2025〕000123号 has the prefix 粤中工调. */
  caseNumberPrefix: varchar('case_number_prefix', { length: 16 }),
  /** The court that confirms this body's agreements unless a case names another. */
  defaultCourtId: uuid('default_court_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
