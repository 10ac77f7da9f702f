import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { bulkInsert, type BulkColumn } from '../../../db/bulk.js';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import { stations } from '../tables.js';
import {
  stationAlarmRules,
  stationAlarms,
  stationIngestProblems,
  stationLive,
  stationRuleStates,
  type EquipmentNow,
} from './tables.js';

// The ingester's writes: raw rows by COPY, rollups and the live row as upserts of a batch's sums,
// rule states and alarms. Every statement covers a whole batch, whatever its size.

export interface RawRow {
  stationId: string;
  ts: Date;
  receivedAt: Date;
  kind: number;
  equipmentCode: string | null;
  temperatureC: number | null;
  humidityPct: number | null;
  pm25: number | null;
  co2ppm: number | null;
  state: string | null;
  powerW: number | null;
  peopleIn: number | null;
  peopleOut: number | null;
}

const rawColumns: BulkColumn<RawRow>[] = [
  { name: 'station_id', type: 'uuid', value: (r) => r.stationId },
  { name: 'ts', type: 'timestamptz', value: (r) => r.ts },
  { name: 'received_at', type: 'timestamptz', value: (r) => r.receivedAt },
  { name: 'kind', type: 'int4', value: (r) => r.kind },
  { name: 'equipment_code', type: 'text', value: (r) => r.equipmentCode },
  { name: 'temperature_c', type: 'text', value: (r) => r.temperatureC },
  { name: 'humidity_pct', type: 'text', value: (r) => r.humidityPct },
  { name: 'pm25', type: 'text', value: (r) => r.pm25 },
  { name: 'co2_ppm', type: 'text', value: (r) => r.co2ppm },
  { name: 'state', type: 'text', value: (r) => r.state },
  { name: 'power_w', type: 'text', value: (r) => r.powerW },
  { name: 'people_in', type: 'int4', value: (r) => r.peopleIn },
  { name: 'people_out', type: 'int4', value: (r) => r.peopleOut },
];

/** A bucket's sums (a minute or an hour of one station), added to what is stored. */
export interface Bucket {
  stationId: string;
  at: Date;
  messages: number;
  envCount: number;
  temperatureSum: number;
  temperatureCount: number;
  temperatureMin: number | null;
  temperatureMax: number | null;
  humiditySum: number;
  humidityCount: number;
  peopleIn: number;
  peopleOut: number;
}

export interface LiveChange {
  stationId: string;
  lastMessageAt: Date;
  online: boolean | null;
  env: {
    ts: Date;
    temperatureC: number | null;
    humidityPct: number | null;
    pm25: number | null;
    co2ppm: number | null;
  } | null;
  peopleDay: string | null;
  peopleIn: number;
  peopleOut: number;
  equipment: Record<string, EquipmentNow>;
}

/** The batch's environment reading is the station's newest. */
const newerEnv = sql.raw('excluded.env_at is not null and (s.env_at is null or s.env_at <= excluded.env_at)');

const texts = (values: readonly (string | number | null)[]) =>
  sql.param(values.map((v) => (v === null ? null : String(v))));

async function upsertBuckets(
  db: DbOrTx,
  table: 'station_minutes' | 'station_hours' | 'station_days',
  column: 'minute' | 'hour' | 'day',
  rows: Bucket[],
) {
  if (!rows.length) return;
  const t = sql.raw(table);
  const c = sql.raw(column);
  await db.execute(sql`
    insert into ${t} as s (station_id, ${c}, messages, env_count, temperature_sum, temperature_count,
      temperature_min, temperature_max, humidity_sum, humidity_count, people_in, people_out)
    select * from unnest(
      ${texts(rows.map((r) => r.stationId))}::uuid[], ${texts(rows.map((r) => r.at.toISOString()))}::timestamptz[],
      ${texts(rows.map((r) => r.messages))}::int[], ${texts(rows.map((r) => r.envCount))}::int[],
      ${texts(rows.map((r) => r.temperatureSum))}::float8[], ${texts(rows.map((r) => r.temperatureCount))}::int[],
      ${texts(rows.map((r) => r.temperatureMin))}::real[], ${texts(rows.map((r) => r.temperatureMax))}::real[],
      ${texts(rows.map((r) => r.humiditySum))}::float8[], ${texts(rows.map((r) => r.humidityCount))}::int[],
      ${texts(rows.map((r) => r.peopleIn))}::int[], ${texts(rows.map((r) => r.peopleOut))}::int[])
    on conflict (station_id, ${c}) do update set
      messages = s.messages + excluded.messages,
      env_count = s.env_count + excluded.env_count,
      temperature_sum = s.temperature_sum + excluded.temperature_sum,
      temperature_count = s.temperature_count + excluded.temperature_count,
      temperature_min = least(s.temperature_min, excluded.temperature_min),
      temperature_max = greatest(s.temperature_max, excluded.temperature_max),
      humidity_sum = s.humidity_sum + excluded.humidity_sum,
      humidity_count = s.humidity_count + excluded.humidity_count,
      people_in = s.people_in + excluded.people_in,
      people_out = s.people_out + excluded.people_out`);
}

