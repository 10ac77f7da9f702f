import { todayInChina } from '../../../../contracts/dates.js';
import type { Deps } from '../../../core/deps.js';
import type { DbOrTx } from '../../../db/client.js';
import { notify } from '../../notifications/service.js';
import {
  ALARM_LABELS,
  evaluateThreshold,
  IMMEDIATE_ALARMS,
  INITIAL_RULE_STATE,
  thresholdAlarmText,
  type RuleState,
  type ThresholdRule,
} from '../rules/alarms.js';
import { parseMessage, type ParseProblem, type Reading } from './messages.js';
import { telemetryRepo, type Bucket, type LiveChange, type RawRow } from './repository.js';

/*
 * One batch of sensor messages into the database, in one transaction: raw rows by COPY into the
 * month's partition, the minute and hour rollups and the live row as one upsert of the batch's
 * sums each, threshold rules evaluated on the messages' own time (their state is kept in the
 * database, so instances sharing a subscription agree), alarms raised, repeated or cleared, and
 * the manager told of a new one. A message that cannot be read is counted against its station
 * with the reason, and the rest of the batch goes in.
 */

export interface Incoming {
  topic: string;
  payload: Buffer;
  receivedAt: Date;
}

export interface StationRef {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  managerPhone: string | null;
}

/** Station codes the ingester knows (and those it knows are not stations, for a minute). */
export class StationCache {
  private readonly known = new Map<string, StationRef>();
  private readonly unknown = new Map<string, number>();
  constructor(private readonly unknownTtlMs = 60_000) {}

  async resolve(db: DbOrTx, codes: Iterable<string>, now: number): Promise<Map<string, StationRef>> {
    const missing: string[] = [];
    for (const code of codes) {
      if (this.known.has(code)) continue;
      const until = this.unknown.get(code);
      if (until !== undefined && until > now) continue;
      missing.push(code);
    }
    if (missing.length) {
      const found = await telemetryRepo.stationsByCode(db, missing);
      for (const s of found) this.known.set(s.code, s);
      for (const code of missing) if (!this.known.has(code)) this.unknown.set(code, now + this.unknownTtlMs);
    }
    return this.known;
  }
}

const KIND = { env: 1, equipment: 2, people: 3, alarm: 4, status: 5 } as const;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** China is UTC+8 all year: its midnight is 16:00 UTC the day before. */
const CHINA_OFFSET = 8 * HOUR;

export interface BatchResult {
  written: number;
  problems: number;
  raised: number;
}

type ProblemKey = string;

function rawOf(stationId: string, r: Reading, receivedAt: Date): RawRow {
  const base = {
    stationId,
    ts: r.ts,
    receivedAt,
    kind: KIND[r.kind],
    equipmentCode: null,
    temperatureC: null,
    humidityPct: null,
    pm25: null,
    co2ppm: null,
    state: null,
    powerW: null,
    peopleIn: null,
    peopleOut: null,
  };
  switch (r.kind) {
    case 'env':
      return { ...base, temperatureC: r.temperatureC, humidityPct: r.humidityPct, pm25: r.pm25, co2ppm: r.co2ppm };
    case 'equipment':
      return { ...base, equipmentCode: r.equipmentCode, state: r.state, powerW: r.powerW };
    case 'people':
      return { ...base, peopleIn: r.in, peopleOut: r.out };
    case 'alarm':
      return { ...base, state: r.alarm };
    case 'status':
      return { ...base, state: r.online ? 'online' : 'offline' };
  }
}

