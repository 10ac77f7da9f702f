/**
 * What the sensor gateways of stations would publish (the topics and payloads of messages.ts),
 * paced at a steady rate: the traffic of `npm run simulate:stations`, and of tests. Pure: the
 * message clock and the random source are given, and nothing is sent from here.
 *
 * Each station's readings follow its day in China: the temperature the month and the hour (cooler
 * at night, 30–34 °C on a summer afternoon, 10–20 °C in December), humidity and PM2.5 the season,
 * people coming in at meal times and leaving after a rest, CO₂ rising with the people inside, the
 * equipment switched by what the room needs. Rare events: an equipment fault in about one message
 * in 5,000 (the equipment then reports "fault" for a few minutes), an emergency button or a
 * forced door in about one in 50,000.
 */
import { TOPIC_PREFIX } from './messages.js';

export interface SimulatedMessage {
  stationCode: string;
  topic: string;
  payload: string;
  /** The status is retained, as a gateway's last will is: a new subscriber learns it at once. */
  retain: boolean;
}

export interface TrafficOptions {
  codes: readonly string[];
  /** Messages a second per station, by the pacing clock (time elapsed since the run started). */
  rate: number;
  /** The message time (`ts`) at a moment of the run, by milliseconds elapsed since it started. */
  clock: (elapsedMs: number) => Date;
  /** Uniform in [0, 1): Math.random for a run, a seeded generator in tests. */
  random: () => number;
  /** A station whose room overheats (34–36 °C), so that a "too hot" rule raises its alarm. */
  heat?: string | null;
}

/**
 * Visits in each hour of the day (China time), relative: meals at 11–13 h and 17–19 h, a trough at
 * night. The demo data's visits follow it too.
 */
export const VISITS_BY_HOUR: readonly number[] = [
  3, 2, 1.5, 1, 1, 1.5, 3, 5, 6, 6, 8, 14, 16, 12, 8, 7, 8, 13, 15, 12, 8, 6, 5, 4,
];
const VISIT_WEIGHT_SUM = VISITS_BY_HOUR.reduce((a, b) => a + b, 0);
/** Visits a day at a busy station: the seed's 300–400 (三四百人次). */
export const DAILY_VISITS = 350;

/** One message in 5,000 starts an equipment fault; one in 50,000 is an emergency button or a forced door. */
export const FAULT_CHANCE = 1 / 5_000;
export const DEVICE_ALARM_CHANCE = 1 / 50_000;
/** The mix of the ordinary messages. */
export const MESSAGE_MIX = { env: 0.4, people: 0.25, equipment: 0.35 } as const;

export const EQUIPMENT = ['air_conditioner', 'microwave', 'water_dispenser', 'charger_1', 'charger_2'] as const;
type Equipment = (typeof EQUIPMENT)[number];

/** Hefei's month (January first): the room's daily mean and swing in °C, humidity %, PM2.5 µg/m³. */
const MONTHS = {
  meanC: [12, 13, 16, 20, 24, 28, 29.5, 29, 26, 21, 17, 13.5],
  swingC: [3.5, 3.5, 4, 4, 3.5, 3, 2.5, 2.5, 3, 3.5, 3.5, 3.5],
  humidity: [75, 74, 74, 73, 72, 80, 81, 81, 79, 74, 74, 72],
  pm25: [75, 60, 50, 42, 38, 32, 25, 27, 33, 42, 58, 72],
};

const CHINA_OFFSET_MS = 8 * 60 * 60_000;
const MINUTE_MS = 60_000;
/** How long a worker rests inside on average. */
const STAY_MS = 20 * MINUTE_MS;

