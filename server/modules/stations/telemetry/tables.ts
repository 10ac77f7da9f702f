import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { AlarmRuleMetric } from '../../../../contracts/stations/alarm-rule-codes.js';
import { accounts } from '../../accounts/tables.js';
import { regions } from '../../regions/tables.js';
import { stations } from '../tables.js';

/**
 * Raw sensor messages, one row each, range-partitioned by month on `ts` (the migration declares
 * the partitioning; drizzle only knows the columns). Kept for the retention period and then
 * dropped a month at a time; the dashboards read the rollups below. `kind`: 1 env, 2 equipment,
 * 3 people, 4 alarm, 5 status.
 */
export const stationTelemetry = pgTable(
  'station_telemetry',
  {
    stationId: uuid('station_id').notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    kind: smallint('kind').notNull(),
    equipmentCode: varchar('equipment_code', { length: 32 }),
    temperatureC: real('temperature_c'),
    humidityPct: real('humidity_pct'),
    pm25: real('pm25'),
    co2ppm: real('co2_ppm'),
    state: varchar('state', { length: 24 }),
    powerW: real('power_w'),
    peopleIn: smallint('people_in'),
    peopleOut: smallint('people_out'),
  },
  (t) => [index('station_telemetry_station_ts').on(t.stationId, t.ts)],
);

/** What every rollup (minute, hour, China day) sums of its bucket; the ingester adds a batch's to it. */
const rollupSums = () => ({
  messages: integer('messages').notNull(),
  envCount: integer('env_count').notNull(),
  temperatureSum: doublePrecision('temperature_sum').notNull(),
  temperatureCount: integer('temperature_count').notNull(),
  temperatureMin: real('temperature_min'),
  temperatureMax: real('temperature_max'),
  humiditySum: doublePrecision('humidity_sum').notNull(),
  humidityCount: integer('humidity_count').notNull(),
  peopleIn: integer('people_in').notNull(),
  peopleOut: integer('people_out').notNull(),
});

/** Per station and minute (China's minutes are UTC's): what the dashboards read. */
export const stationMinutes = pgTable(
  'station_minutes',
  {
    stationId: uuid('station_id').notNull(),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    ...rollupSums(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.minute] })],
);

/** The same per hour, kept for years. */
export const stationHours = pgTable(
  'station_hours',
  {
    stationId: uuid('station_id').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    ...rollupSums(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.hour] }), index('station_hours_hour').on(t.hour)],
);

/** The same per China day (the bucket starts at China's midnight): the city dashboards' months. */
export const stationDays = pgTable(
  'station_days',
  {
    stationId: uuid('station_id').notNull(),
    day: timestamp('day', { withTimezone: true }).notNull(),
    ...rollupSums(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.day] }), index('station_days_day').on(t.day)],
);

export interface EquipmentNow {
  state: 'on' | 'off' | 'fault';
  powerW: number | null;
  at: string;
}

/** The station now, as the last messages left it: one row per station, written per batch. */
export const stationLive = pgTable('station_live', {
  stationId: uuid('station_id')
    .primaryKey()
    .references(() => stations.id),
  online: boolean('online'),
  onlineChangedAt: timestamp('online_changed_at', { withTimezone: true }),
  lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
  temperatureC: real('temperature_c'),
  humidityPct: real('humidity_pct'),
  pm25: real('pm25'),
  co2ppm: real('co2_ppm'),
  envAt: timestamp('env_at', { withTimezone: true }),
  /** The China day `peopleIn`/`peopleOut` count for; a new day starts again from zero. */
  peopleDay: varchar('people_day', { length: 10 }),
  peopleIn: integer('people_in').notNull().default(0),
  peopleOut: integer('people_out').notNull().default(0),
  equipment: jsonb('equipment').$type<Record<string, EquipmentNow>>().notNull().default({}),
});

/** A threshold with a duration, for one station or for every station of a region; a disabled one is not evaluated. */
export const stationAlarmRules = pgTable(
  'station_alarm_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: varchar('region_code', { length: 6 }).references(() => regions.code),
    stationId: uuid('station_id').references(() => stations.id),
    metric: varchar('metric', { length: 16 }).$type<AlarmRuleMetric>().notNull(),
    op: varchar('op', { length: 8 }).$type<'above' | 'below'>().notNull(),
    threshold: real('threshold').notNull(),
    durationSec: integer('duration_sec').notNull(),
    hysteresis: real('hysteresis').notNull().default(0),
    severity: varchar('severity', { length: 8 }).$type<'info' | 'warning' | 'critical'>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Changed only through the rules service's locked write, at the version the editor read. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('station_alarm_rules_target', sql`(${t.regionCode} is null) <> (${t.stationId} is null)`),
    check('station_alarm_rules_op', sql`${t.op} in ('above', 'below')`),
    check('station_alarm_rules_severity', sql`${t.severity} in ('info', 'warning', 'critical')`),
    check('station_alarm_rules_duration', sql`${t.durationSec} between 0 and 86400`),
  ],
);

/** Where each rule stands for each station, by message time: shared by every ingesting instance. */
export const stationRuleStates = pgTable(
  'station_rule_states',
  {
    stationId: uuid('station_id').notNull(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => stationAlarmRules.id, { onDelete: 'cascade' }),
    since: timestamp('since', { withTimezone: true }),
    raised: boolean('raised').notNull(),
    lastTs: timestamp('last_ts', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.ruleId] })],
);

/**
 * An alarm: active → acknowledged → cleared, with who and when. A repeat of an open alarm (the
 * same station, kind, rule and equipment) updates it: one open row per cause, by a unique index.
 */
export const stationAlarms = pgTable(
  'station_alarms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    kind: varchar('kind', { length: 20 }).notNull(),
    ruleId: uuid('rule_id'),
    equipmentCode: varchar('equipment_code', { length: 32 }).notNull().default(''),
    severity: varchar('severity', { length: 8 }).$type<'info' | 'warning' | 'critical'>().notNull(),
    state: varchar('state', { length: 12 }).$type<'active' | 'acknowledged' | 'cleared'>().notNull().default('active'),
    textZh: text('text_zh').notNull(),
    textEn: text('text_en').notNull(),
    value: real('value'),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    occurrences: integer('occurrences').notNull().default(1),
    acknowledgedBy: uuid('acknowledged_by').references(() => accounts.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    clearedBy: uuid('cleared_by').references(() => accounts.id),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    note: varchar('note', { length: 200 }),
  },
  (t) => [
    uniqueIndex('station_alarms_open_cause')
      .on(t.stationId, t.kind, sql`coalesce(${t.ruleId}, '00000000-0000-0000-0000-000000000000')`, t.equipmentCode)
      .where(sql`${t.state} <> 'cleared'`),
    index('station_alarms_station_state').on(t.stationId, t.state, t.lastAt),
    check('station_alarms_state', sql`${t.state} in ('active', 'acknowledged', 'cleared')`),
  ],
);

/** Messages the ingester could not take, counted per station code (or topic) and reason. */
export const stationIngestProblems = pgTable(
  'station_ingest_problems',
  {
    stationCode: varchar('station_code', { length: 32 }).notNull(),
    reason: varchar('reason', { length: 16 }).notNull(),
    count: integer('count').notNull(),
    lastTopic: varchar('last_topic', { length: 200 }).notNull(),
    lastDetail: varchar('last_detail', { length: 200 }),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.stationCode, t.reason] })],
);