function addToBucket(buckets: Map<string, Bucket>, stationId: string, at: Date, r: Reading) {
  const key = `${stationId}|${at.getTime()}`;
  let b = buckets.get(key);
  if (!b) {
    b = {
      stationId,
      at,
      messages: 0,
      envCount: 0,
      temperatureSum: 0,
      temperatureCount: 0,
      temperatureMin: null,
      temperatureMax: null,
      humiditySum: 0,
      humidityCount: 0,
      peopleIn: 0,
      peopleOut: 0,
    };
    buckets.set(key, b);
  }
  b.messages++;
  if (r.kind === 'env') {
    b.envCount++;
    if (r.temperatureC !== null) {
      b.temperatureSum += r.temperatureC;
      b.temperatureCount++;
      b.temperatureMin = b.temperatureMin === null ? r.temperatureC : Math.min(b.temperatureMin, r.temperatureC);
      b.temperatureMax = b.temperatureMax === null ? r.temperatureC : Math.max(b.temperatureMax, r.temperatureC);
    }
    if (r.humidityPct !== null) {
      b.humiditySum += r.humidityPct;
      b.humidityCount++;
    }
  } else if (r.kind === 'people') {
    b.peopleIn += r.in;
    b.peopleOut += r.out;
  }
}

interface PendingAlarm {
  station: StationRef;
  kind: keyof typeof ALARM_LABELS;
  ruleId: string | null;
  equipmentCode: string;
  severity: 'info' | 'warning' | 'critical';
  text: { zh: string; en: string };
  value: number | null;
  at: Date;
}

