import { describe, expect, it } from 'vitest';
import { createRng } from '../../../seed/random.js';
import { parseMessage, type Reading } from './messages.js';
import {
  DEVICE_ALARM_CHANCE,
  FAULT_CHANCE,
  simulatedClock,
  StationTraffic,
  type SimulatedMessage,
} from './simulator.js';

const CODES = Array.from({ length: 10 }, (_, i) => `HF-${String(i + 1).padStart(4, '0')}`);

/** A run from `start` whose message time is the pacing time (time scale 1). */
function traffic(start: string, opts: { codes?: string[]; rate?: number; heat?: string; seed?: string } = {}) {
  const rng = createRng(opts.seed ?? 'simulator-test');
  const at = Date.parse(start);
  return new StationTraffic({
    codes: opts.codes ?? CODES,
    rate: opts.rate ?? 5,
    clock: (elapsedMs) => new Date(at + elapsedMs),
    random: () => rng.next(),
    heat: opts.heat ?? null,
  });
}

/** Each message as the ingester reads it, received at its own time. */
function readings(messages: SimulatedMessage[]): Reading[] {
  return messages.map((m) => {
    const ts = (JSON.parse(m.payload) as { ts?: string }).ts;
    const parsed = parseMessage(m.topic, Buffer.from(m.payload), ts ? new Date(ts) : new Date());
    if (!parsed.ok) throw new Error(`${m.topic} ${m.payload}: ${parsed.problem.en}`);
    return parsed.reading;
  });
}

