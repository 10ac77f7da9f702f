import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  point,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type {
  DeviceKind,
  DoorRejectReason,
  EntryMethod,
  Occupation,
  SixStandard,
  StationFacility,
  StationStatus,
} from '../../../contracts/stations/codes.js';
import {
  DEVICE_KINDS,
  ENTRY_METHODS,
  OCCUPATIONS,
  SIX_STANDARDS,
  STATION_FACILITIES,
  STATION_STATUSES,
} from '../../../contracts/stations/codes.js';
import { accounts } from '../accounts/tables.js';
import { organizations } from '../organizations/tables.js';
import { people } from '../people/tables.js';
import { regions } from '../regions/tables.js';
import type { AdmsCommand } from './door/adms-protocol.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
/** A constant list of codes as SQL literals, for a check constraint. */
const quotedList = (codes: readonly string[]) => sql.raw(codes.map((c) => `'${c}'`).join(', '));

/**
 * A station (驿站). Coordinates are GCJ-02, the datum Chinese map apps show, and the row names it;
 * `location` is the same point as (lng, lat) for the finder's GiST nearest-first index. Opening
 * hours are minutes of the day in China time; a range may cross midnight.
 */
export const stations = pgTable(
  'stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 32 }).notNull().unique(),
    name: varchar('name', { length: 64 }).notNull(),
    address: varchar('address', { length: 200 }).notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    datum: varchar('datum', { length: 8 }).notNull().default('GCJ-02'),
    location: point('location', { mode: 'xy' })
      .notNull()
      .generatedAlwaysAs(sql`point(lng, lat)`),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    hostOrganizationId: uuid('host_organization_id').references(() => organizations.id),
    operatorName: varchar('operator_name', { length: 128 }),
    managerAccountId: uuid('manager_account_id').references(() => accounts.id),
    open24h: boolean('open_24h').notNull(),
    opensMinute: smallint('opens_minute'),
    closesMinute: smallint('closes_minute'),
    areaM2: integer('area_m2'),
    facilities: text('facilities')
      .array()
      .$type<StationFacility[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    standards: text('standards')
      .array()
      .$type<SixStandard[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: varchar('status', { length: 12 }).$type<StationStatus>().notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stations_location_gist').using('gist', t.location),
    index('stations_region_idx').on(t.regionCode),
    index('stations_name_idx').on(t.name.op('varchar_pattern_ops')),
    check('stations_datum', sql`${t.datum} = 'GCJ-02'`),
    check('stations_status', sql`${t.status} in (${quotedList(STATION_STATUSES)})`),
    check('stations_facilities', sql`${t.facilities} <@ array[${quotedList(STATION_FACILITIES)}]::text[]`),
    check('stations_standards', sql`${t.standards} <@ array[${quotedList(SIX_STANDARDS)}]::text[]`),
    check(
      'stations_hours',
      sql`(${t.open24h} and ${t.opensMinute} is null and ${t.closesMinute} is null) or (not ${t.open24h} and ${t.opensMinute} between 0 and 1439 and ${t.closesMinute} between 0 and 1439 and ${t.opensMinute} <> ${t.closesMinute})`,
    ),
    check('stations_coordinates', sql`${t.lat} between -90 and 90 and ${t.lng} between -180 and 180`),
  ],
);

/**
 * A worker registered at the stations, once whatever the station: recognised by the phone the
 * one-time code proved, linked to the platform's person. `pin` is the number door terminals know
 * the worker by; `passSerial` goes into the personal QR pass, so a new serial voids the old pass.
 */
export const stationWorkers = pgTable(
  'station_workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .unique()
      .references(() => people.id),
    phone: varchar('phone', { length: 20 }).notNull().unique(),
    pin: integer('pin').notNull().unique().generatedAlwaysAsIdentity({ startWith: 100001 }),
    occupation: varchar('occupation', { length: 16 }).$type<Occupation>().notNull(),
    platform: varchar('platform', { length: 64 }),
    registeredStationId: uuid('registered_station_id')
      .notNull()
      .references(() => stations.id),
    privacyNoticeVersion: varchar('privacy_notice_version', { length: 16 }).notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    passSerial: integer('pass_serial').notNull().default(1),
    /** Only with the worker's explicit consent to face entry; removed (and from the terminals) on request. */
    facePhoto: bytea('face_photo'),
    faceConsentedAt: timestamp('face_consented_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('station_workers_occupation', sql`${t.occupation} in (${quotedList(OCCUPATIONS)})`),
    check('station_workers_face_consent', sql`${t.facePhoto} is null or ${t.faceConsentedAt} is not null`),
  ],
);

/**
 * A door terminal, by its serial number. The secret signs webhook events and authenticates the
 * device; it is stored encrypted (the HMAC needs it back) and shown once when set.
 */
export const stationDevices = pgTable(
  'station_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serial: varchar('serial', { length: 64 }).notNull().unique(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    kind: varchar('kind', { length: 16 }).$type<DeviceKind>().notNull(),
    secretEnc: text('secret_enc').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** The ADMS stamps the terminal last sent: its next upload starts after them. */
    attlogStamp: varchar('attlog_stamp', { length: 32 }).notNull().default('0'),
    operlogStamp: varchar('operlog_stamp', { length: 32 }).notNull().default('0'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('station_devices_station_idx').on(t.stationId),
    check('station_devices_kind', sql`${t.kind} in (${quotedList(DEVICE_KINDS)})`),
  ],
);

/** A person let in at a station's door. `sourceKey` makes a terminal's resent upload count once. */
export const stationVisits = pgTable(
  'station_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => stationWorkers.id),
    deviceId: uuid('device_id').references(() => stationDevices.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    method: varchar('method', { length: 16 }).$type<EntryMethod>().notNull(),
    sourceKey: varchar('source_key', { length: 160 }).notNull().unique(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('station_visits_station_time').on(t.stationId, t.occurredAt),
    index('station_visits_worker_time').on(t.workerId, t.occurredAt),
    check('station_visits_method', sql`${t.method} in (${quotedList(ENTRY_METHODS)})`),
  ],
);

/** A door event that did not become a visit, kept with its reason for the station's counts. */
export const stationDoorRejects = pgTable(
  'station_door_rejects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').references(() => stations.id),
    deviceSerial: varchar('device_serial', { length: 64 }),
    reason: varchar('reason', { length: 24 }).$type<DoorRejectReason>().notNull(),
    /** What identifies the event (a PIN, an event id, a line number), never a secret or a photo. */
    detail: jsonb('detail').$type<Record<string, string | number | null>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('station_door_rejects_station_time').on(t.stationId, t.receivedAt),
    index('station_door_rejects_serial_time').on(t.deviceSerial, t.receivedAt),
  ],
);

/** Commands for an ADMS terminal, delivered on its next heartbeat; the number is the command id. */
export const stationDeviceCommands = pgTable(
  'station_device_commands',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => stationDevices.id),
    command: jsonb('command').$type<AdmsCommand>().notNull(),
    status: varchar('status', { length: 8 })
      .$type<'pending' | 'sent' | 'done' | 'failed'>()
      .notNull()
      .default('pending'),
    returnCode: integer('return_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    index('station_device_commands_due').on(t.deviceId, t.status, t.id),
    check('station_device_commands_status', sql`${t.status} in ('pending', 'sent', 'done', 'failed')`),
  ],
);

/** Webhook signatures seen in the last minutes: a repeated one is a replay. */
export const stationWebhookSignatures = pgTable(
  'station_webhook_signatures',
  {
    signature: varchar('signature', { length: 64 }).primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('station_webhook_signatures_time').on(t.receivedAt)],
);
