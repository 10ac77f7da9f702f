import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type {
  ApplicationKind,
  ApplicationStatus,
  AreaKind,
  EducationLevel,
  InsuranceScheme,
  InsuranceSource,
  LeaveReason,
  MemberOccupation,
  MembershipStatus,
  PoliticalStatus,
  RecommendationStatus,
} from '../../../contracts/membership/codes.js';
import {
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  AREA_KINDS,
  INSURANCE_SCHEMES,
  INSURANCE_SOURCES,
  MEMBERSHIP_STATUSES,
  RECOMMENDATION_STATUSES,
} from '../../../contracts/membership/codes.js';
import { accounts } from '../accounts/tables.js';
import { organizations } from '../organizations/tables.js';
import { people } from '../people/tables.js';
import { regions } from '../regions/tables.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
/** A constant list of codes as SQL literals, for a check constraint. */
const quotedList = (codes: readonly string[]) => sql.raw(codes.map((c) => `'${c}'`).join(', '));

/**
 * An organiser (组织员) who recruits members: a union cadre or volunteer, with the code their
 * joining QR carries so the joins it brings are credited to them. An account lets them log visits.
 */
export const membershipOrganisers = pgTable(
  'membership_organisers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 16 }).notNull().unique(),
    name: varchar('name', { length: 32 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    accountId: uuid('account_id')
      .references(() => accounts.id)
      .unique(),
    active: integer('active').notNull().default(1),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_organisers_region').on(t.regionCode)],
);

/** An area of the grid (分片包干): a named list of regions, streets or platforms, with its organiser. */
export const membershipAreas = pgTable(
  'membership_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 64 }).notNull(),
    kind: varchar('kind', { length: 16 }).$type<AreaKind>().notNull(),
    /** Region codes, street names or platform names, by kind. */
    items: jsonb('items').$type<string[]>().notNull().default([]),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    organiserId: uuid('organiser_id').references(() => membershipOrganisers.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('membership_areas_region').on(t.regionCode),
    index('membership_areas_organiser').on(t.organiserId),
    check('membership_areas_kind', sql`${t.kind} in (${quotedList(AREA_KINDS)})`),
  ],
);

/** An outreach visit (走访): one organiser meeting many workers at a place, on a day. */
export const membershipVisits = pgTable(
  'membership_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => membershipOrganisers.id),
    areaId: uuid('area_id').references(() => membershipAreas.id),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    place: varchar('place', { length: 200 }).notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    workersMet: integer('workers_met').notNull(),
    /** The employers, platforms or sites met at (names as the organiser wrote them). */
    sites: jsonb('sites').$type<string[]>().notNull().default([]),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('membership_visits_organiser').on(t.organiserId, t.visitedAt),
    index('membership_visits_area').on(t.areaId, t.visitedAt),
    check('membership_visits_workers_met', sql`${t.workersMet} between 0 and 100000`),
  ],
);

/** A visit's photo, checked by its bytes when uploaded. */
export const membershipVisitPhotos = pgTable(
  'membership_visit_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => membershipVisits.id),
    mime: varchar('mime', { length: 32 }).notNull(),
    content: bytea('content').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_visit_photos_visit').on(t.visitId)],
);

/**
 * An application to join (or to transfer into) an organization. The resident ID lives on the
 * person (encrypted); its keyed hash is kept here too so a second pending application of the same
 * ID is refused by the database, whatever the timing.
 */
export const membershipApplications = pgTable(
  'membership_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationNo: varchar('application_no', { length: 24 }).notNull().unique(),
    kind: varchar('kind', { length: 8 }).$type<ApplicationKind>().notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    organiserId: uuid('organiser_id').references(() => membershipOrganisers.id),
    visitId: uuid('visit_id').references(() => membershipVisits.id),
    /** The grid area the join is credited to (the visit's, else the organiser's that covers it). */
    areaId: uuid('area_id').references(() => membershipAreas.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    residentIdHash: varchar('resident_id_hash', { length: 64 }).notNull(),
    name: varchar('name', { length: 32 }).notNull(),
    phone: varchar('phone', { length: 20 }).notNull(),
    occupation: varchar('occupation', { length: 24 }).$type<MemberOccupation>().notNull(),
    employer: varchar('employer', { length: 128 }),
    noticeVersion: varchar('notice_version', { length: 16 }).notNull(),
    /** The membership a transfer moves (the one it ends on approval). */
    fromMembershipId: uuid('from_membership_id'),
    status: varchar('status', { length: 12 }).$type<ApplicationStatus>().notNull().default('pending'),
    decisionReason: varchar('decision_reason', { length: 200 }),
    decidedBy: uuid('decided_by').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    membershipId: uuid('membership_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('membership_applications_one_pending')
      .on(t.residentIdHash)
      .where(sql`${t.status} = 'pending'`),
    index('membership_applications_queue').on(t.regionCode, t.status, t.createdAt),
    // The queue of waiting applications in arrival order: small (pending only) whatever the
    // millions decided, so a province's page and its count read only what waits.
    index('membership_applications_waiting')
      .on(t.createdAt, t.id, t.regionCode)
      .where(sql`${t.status} = 'pending'`),
    index('membership_applications_org_queue').on(t.organizationId, t.status, t.createdAt),
    index('membership_applications_organiser').on(t.organiserId, t.createdAt),
    index('membership_applications_area').on(t.areaId, t.createdAt),
    index('membership_applications_person').on(t.personId),
    index('membership_applications_phone').on(t.phone, t.createdAt),
    check('membership_applications_kind', sql`${t.kind} in (${quotedList(APPLICATION_KINDS)})`),
    check('membership_applications_status', sql`${t.status} in (${quotedList(APPLICATION_STATUSES)})`),
  ],
);

/**
 * A membership: one stay of a person in one organization, with the ACFTU register's fields.
 * A transfer ends one row and starts the next with the same member number, so a person's rows
 * are their history; leaving ends the row, re-joining starts a new one. One active row per person.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberNo: varchar('member_no', { length: 20 }).notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    status: varchar('status', { length: 12 }).$type<MembershipStatus>().notNull().default('active'),
    joinedOn: date('joined_on').notNull(),
    endedOn: date('ended_on'),
    leaveReason: varchar('leave_reason', { length: 16 }).$type<LeaveReason>(),
    endNote: varchar('end_note', { length: 200 }),
    applicationId: uuid('application_id'),
    /** The membership this one continues after a transfer. */
    previousId: uuid('previous_id'),
    organiserId: uuid('organiser_id').references(() => membershipOrganisers.id),
    areaId: uuid('area_id').references(() => membershipAreas.id),
    occupation: varchar('occupation', { length: 24 }).$type<MemberOccupation>(),
    ethnicity: varchar('ethnicity', { length: 2 }),
    education: varchar('education', { length: 24 }).$type<EducationLevel>(),
    politicalStatus: varchar('political_status', { length: 24 }).$type<PoliticalStatus>(),
    employer: varchar('employer', { length: 128 }),
    post: varchar('post', { length: 64 }),
    /**
     * The person had work-injury cover on some day of this stay (a cover ending on or after the
     * first day and, once ended, starting by the last). Kept by the database (migration 0034),
     * whichever path writes the stay or the cover, for the grid's figures.
     */
    insured: boolean('insured').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_one_active')
      .on(t.personId)
      .where(sql`${t.status} = 'active'`),
    index('memberships_member_no').on(t.memberNo),
    index('memberships_org').on(t.organizationId, t.status, t.joinedOn),
    index('memberships_region').on(t.regionCode, t.status, t.joinedOn),
    index('memberships_person').on(t.personId, t.joinedOn),
    index('memberships_organiser').on(t.organiserId, t.joinedOn),
    index('memberships_area').on(t.areaId, t.joinedOn),
    check('memberships_status', sql`${t.status} in (${quotedList(MEMBERSHIP_STATUSES)})`),
  ],
);