const temperatures = (rs: Reading[], code?: string) =>
  rs.flatMap((r) => (r.kind === 'env' && (!code || r.stationCode === code) ? [r.temperatureC!] : []));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the simulated traffic of stations', () => {
  it('sends each station its rate over a simulated minute, in the mix, every message readable', () => {
    const run = traffic('2026-07-15T15:00:00+08:00');
    const opening = run.opening();
    expect(opening).toHaveLength(CODES.length);
    expect(opening.every((m) => m.retain && m.payload === '{"online":true}')).toBe(true);
    const minute = [...run.due(20_000), ...run.due(20_000), ...run.due(60_000)];
    expect(minute).toHaveLength(10 * 5 * 60);
    const rs = readings([...opening, ...minute]);
    for (const code of CODES) expect(minute.filter((m) => m.stationCode === code)).toHaveLength(300);
    // Evenly paced: each of the minute's seconds has the stations' 50 messages.
    const seconds = new Map<number, number>();
    for (const r of rs)
      if (r.kind !== 'status')
        seconds.set(Math.floor(r.ts.getTime() / 1000), (seconds.get(Math.floor(r.ts.getTime() / 1000)) ?? 0) + 1);
    expect([...seconds.values()].every((n) => n === 50)).toBe(true);
    const share = (kind: Reading['kind']) => rs.filter((r) => r.kind === kind).length / minute.length;
    expect(share('env')).toBeGreaterThan(0.35);
    expect(share('env')).toBeLessThan(0.45);
    expect(share('people')).toBeGreaterThan(0.2);
    expect(share('people')).toBeLessThan(0.3);
    expect(share('equipment')).toBeGreaterThan(0.3);
    expect(share('equipment')).toBeLessThan(0.4);
    // A summer afternoon: 30–34 °C, CO₂ and humidity plausible.
    const t = temperatures(rs);
    expect(Math.min(...t)).toBeGreaterThanOrEqual(29.5);
    expect(Math.max(...t)).toBeLessThanOrEqual(34);
    expect(run.due(60_000)).toEqual([]);
  });

  it('follows the time of day and the month', () => {
    const at = (start: string) => mean(temperatures(readings(traffic(start, { rate: 2 }).due(60_000))));
    const summerAfternoon = at('2026-07-15T15:00:00+08:00');
    const summerNight = at('2026-07-15T03:00:00+08:00');
    const decemberAfternoon = at('2026-12-10T15:00:00+08:00');
    const decemberNight = at('2026-12-10T03:00:00+08:00');
    expect(summerAfternoon).toBeGreaterThan(30);
    expect(summerAfternoon).toBeLessThan(34);
    expect(summerNight).toBeLessThan(summerAfternoon - 3);
    expect(decemberAfternoon).toBeGreaterThan(10);
    expect(decemberAfternoon).toBeLessThan(20);
    expect(decemberNight).toBeLessThan(decemberAfternoon - 4);
  });

  it('brings people in at meal times, and CO₂ rises with them', () => {
    const codes = Array.from({ length: 50 }, (_, i) => `HF-${String(i + 1).padStart(4, '0')}`);
    const hour = (start: string) => {
      const rs = readings(traffic(start, { codes, rate: 1 }).due(30 * 60_000));
      const entered = rs.reduce((n, r) => n + (r.kind === 'people' ? r.in : 0), 0);
      const co2 = mean(
        rs.flatMap((r) => (r.kind === 'env' && r.ts.getTime() > Date.parse(start) + 15 * 60_000 ? [r.co2ppm!] : [])),
      );
      return { entered, co2 };
    };
    const lunch = hour('2026-07-15T12:00:00+08:00');
    const night = hour('2026-07-15T03:00:00+08:00');
    // 350 visits a day, 16/165 of them in the noon hour: about 17 per station in 30 minutes.
    expect(lunch.entered / 50).toBeGreaterThan(12);
    expect(lunch.entered / 50).toBeLessThan(22);
    expect(lunch.entered).toBeGreaterThan(night.entered * 8);
    expect(lunch.co2).toBeGreaterThan(night.co2 + 200);
  });

  it('overheats the heat station to 34–36 °C, and only that one', () => {
    const rs = readings(traffic('2026-12-10T15:00:00+08:00', { heat: 'HF-0003' }).due(60_000));
    const hot = temperatures(rs, 'HF-0003');
    expect(hot.length).toBeGreaterThan(50);
    expect(Math.min(...hot)).toBeGreaterThanOrEqual(34);
    expect(Math.max(...hot)).toBeLessThanOrEqual(36);
    expect(Math.max(...temperatures(rs, 'HF-0004'))).toBeLessThan(20);
  });

  it('has an equipment fault in about one message in 5,000, and a device alarm in about one in 50,000', () => {
    const run = traffic('2026-07-15T10:00:00+08:00', { codes: CODES, rate: 100, seed: 'simulator-rare' });
    const messages = run.due(1000 * 1000);
    expect(messages).toHaveLength(1_000_000);
    const faults = messages.filter((m) => m.payload.includes('"fault"')).length;
    expect(run.counts.faults).toBeGreaterThan(1_000_000 * FAULT_CHANCE * 0.6);
    expect(run.counts.faults).toBeLessThan(1_000_000 * FAULT_CHANCE * 1.4);
    // A fault lasts minutes: the equipment says so in its messages until then.
    expect(faults).toBeGreaterThan(run.counts.faults);
    const alarms = messages.filter((m) => m.topic.endsWith('/alarm'));
    expect(alarms).toHaveLength(run.counts.alarms);
    expect(alarms.length).toBeGreaterThan(1_000_000 * DEVICE_ALARM_CHANCE * 0.3);
    expect(alarms.length).toBeLessThan(1_000_000 * DEVICE_ALARM_CHANCE * 2);
    expect(
      readings(alarms).every((r) => r.kind === 'alarm' && ['emergency_button', 'door_forced'].includes(r.alarm)),
    ).toBe(true);
  });

  it('gives the same traffic for the same seed', () => {
    const a = traffic('2026-07-15T10:00:00+08:00').due(10_000);
    const b = traffic('2026-07-15T10:00:00+08:00').due(10_000);
    expect(a).toEqual(b);
  });

  it('says a gateway that vanished is offline', () => {
    const will = StationTraffic.lastWill('HF-BH-0001');
    expect(will).toMatchObject({ topic: 'yizhan/stations/HF-BH-0001/status', retain: true });
    expect(readings([will])[0]).toMatchObject({ kind: 'status', online: false });
  });
});

describe('the message clock of a run', () => {
  const wallStart = Date.parse('2026-07-15T15:00:00+08:00');

  it('is the wall clock at a time scale of 1', () => {
    const clock = simulatedClock({ wallStart, timeScale: 1, seconds: null });
    expect(clock(0).getTime()).toBe(wallStart);
    expect(clock(5000).getTime()).toBe(wallStart + 5000);
  });

  it('faster, starts in the past and reaches the wall clock as the run ends, never ahead of it', () => {
    const clock = simulatedClock({ wallStart, timeScale: 60, seconds: 20 });
    expect(clock(0).getTime()).toBe(wallStart - 59 * 20_000);
    expect(clock(20_000).getTime()).toBe(wallStart + 20_000);
    expect(clock(20_000).getTime() - clock(0).getTime()).toBe(20 * 60_000);
    for (let ms = 0; ms <= 20_000; ms += 500) expect(clock(ms).getTime()).toBeLessThanOrEqual(wallStart + ms);
  });

  it('needs the run’s length to run faster', () => {
    expect(() => simulatedClock({ wallStart, timeScale: 10, seconds: null })).toThrow(RangeError);
  });
});