export async function processBatch(
  deps: Deps,
  cache: StationCache,
  batch: Incoming[],
  months: Set<number>,
): Promise<BatchResult> {
  const readings: { station: StationRef; reading: Reading; receivedAt: Date }[] = [];
  const problems = new Map<
    ProblemKey,
    { stationCode: string; reason: string; count: number; lastTopic: string; lastDetail: string | null; lastAt: Date }
  >();
  const countProblem = (
    p:
      | Pick<ParseProblem, 'stationCode' | 'reason' | 'field' | 'en'>
      | { stationCode: string; reason: string; field?: string; en: string },
    m: Incoming,
  ) => {
    const stationCode = (p.stationCode ?? '').slice(0, 32);
    const key = `${stationCode}|${p.reason}`;
    const row = problems.get(key) ?? {
      stationCode,
      reason: p.reason,
      count: 0,
      lastTopic: '',
      lastDetail: null,
      lastAt: m.receivedAt,
    };
    row.count++;
    row.lastTopic = m.topic.slice(0, 200);
    row.lastDetail = `${p.field ? `${p.field}: ` : ''}${p.en}`.slice(0, 200);
    row.lastAt = m.receivedAt;
    problems.set(key, row);
  };
  const parsed: { reading: Reading; m: Incoming }[] = [];
  for (const m of batch) {
    const r = parseMessage(m.topic, m.payload, m.receivedAt);
    if (r.ok) parsed.push({ reading: r.reading, m });
    else countProblem(r.problem, m);
  }
  const stations = await cache.resolve(deps.db, new Set(parsed.map((p) => p.reading.stationCode)), Date.now());
  for (const { reading, m } of parsed) {
    const station = stations.get(reading.stationCode);
    if (station) readings.push({ station, reading, receivedAt: m.receivedAt });
    else
      countProblem({ stationCode: reading.stationCode, reason: 'unknown_station', en: 'no station has this code' }, m);
  }
  if (problems.size)
    deps.logger.warn(
      {
        problems: [...problems.values()].map((p) => ({
          station: p.stationCode,
          reason: p.reason,
          count: p.count,
          topic: p.lastTopic,
        })),
      },
      'station telemetry refused',
    );

  const raw: RawRow[] = [];
  const minutes = new Map<string, Bucket>();
  const hours = new Map<string, Bucket>();
  const days = new Map<string, Bucket>();
  const live = new Map<string, LiveChange>();
  const alarms: PendingAlarm[] = [];
  const clears: { station: StationRef; kind: string; ruleId: string | null; equipmentCode: string; at: Date }[] = [];
  const envByStation = new Map<string, { station: StationRef; readings: Extract<Reading, { kind: 'env' }>[] }>();
  const today = todayInChina(deps.now());

  for (const { station, reading: r, receivedAt } of readings) {
    raw.push(rawOf(station.id, r, receivedAt));
    const t = r.ts.getTime();
    addToBucket(minutes, station.id, new Date(t - (t % MINUTE)), r);
    addToBucket(hours, station.id, new Date(t - (t % HOUR)), r);
    addToBucket(days, station.id, new Date(t - ((t + CHINA_OFFSET) % DAY)), r);
    let l = live.get(station.id);
    if (!l) {
      l = {
        stationId: station.id,
        lastMessageAt: receivedAt,
        online: null,
        env: null,
        peopleDay: null,
        peopleIn: 0,
        peopleOut: 0,
        equipment: {},
      };
      live.set(station.id, l);
    }
    if (receivedAt > l.lastMessageAt) l.lastMessageAt = receivedAt;
    switch (r.kind) {
      case 'env': {
        if (!l.env || l.env.ts <= r.ts) l.env = r;
        const e = envByStation.get(station.id) ?? { station, readings: [] };
        e.readings.push(r);
        envByStation.set(station.id, e);
        break;
      }
      case 'people':
        // Counted for today's China day only: a late message of yesterday is in the rollups, not "inside now".
        if (todayInChina(r.ts) === today) {
          l.peopleDay = today;
          l.peopleIn += r.in;
          l.peopleOut += r.out;
        }
        break;
      case 'equipment': {
        const previous = l.equipment[r.equipmentCode];
        if (!previous || previous.at <= r.ts.toISOString())
          l.equipment[r.equipmentCode] = { state: r.state, powerW: r.powerW, at: r.ts.toISOString() };
        if (r.state === 'fault')
          alarms.push({
            station,
            kind: 'equipment_fault',
            ruleId: null,
            equipmentCode: r.equipmentCode,
            severity: IMMEDIATE_ALARMS.equipment_fault,
            text: {
              zh: `${ALARM_LABELS.equipment_fault.zh}：${r.equipmentCode}`,
              en: `${ALARM_LABELS.equipment_fault.en}: ${r.equipmentCode}`,
            },
            value: r.powerW,
            at: r.ts,
          });
        else clears.push({ station, kind: 'equipment_fault', ruleId: null, equipmentCode: r.equipmentCode, at: r.ts });
        break;
      }
      case 'alarm':
        alarms.push({
          station,
          kind: r.alarm,
          ruleId: null,
          equipmentCode: '',
          severity: IMMEDIATE_ALARMS[r.alarm],
          text: ALARM_LABELS[r.alarm],
          value: null,
          at: r.ts,
        });
        break;
      case 'status':
        l.online = r.online;
        if (r.online) clears.push({ station, kind: 'offline', ruleId: null, equipmentCode: '', at: r.ts });
        else
          alarms.push({
            station,
            kind: 'offline',
            ruleId: null,
            equipmentCode: '',
            severity: IMMEDIATE_ALARMS.offline,
            text: ALARM_LABELS.offline,
            value: null,
            at: r.ts,
          });
        break;
    }
  }

  let raised = 0;
  await deps.db.transaction(async (tx) => {
    for (const row of raw) {
      const d = row.ts;
      const month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      if (!months.has(month)) {
        await telemetryRepo.ensureMonth(tx, new Date(month));
        months.add(month);
      }
    }
    await telemetryRepo.insertRaw(tx, raw);
    await telemetryRepo.upsertMinutes(tx, [...minutes.values()]);
    await telemetryRepo.upsertHours(tx, [...hours.values()]);
    await telemetryRepo.upsertDays(tx, [...days.values()]);
    await telemetryRepo.upsertLive(tx, [...live.values()]);
    await evaluateRules(tx, envByStation, alarms, clears);
    // Raises and clears in the order their messages happened: a fault then "on" ends cleared.
    const steps = [
      ...clears.map((c) => ({ at: c.at, clear: c, raise: null })),
      ...alarms.map((a) => ({ at: a.at, clear: null, raise: a })),
    ].sort((x, y) => x.at.getTime() - y.at.getTime());
    // A clear costs a write only where an alarm of that cause is open (most "on" messages find none).
    const open = steps.some((s) => s.clear)
      ? await telemetryRepo.openCauses(tx, [...new Set(steps.map((s) => (s.clear ?? s.raise).station.id))])
      : new Set<string>();
    for (const step of steps) {
      if (step.clear) {
        const c = step.clear;
        const key = `${c.station.id}|${c.kind}|${c.ruleId ?? ''}|${c.equipmentCode}`;
        if (!open.delete(key)) continue;
        await telemetryRepo.clearCause(tx, {
          stationId: c.station.id,
          kind: c.kind,
          ruleId: c.ruleId,
          equipmentCode: c.equipmentCode,
          at: c.at,
        });
        continue;
      }
      const a = step.raise;
      if (!a) continue;
      const isNew = await telemetryRepo.raiseOrRepeat(tx, {
        stationId: a.station.id,
        kind: a.kind,
        ruleId: a.ruleId,
        equipmentCode: a.equipmentCode,
        severity: a.severity,
        textZh: a.text.zh,
        textEn: a.text.en,
        value: a.value,
        at: a.at,
      });
      open.add(`${a.station.id}|${a.kind}|${a.ruleId ?? ''}|${a.equipmentCode}`);
      if (!isNew) continue;
      raised++;
      if (a.station.managerPhone)
        await notify(tx, {
          channel: 'sms',
          recipient: a.station.managerPhone,
          template: 'stations.alarm',
          variables: { station: a.station.name, alarm: a.text.zh },
          topic: `station:${a.station.id}`,
          regionCode: a.station.regionCode,
        });
    }
    await telemetryRepo.countProblems(tx, [...problems.values()]);
  });
  return { written: raw.length, problems: [...problems.values()].reduce((n, p) => n + p.count, 0), raised };
}