export const telemetryRepo = {
  /** The stations a batch names, by code (the ingester caches the answer). */
  async stationsByCode(db: DbOrTx, codes: string[]) {
    if (!codes.length) return [];
    return db
      .select({
        id: stations.id,
        code: stations.code,
        name: stations.name,
        regionCode: stations.regionCode,
        managerPhone: accounts.phone,
      })
      .from(stations)
      .leftJoin(accounts, eq(accounts.id, stations.managerAccountId))
      .where(inArray(stations.code, codes));
  },
  /** Makes the month's partition of the raw table (idempotent, safe between instances). */
  async ensureMonth(db: DbOrTx, monthStart: Date) {
    await db.execute(sql`select station_telemetry_month(${monthStart.toISOString()}::timestamptz)`);
  },
  async insertRaw(db: DbOrTx, rows: RawRow[]) {
    await bulkInsert(db, 'station_telemetry', rawColumns, rows);
  },
  upsertMinutes: (db: DbOrTx, rows: Bucket[]) => upsertBuckets(db, 'station_minutes', 'minute', rows),
  upsertHours: (db: DbOrTx, rows: Bucket[]) => upsertBuckets(db, 'station_hours', 'hour', rows),
  upsertDays: (db: DbOrTx, rows: Bucket[]) => upsertBuckets(db, 'station_days', 'day', rows),
  /**
   * The live row of each station: the newest environment reading wins by its own time, people
   * counts add up within the China day (a new day starts from the batch's counts), equipment
   * states merge by code, and `online` changes only when a status said so.
   */
  async upsertLive(db: DbOrTx, changes: LiveChange[]) {
    if (!changes.length) return;
    const col = <T>(f: (c: LiveChange) => T) => changes.map(f);
    const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
    // One statement for the batch's stations (a statement per station was the ingester's bottleneck).
    await db.execute(sql`
      insert into station_live as s (station_id, online, online_changed_at, last_message_at, temperature_c,
        humidity_pct, pm25, co2_ppm, env_at, people_day, people_in, people_out, equipment)
      select u.station_id, u.online, case when u.online is null then null else u.last_message_at end, u.last_message_at,
        u.temperature_c, u.humidity_pct, u.pm25, u.co2_ppm, u.env_at, u.people_day,
        coalesce(u.people_in, 0), coalesce(u.people_out, 0), u.equipment::jsonb
      from unnest(
        ${texts(col((c) => c.stationId))}::uuid[], ${texts(col((c) => (c.online === null ? null : String(c.online))))}::bool[],
        ${texts(col((c) => iso(c.lastMessageAt)))}::timestamptz[],
        ${texts(col((c) => c.env?.temperatureC ?? null))}::real[], ${texts(col((c) => c.env?.humidityPct ?? null))}::real[],
        ${texts(col((c) => c.env?.pm25 ?? null))}::real[], ${texts(col((c) => c.env?.co2ppm ?? null))}::real[],
        ${texts(col((c) => iso(c.env?.ts)))}::timestamptz[], ${texts(col((c) => c.peopleDay))}::text[],
        ${texts(col((c) => c.peopleIn))}::int[], ${texts(col((c) => c.peopleOut))}::int[],
        ${texts(col((c) => JSON.stringify(c.equipment)))}::text[]
      ) as u(station_id, online, last_message_at, temperature_c, humidity_pct, pm25, co2_ppm, env_at, people_day,
             people_in, people_out, equipment)
      on conflict (station_id) do update set
        online = coalesce(excluded.online, s.online),
        online_changed_at = case when excluded.online is not null and s.online is distinct from excluded.online
          then excluded.last_message_at else s.online_changed_at end,
        last_message_at = greatest(s.last_message_at, excluded.last_message_at),
        temperature_c = case when ${newerEnv} then excluded.temperature_c else s.temperature_c end,
        humidity_pct = case when ${newerEnv} then excluded.humidity_pct else s.humidity_pct end,
        pm25 = case when ${newerEnv} then excluded.pm25 else s.pm25 end,
        co2_ppm = case when ${newerEnv} then excluded.co2_ppm else s.co2_ppm end,
        env_at = greatest(s.env_at, excluded.env_at),
        people_in = case when excluded.people_day is null then s.people_in
          when s.people_day = excluded.people_day then s.people_in + excluded.people_in else excluded.people_in end,
        people_out = case when excluded.people_day is null then s.people_out
          when s.people_day = excluded.people_day then s.people_out + excluded.people_out else excluded.people_out end,
        people_day = coalesce(excluded.people_day, s.people_day),
        equipment = s.equipment || excluded.equipment`);
  },
  async liveOf(db: DbOrTx, stationId: string) {
    const [row] = await db.select().from(stationLive).where(eq(stationLive.stationId, stationId));
    return row ?? null;
  },
  /** Stations whose last message is older than `before` and not yet marked offline. */
  async silentSince(db: DbOrTx, before: Date) {
    return db
      .select({ stationId: stationLive.stationId, lastMessageAt: stationLive.lastMessageAt })
      .from(stationLive)
      .where(
        and(
          sql`${stationLive.lastMessageAt} < ${before.toISOString()}::timestamptz`,
          or(isNull(stationLive.online), eq(stationLive.online, true)),
        ),
      );
  },
  async markOffline(db: DbOrTx, stationId: string, at: Date) {
    await db
      .update(stationLive)
      .set({ online: false, onlineChangedAt: at })
      .where(eq(stationLive.stationId, stationId));
  },
  /**
   * Drops the month partitions that end before `keepFrom` (a partition is named by its month,
   * station_telemetry_YYYYMM); answers their names.
   */
  async dropMonthsBefore(db: DbOrTx, keepFrom: Date): Promise<string[]> {
    const result = await db.execute<{ name: string }>(sql`
      select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      where p.relname = 'station_telemetry' and c.relname ~ '^station_telemetry_[0-9]{6}$'`);
    const names = (result as { rows: { name: string }[] }).rows.map((r) => r.name);
    const dropped: string[] = [];
    for (const name of names) {
      const y = Number(name.slice(-6, -2));
      const m = Number(name.slice(-2));
      const end = new Date(Date.UTC(y, m, 1));
      if (end <= keepFrom) {
        await db.execute(sql.raw(`drop table if exists "${name}"`));
        dropped.push(name);
      }
    }
    return dropped.sort();
  },
  /** Enabled rules for these stations: their own, and their regions' (a region covers its sub-regions). */
  async rulesFor(db: DbOrTx, stationIds: string[]) {
    if (!stationIds.length) return [];
    return db
      .select({ stationId: stations.id, rule: stationAlarmRules })
      .from(stations)
      .innerJoin(
        stationAlarmRules,
        or(
          eq(stationAlarmRules.stationId, stations.id),
          // A province (xx0000) covers xx…, a city (xxxx00) xxxx…, a county itself (contracts/regions.ts).
          sql`${stations.regionCode} like (case when right(${stationAlarmRules.regionCode}, 4) = '0000' then left(${stationAlarmRules.regionCode}, 2) when right(${stationAlarmRules.regionCode}, 2) = '00' then left(${stationAlarmRules.regionCode}, 4) else ${stationAlarmRules.regionCode} end) || '%'`,
        ),
      )
      .where(and(inArray(stations.id, stationIds), eq(stationAlarmRules.enabled, true)));
  },
  async ruleStates(db: DbOrTx, stationIds: string[]) {
    if (!stationIds.length) return [];
    return db.select().from(stationRuleStates).where(inArray(stationRuleStates.stationId, stationIds));
  },
  async saveRuleStates(db: DbOrTx, rows: (typeof stationRuleStates.$inferInsert)[]) {
    if (!rows.length) return;
    await db.execute(sql`
      insert into station_rule_states as s (station_id, rule_id, since, raised, last_ts)
      select * from unnest(${texts(rows.map((r) => r.stationId))}::uuid[], ${texts(rows.map((r) => r.ruleId))}::uuid[],
        ${texts(rows.map((r) => r.since?.toISOString() ?? null))}::timestamptz[],
        ${texts(rows.map((r) => String(r.raised)))}::bool[],
        ${texts(rows.map((r) => r.lastTs?.toISOString() ?? null))}::timestamptz[])
      on conflict (station_id, rule_id) do update set since = excluded.since, raised = excluded.raised, last_ts = excluded.last_ts`);
  },
  /**
   * Raises an alarm, or — when one for the same cause is open — records the repeat on it. Returns
   * true when a new alarm was raised (the one that tells the manager).
   */
  async raiseOrRepeat(
    db: DbOrTx,
    a: {
      stationId: string;
      kind: string;
      ruleId: string | null;
      equipmentCode: string;
      severity: 'info' | 'warning' | 'critical';
      textZh: string;
      textEn: string;
      value: number | null;
      at: Date;
    },
  ): Promise<boolean> {
    // The conflict target is the partial unique index of open alarms (an expression drizzle's builder does not take).
    const rows = await db.execute<{ occurrences: number }>(sql`
      insert into station_alarms as s (station_id, kind, rule_id, equipment_code, severity, text_zh, text_en, value, first_at, last_at)
      values (${a.stationId}::uuid, ${a.kind}, ${a.ruleId}::uuid, ${a.equipmentCode}, ${a.severity}, ${a.textZh}, ${a.textEn},
        ${a.value}::real, ${a.at.toISOString()}::timestamptz, ${a.at.toISOString()}::timestamptz)
      on conflict (station_id, kind, coalesce(rule_id, '00000000-0000-0000-0000-000000000000'), equipment_code)
        where state <> 'cleared'
      do update set last_at = greatest(s.last_at, excluded.last_at), occurrences = s.occurrences + 1,
        value = excluded.value, text_zh = excluded.text_zh, text_en = excluded.text_en
      returning occurrences`);
    return (rows as { rows: { occurrences: number }[] }).rows[0]?.occurrences === 1;
  },
  /** The causes with an open alarm at these stations: "stationId|kind|ruleId|equipmentCode". */
  async openCauses(db: DbOrTx, stationIds: string[]): Promise<Set<string>> {
    if (!stationIds.length) return new Set();
    const rows = await db
      .select({
        stationId: stationAlarms.stationId,
        kind: stationAlarms.kind,
        ruleId: stationAlarms.ruleId,
        equipmentCode: stationAlarms.equipmentCode,
      })
      .from(stationAlarms)
      .where(and(inArray(stationAlarms.stationId, stationIds), ne(stationAlarms.state, 'cleared')));
    return new Set(rows.map((r) => `${r.stationId}|${r.kind}|${r.ruleId ?? ''}|${r.equipmentCode}`));
  },
  /** Clears the open alarm of a cause by the system (the condition is gone), at the message's time. */
  async clearCause(
    db: DbOrTx,
    c: { stationId: string; kind: string; ruleId: string | null; equipmentCode: string; at: Date },
  ) {
    await db
      .update(stationAlarms)
      .set({ state: 'cleared', clearedAt: c.at })
      .where(
        and(
          eq(stationAlarms.stationId, c.stationId),
          eq(stationAlarms.kind, c.kind),
          c.ruleId ? eq(stationAlarms.ruleId, c.ruleId) : isNull(stationAlarms.ruleId),
          eq(stationAlarms.equipmentCode, c.equipmentCode),
          ne(stationAlarms.state, 'cleared'),
        ),
      );
  },
  async countProblems(
    db: DbOrTx,
    rows: {
      stationCode: string;
      reason: string;
      count: number;
      lastTopic: string;
      lastDetail: string | null;
      lastAt: Date;
    }[],
  ) {
    for (const r of rows)
      await db
        .insert(stationIngestProblems)
        .values(r)
        .onConflictDoUpdate({
          target: [stationIngestProblems.stationCode, stationIngestProblems.reason],
          set: {
            count: sql`${stationIngestProblems.count} + excluded.count`,
            lastTopic: sql`excluded.last_topic`,
            lastDetail: sql`excluded.last_detail`,
            lastAt: sql`excluded.last_at`,
          },
        });
  },
};