/** A time as devices write it: ISO 8601 in China time, `2026-07-15T14:00:00.000+08:00`. */
export function chinaTimestamp(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** The hour of the day (with its fraction) and the month (0–11) in China. */
function chinaTime(at: Date): { hour: number; month: number } {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  return {
    hour: shifted.getUTCHours() + shifted.getUTCMinutes() / 60 + shifted.getUTCSeconds() / 3600,
    month: shifted.getUTCMonth(),
  };
}

/**
 * The message clock of a run. At a time scale of 1 it is the wall clock. Faster, it starts in the
 * past by (scale − 1) × the run's length and reaches the wall clock as the run ends: a day's
 * afternoon can be replayed in minutes without a `ts` ever ahead of the broker's clock (which the
 * ingester refuses). A run that long must stay within the 24 hours the ingester takes.
 */
export function simulatedClock(opts: { wallStart: number; timeScale: number; seconds: number | null }) {
  const { wallStart, timeScale } = opts;
  if (timeScale !== 1 && opts.seconds === null) throw new RangeError('a time scale other than 1 needs a run length');
  const behindMs = (timeScale - 1) * (opts.seconds ?? 0) * 1000;
  return (elapsedMs: number) => new Date(wallStart - behindMs + elapsedMs * timeScale);
}

interface StationState {
  code: string;
  prefix: string;
  /** The room's own bias (orientation, insulation), °C. */
  offsetC: number;
  inside: number;
  lastPeopleAt: number;
  faultUntil: Map<Equipment, number>;
}

export class StationTraffic {
  private readonly stations: StationState[];
  private readonly perSecond: number;
  private next = 0;
  /** What has been generated, by kind: what the load generator reports and the tests check. */
  readonly counts = { env: 0, people: 0, equipment: 0, faults: 0, alarms: 0 };

  constructor(private readonly opts: TrafficOptions) {
    if (!(opts.rate > 0) || !Number.isFinite(opts.rate)) throw new RangeError('the rate must be a positive number');
    const start = opts.clock(0).getTime();
    this.stations = opts.codes.map((code) => ({
      code,
      prefix: `${TOPIC_PREFIX}${code}/`,
      offsetC: (opts.random() - 0.5) * 2,
      inside: 0,
      lastPeopleAt: start,
      faultUntil: new Map(),
    }));
    this.perSecond = opts.codes.length * opts.rate;
  }

  /** Each gateway's first message: online, retained. */
  opening(): SimulatedMessage[] {
    return this.stations.map((s) => ({
      stationCode: s.code,
      topic: `${s.prefix}status`,
      payload: JSON.stringify({ online: true }),
      retain: true,
    }));
  }

  /** What the broker publishes for a gateway that vanished without signing off. */
  static lastWill(code: string): SimulatedMessage {
    return {
      stationCode: code,
      topic: `${TOPIC_PREFIX}${code}/status`,
      payload: JSON.stringify({ online: false }),
      retain: true,
    };
  }

  /**
   * The messages due before `elapsedMs` that were not yet taken, in order. The n-th message of the
   * run is due at n / (stations × rate) seconds and goes to station n mod stations, so each station
   * sends at the rate, the stations staggered; its `ts` is the clock at that moment.
   */
  due(elapsedMs: number): SimulatedMessage[] {
    const out: SimulatedMessage[] = [];
    for (;;) {
      const at = (this.next * 1000) / this.perSecond;
      if (at >= elapsedMs) return out;
      const station = this.stations[this.next % this.stations.length]!;
      this.next++;
      out.push(this.messageOf(station, this.opts.clock(at)));
    }
  }

  private messageOf(s: StationState, at: Date): SimulatedMessage {
    const r = this.opts.random();
    if (r < DEVICE_ALARM_CHANCE) {
      this.counts.alarms++;
      const kind = this.opts.random() < 0.5 ? 'emergency_button' : 'door_forced';
      return this.message(s, 'alarm', { ts: chinaTimestamp(at), kind });
    }
    if (r < DEVICE_ALARM_CHANCE + FAULT_CHANCE) {
      this.counts.faults++;
      const equipment = EQUIPMENT[Math.floor(this.opts.random() * EQUIPMENT.length)]!;
      s.faultUntil.set(equipment, at.getTime() + (2 + this.opts.random() * 8) * MINUTE_MS);
      return this.equipmentMessage(s, equipment, at);
    }
    const kind = (r - DEVICE_ALARM_CHANCE - FAULT_CHANCE) / (1 - DEVICE_ALARM_CHANCE - FAULT_CHANCE);
    if (kind < MESSAGE_MIX.env) return this.envMessage(s, at);
    if (kind < MESSAGE_MIX.env + MESSAGE_MIX.people) return this.peopleMessage(s, at);
    return this.equipmentMessage(s, EQUIPMENT[Math.floor(this.opts.random() * EQUIPMENT.length)]!, at);
  }

  private message(s: StationState, channel: string, body: Record<string, unknown>): SimulatedMessage {
    return { stationCode: s.code, topic: `${s.prefix}${channel}`, payload: JSON.stringify(body), retain: false };
  }

  /** The room's temperature now: the month's mean, warmest mid-afternoon and coolest before dawn. */
  private roomTemperature(s: StationState, at: Date): number {
    const { hour, month } = chinaTime(at);
    const daily = Math.cos(((hour - 15) / 24) * 2 * Math.PI);
    const noise = (this.opts.random() - 0.5) * 0.6;
    return round1(MONTHS.meanC[month]! + MONTHS.swingC[month]! * daily + s.offsetC + noise);
  }

  /** What the sensor reads: the room's temperature, or 34–36 °C in the overheating station. */
  private temperature(s: StationState, at: Date): number {
    return s.code === this.opts.heat ? round1(34.2 + this.opts.random() * 1.6) : this.roomTemperature(s, at);
  }

  private envMessage(s: StationState, at: Date): SimulatedMessage {
    this.counts.env++;
    const { hour, month } = chinaTime(at);
    const room = this.roomTemperature(s, at);
    const temperatureC = s.code === this.opts.heat ? this.temperature(s, at) : room;
    const random = this.opts.random;
    // Drier in the warm of the day, damper at night (by the weather, also where the room overheats).
    const humidityPct = round1(
      clamp(MONTHS.humidity[month]! - (room - MONTHS.meanC[month]!) * 2 + (random() - 0.5) * 6, 20, 98),
    );
    const rush = (hour >= 7 && hour < 9) || (hour >= 17 && hour < 19) ? 1.15 : 1;
    const pm25 = Math.round(MONTHS.pm25[month]! * rush * (0.7 + random() * 0.6));
    const co2ppm = Math.round(450 + 70 * s.inside + (random() - 0.5) * 50);
    return this.message(s, 'env', { ts: chinaTimestamp(at), temperatureC, humidityPct, pm25, co2ppm });
  }

  /** Entries since the last count (by the hour's share of the day's visits), exits after a rest. */
  private peopleMessage(s: StationState, at: Date): SimulatedMessage {
    this.counts.people++;
    const now = at.getTime();
    const sinceMs = clamp(now - s.lastPeopleAt, 0, 60 * MINUTE_MS);
    s.lastPeopleAt = Math.max(s.lastPeopleAt, now);
    const hour = Math.floor(chinaTime(at).hour);
    const expected = (DAILY_VISITS * VISITS_BY_HOUR[hour]! * sinceMs) / (VISIT_WEIGHT_SUM * 60 * MINUTE_MS);
    const entered = Math.min(1000, poisson(this.opts.random, expected));
    const leaving = 1 - Math.exp(-sinceMs / STAY_MS);
    let left = 0;
    for (let i = 0; i < s.inside; i++) if (this.opts.random() < leaving) left++;
    s.inside = s.inside - left + entered;
    return this.message(s, 'people', { ts: chinaTimestamp(at), in: entered, out: Math.min(1000, left) });
  }

  private equipmentMessage(s: StationState, equipment: Equipment, at: Date): SimulatedMessage {
    this.counts.equipment++;
    const random = this.opts.random;
    const ts = chinaTimestamp(at);
    const channel = `equipment/${equipment}`;
    if ((s.faultUntil.get(equipment) ?? 0) > at.getTime())
      return this.message(s, channel, { ts, state: 'fault', powerW: 0 });
    const hour = Math.floor(chinaTime(at).hour);
    const meal = VISITS_BY_HOUR[hour]! / Math.max(...VISITS_BY_HOUR);
    let on: boolean;
    let powerW: number;
    switch (equipment) {
      case 'air_conditioner': {
        const t = this.temperature(s, at);
        on = t >= 26 || t <= 12;
        powerW = on ? 900 + random() * 600 : 3;
        break;
      }
      case 'microwave':
        on = random() < 0.05 + 0.4 * meal;
        powerW = on ? 1000 + random() * 200 : 2;
        break;
      case 'water_dispenser':
        // Always on; heating now and then.
        on = true;
        powerW = random() < 0.3 ? 450 + random() * 100 : 20 + random() * 20;
        break;
      case 'charger_1':
      case 'charger_2':
        on = s.inside > 0 && random() < 0.6;
        powerW = on ? 10 + random() * 55 : 0;
        break;
    }
    return this.message(s, channel, { ts, state: on ? 'on' : 'off', powerW: round1(powerW) });
  }
}

/** A Poisson count (Knuth's method; a normal approximation for a large mean). */
function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