/** Work-injury or occupational-injury cover of a worker; an import row is the same row again. */
export const membershipInsurance = pgTable(
  'membership_insurance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    scheme: varchar('scheme', { length: 24 }).$type<InsuranceScheme>().notNull(),
    insurer: varchar('insurer', { length: 64 }).notNull(),
    policyNo: varchar('policy_no', { length: 40 }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    source: varchar('source', { length: 12 }).$type<InsuranceSource>().notNull(),
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('membership_insurance_once').on(t.personId, t.scheme, t.startsOn),
    index('membership_insurance_region_end').on(t.regionCode, t.endsOn),
    check('membership_insurance_scheme', sql`${t.scheme} in (${quotedList(INSURANCE_SCHEMES)})`),
    check('membership_insurance_source', sql`${t.source} in (${quotedList(INSURANCE_SOURCES)})`),
    check('membership_insurance_dates', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** 推优入党: an outstanding member recommended to the party organization, reviewed, and its outcome. */
export const membershipRecommendations = pgTable(
  'membership_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    year: smallint('year').notNull(),
    reasons: text('reasons').notNull(),
    status: varchar('status', { length: 16 }).$type<RecommendationStatus>().notNull().default('nominated'),
    nominatedBy: uuid('nominated_by').references(() => accounts.id),
    nominatedAt: timestamp('nominated_at', { withTimezone: true }).notNull(),
    reviewNote: varchar('review_note', { length: 200 }),
    reviewedBy: uuid('reviewed_by').references(() => accounts.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    outcomeNote: varchar('outcome_note', { length: 200 }),
    outcomeOn: date('outcome_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('membership_recommendations_once_a_year').on(t.membershipId, t.year),
    index('membership_recommendations_region').on(t.regionCode, t.year),
    check('membership_recommendations_status', sql`${t.status} in (${quotedList(RECOMMENDATION_STATUSES)})`),
  ],
);

/**
 * The grid's figures a China calendar day at a time, per organiser and per area credited
 * (`creditedId` is either's id): visits and workers met by the visit's day, applications to join
 * by the day they arrived, joins (a stay not continuing a transfer) by their first day and, of
 * those, the stays with cover. Kept by triggers on the four tables counted (migration 0034), so a
 * province's board over a year reads a few thousand rows rather than millions.
 */
export const membershipGridDays = pgTable(
  'membership_grid_days',
  {
    creditedId: uuid('credited_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    visits: integer('visits').notNull().default(0),
    workersMet: integer('workers_met').notNull().default(0),
    applications: integer('applications').notNull().default(0),
    joined: integer('joined').notNull().default(0),
    insured: integer('insured').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.creditedId, t.day] })],
);