/** Threshold rules over each station's environment readings, in message-time order. */
async function evaluateRules(
  tx: DbOrTx,
  envByStation: Map<string, { station: StationRef; readings: Extract<Reading, { kind: 'env' }>[] }>,
  alarms: PendingAlarm[],
  clears: { station: StationRef; kind: string; ruleId: string | null; equipmentCode: string; at: Date }[],
) {
  const ids = [...envByStation.keys()];
  const rules = await telemetryRepo.rulesFor(tx, ids);
  if (!rules.length) return;
  const states = new Map<string, RuleState>();
  for (const s of await telemetryRepo.ruleStates(tx, ids))
    states.set(`${s.stationId}|${s.ruleId}`, { since: s.since, raised: s.raised, lastTs: s.lastTs });
  const changed: { stationId: string; ruleId: string; since: Date | null; raised: boolean; lastTs: Date | null }[] = [];
  for (const { stationId, rule: row } of rules) {
    const entry = envByStation.get(stationId);
    if (!entry) continue;
    const rule: ThresholdRule = {
      id: row.id,
      metric: row.metric,
      op: row.op,
      threshold: row.threshold,
      durationSec: row.durationSec,
      severity: row.severity,
      hysteresis: row.hysteresis,
    };
    const key = `${stationId}|${row.id}`;
    let state = states.get(key) ?? INITIAL_RULE_STATE;
    for (const reading of [...entry.readings].sort((a, b) => a.ts.getTime() - b.ts.getTime())) {
      const result = evaluateThreshold(rule, state, reading.ts, reading[rule.metric]);
      state = result.state;
      for (const event of result.events) {
        if (event.type === 'clear')
          clears.push({ station: entry.station, kind: 'threshold', ruleId: rule.id, equipmentCode: '', at: event.at });
        else
          alarms.push({
            station: entry.station,
            kind: 'threshold',
            ruleId: rule.id,
            equipmentCode: '',
            severity: rule.severity,
            text: thresholdAlarmText(rule, event.value),
            value: event.value,
            at: event.at,
          });
      }
    }
    changed.push({ stationId, ruleId: row.id, since: state.since, raised: state.raised, lastTs: state.lastTs });
  }
  await telemetryRepo.saveRuleStates(tx, changed);
}
