import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import mqtt from 'mqtt';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.js';
import { FieldCipher } from '../server/core/crypto.js';
import type { Deps } from '../server/core/deps.js';
import { openDatabase } from '../server/db/client.js';
import { TelemetryIngester, type Incoming } from '../server/modules/stations/telemetry/ingester.js';
import { connectExternal, SUBSCRIBER_CONNECTIONS } from '../server/modules/stations/telemetry/start.js';
import { ensureReferenceData } from '../server/seed/reference.js';
import { freshEnv } from './harness.js';

// Station sensors into PostgreSQL through Mosquitto, next to the broker's own floor in the same
// run: the same publisher (a child process, QoS 1) to a bare subscriber that only counts and
// measures lag, then to the app's ingester (shared subscription → batches → partitioned raw rows,
// rollups, live rows, rules). Flat out first (the rates), then paced at the target (1,000
// stations × 20 messages/s) for the sustained rate and the end-to-end lag (publish → commit).
// Then the dashboard's read at 90 days of hourly rollups for 1,000 stations, next to a bare count.

const MQTT = process.env.MOSQUITTO_URL ?? 'mqtt://127.0.0.1:1883';

function publisher(args: Record<string, string | number>): Promise<{ sent: number; seconds: number }> {
  const argv = ['--import', 'tsx', 'bench/stations-publisher.ts', '--url', MQTT];
  for (const [k, v] of Object.entries(args)) argv.push(`--${k}`, String(v));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`publisher exited ${code}`)),
    );
  });
}

/** The send time a payload carries (its `ts`, the first field). */
const sentAt = (payload: Buffer) => Date.parse(payload.toString('latin1', 7, 31));

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Waits until `count()` reaches `expected`, or stops moving for two seconds (what was dropped is not coming). */
async function settled(count: () => number, expected: number) {
  let seen = -1;
  let still = Date.now();
  while (count() < expected) {
    if (count() !== seen) {
      seen = count();
      still = Date.now();
    } else if (Date.now() - still > 2000) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The bare subscriber: counts and lags of what the broker delivers, nothing written. */
async function floorRun(prefix: string, run: () => Promise<{ sent: number; seconds: number }>, expected: number) {
  // As many connections in a shared group as the app's subscriber opens: the same broker windows.
  const group = `floor${crypto.randomBytes(3).toString('hex')}`;
  const clients = await Promise.all(
    Array.from({ length: SUBSCRIBER_CONNECTIONS }, (_, i) =>
      mqtt.connectAsync(MQTT, { clientId: `yz-bench-${group}-${i}`, clean: true }),
    ),
  );
  const lags: number[] = [];
  let first = 0;
  let last = 0;
  for (const client of clients) {
    client.on('message', (_topic, payload) => {
      const now = Date.now();
      if (!first) first = now;
      last = now;
      lags.push(now - sentAt(payload));
    });
    await client.subscribeAsync(`$share/${group}/${prefix}/#`, { qos: 1 });
  }
  const published = await run();
  await settled(() => lags.length, expected);
  await Promise.all(clients.map((c) => c.endAsync()));
  return {
    received: lags.length,
    rate: lags.length / Math.max(0.001, (last - first) / 1000),
    p99: percentile(lags, 99),
    published,
  };
}

export async function stationsScenario(opts: { smoke: boolean; pgUrl: string | undefined }) {
  const stations = opts.smoke ? 50 : 1000;
  const rate = opts.smoke ? 4 : 20;
  const seconds = opts.smoke ? 3 : 30;
  const flatCount = opts.smoke ? 2000 : 200_000;
  const { env, cleanup } = await freshEnv(opts.pgUrl);
  const config = loadConfig({ ...env, LOG_LEVEL: 'warn', MQTT: 'off' });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? null : `${config.dataDir}/pg`,
  });
  await database.migrate();
  const deps: Deps = {
    db: database.db,
    config,
    cipher: new FieldCipher(crypto.randomBytes(32)),
    logger: pino({ level: 'warn' }),
    now: () => new Date(),
  };
  const where = config.databaseUrl ? 'PostgreSQL' : 'PGlite';
  try {
    await ensureReferenceData(deps);
    await database.db.execute(sql`
      insert into stations (code, name, address, lat, lng, region_code, open_24h)
      select 'BENCH-' || lpad(i::text, 4, '0'), '压测驿站' || i, '合肥市包河区', 31.7 + i * 0.0001, 117.2 + i * 0.0001, '340111', true
      from generate_series(1, ${stations}) as i`);
    await database.db.execute(sql`
      insert into station_alarm_rules (region_code, metric, op, threshold, duration_sec, hysteresis, severity)
      values ('340100', 'temperatureC', 'above', 32, 600, 1, 'warning')`);

    // BENCH_STATIONS_FINDER_ONLY=true: the finder and coverage alone (no broker needed).
    if (process.env.BENCH_STATIONS_FINDER_ONLY !== 'true') {
      // 1. Flat out: the broker to a bare subscriber, then the same to the ingester.
      const floorFlat = await floorRun(
        'bench-floor',
        () => publisher({ prefix: 'bench-floor', stations, rate: 0, count: flatCount }),
        flatCount,
      );
      console.log(
        `stations ingest — broker floor (Mosquitto → bare subscriber, QoS 1, flat out): ${floorFlat.received} of ${floorFlat.published.sent} delivered at ${floorFlat.rate.toFixed(0)} msg/s`,
      );
      const lags: number[] = [];
      let firstCommit = 0;
      let lastCommit = 0;
      let committed = 0;
      const ingester = new TelemetryIngester(deps, {
        flushMs: 50,
        maxBatch: 10_000,
        maxBuffered: 500_000,
        onCommitted: (batch: readonly Incoming[], at: Date) => {
          const t = at.getTime();
          if (!firstCommit) firstCommit = t;
          lastCommit = t;
          committed += batch.length;
          for (const m of batch) lags.push(t - sentAt(m.payload));
        },
      });
      const group = `bench${crypto.randomBytes(3).toString('hex')}`;
      const client = await connectExternal(
        MQTT,
        { username: null, password: null, shareGroup: group, instance: group },
        ingester,
      );
      const waitFor = async (n: number) => {
        await settled(() => committed, n);
        await ingester.flush();
      };
      const flat = await publisher({ stations, rate: 0, count: flatCount });
      await waitFor(flatCount);
      const flatRate = committed / ((lastCommit - firstCommit) / 1000 || 1);
      console.log(
        `stations ingest — app (Mosquitto → shared subscription → ${where}, flat out): ${committed} of ${flat.sent} committed at ${flatRate.toFixed(0)} msg/s = ${(flatRate / floorFlat.rate).toFixed(2)}× the broker floor; refused ${ingester.stats.refused}, dropped ${ingester.stats.dropped}`,
      );

      // 2. Paced at the target: 1,000 stations × 20 messages a second.
      const target = stations * rate;
      const floorPaced = await floorRun(
        'bench-floor',
        () => publisher({ prefix: 'bench-floor', stations, rate, seconds }),
        target * seconds,
      );
      console.log(
        `stations ingest — broker floor paced at ${target} msg/s for ${seconds} s: ${floorPaced.received} delivered, ${floorPaced.rate.toFixed(0)} msg/s, lag p99 ${floorPaced.p99} ms`,
      );
      lags.length = 0;
      committed = 0;
      firstCommit = 0;
      const paced = await publisher({ stations, rate, seconds });
      await waitFor(paced.sent);
      const sustained = committed / ((lastCommit - firstCommit) / 1000 || 1);
      const p99 = percentile(lags, 99);
      console.log(
        `stations ingest — app paced at ${target} msg/s for ${seconds} s (${stations} stations × ${rate}/s): ${committed} of ${paced.sent} committed, sustained ${sustained.toFixed(0)} msg/s, end-to-end lag p50 ${percentile(lags, 50)} ms, p99 ${p99} ms (floor p99 ${floorPaced.p99} ms); target ≥ 20000 msg/s and p99 < 2000 ms: ${!opts.smoke && sustained >= 20_000 * 0.98 && p99 < 2000 ? 'met' : opts.smoke ? 'smoke (not measured)' : 'NOT met'}`,
      );
      await ingester.stop();
      await client.endAsync({ endSession: true });

      // 3. The dashboard at 90 days of hourly rollups for every station.
      const days = opts.smoke ? 3 : 90;
      const t0 = Date.now();
      await database.db.execute(sql`
      insert into station_hours (station_id, hour, messages, env_count, temperature_sum, temperature_count, temperature_min, temperature_max, humidity_sum, humidity_count, people_in, people_out)
      select s.id, h, 72000, 43200, 43200 * 25.0, 43200, 18, 31, 43200 * 55.0, 43200, 15 + (extract(hour from h)::int % 7), 14
      from stations s cross join generate_series(date_trunc('hour', now()) - ${`${days} days`}::interval, date_trunc('hour', now()) - interval '1 hour', interval '1 hour') as h
      on conflict do nothing`);
      await database.db.execute(sql`
      insert into station_days (station_id, day, messages, env_count, temperature_sum, temperature_count, temperature_min, temperature_max, humidity_sum, humidity_count, people_in, people_out)
      select station_id, date_trunc('day', hour at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai', sum(messages), sum(env_count), sum(temperature_sum), sum(temperature_count), min(temperature_min), max(temperature_max), sum(humidity_sum), sum(humidity_count), sum(people_in), sum(people_out)
      from station_hours group by 1, 2
      on conflict do nothing`);
      await database.db.execute(sql`analyze station_hours`);
      await database.db.execute(sql`analyze station_days`);
      const loaded = (Date.now() - t0) / 1000;
      const time = async (q: ReturnType<typeof sql>) => {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const s = performance.now();
          await database.db.execute(q);
          times.push(performance.now() - s);
        }
        return percentile(times, 50);
      };
      const bare = await time(
        sql`select count(*) from station_hours where hour >= now() - ${`${days} days`}::interval`,
      );
      const dashboard = await time(sql`
      select (d.day at time zone 'Asia/Shanghai')::date as day, sum(d.people_in) as visits,
             sum(d.temperature_sum) / nullif(sum(d.temperature_count), 0) as temperature, count(*) as stations
      from station_days d join stations s on s.id = d.station_id
      where s.region_code >= '3401' and s.region_code < '3402' and d.day >= now() - ${`${days} days`}::interval
      group by 1 order by 1`);
      const hourly = await time(sql`
      select extract(hour from h.hour at time zone 'Asia/Shanghai') as hour, sum(h.people_in) as visits
      from station_hours h join stations s on s.id = h.station_id
      where s.region_code >= '3401' and s.region_code < '3402' and h.hour >= now() - interval '7 days'
      group by 1 order by 1`);
      console.log(
        `stations dashboard — ${days} days for ${stations} stations (${stations * days * 24} hourly and ${stations * days} daily rollup rows, loaded in ${loaded.toFixed(1)} s) on ${where}: city visits and temperature per day over ${days} days ${dashboard.toFixed(0)} ms, visits by hour of day over 7 days ${hourly.toFixed(0)} ms (medians of 5), vs a bare count of the ${days} days' hourly rows ${bare.toFixed(0)} ms = ${(dashboard / Math.max(1, bare)).toFixed(2)}×`,
      );
    }

    // 4. The finder at 200,000 stations: the service's nearest-first read (GiST index, exact by the
    // bound) next to a bare nearest-neighbour query on the same index, at random points in cities.
    const finderStations = opts.smoke ? 5000 : 200_000;
    await database.db.execute(sql`
      insert into stations (code, name, address, lat, lng, region_code, open_24h, opens_minute, closes_minute, facilities)
      select 'F-' || lpad(i::text, 6, '0'), '驿站' || i, '地址' || i,
        22 + (i % 997) * 0.0237 + (i % 13) * 0.0011, 102 + (i % 991) * 0.0213 + (i % 7) * 0.0013, '340111',
        i % 3 = 0, case when i % 3 = 0 then null else 420 end, case when i % 3 = 0 then null else 1320 end,
        case when i % 4 = 0 then array['toilet', 'charging'] else array['charging'] end
      from generate_series(1, ${finderStations}) as i`);
    await database.db.execute(sql`analyze stations`);
    const { nearbyStations } = await import('../server/modules/stations/service.js');
    const points = Array.from({ length: opts.smoke ? 50 : 400 }, (_, i) => ({
      lat: 22.5 + ((i * 7919) % 2300) / 100,
      lng: 103 + ((i * 104729) % 2100) / 100,
    }));
    const serviceTimes: number[] = [];
    const bareTimes: number[] = [];
    for (const p of points) {
      let s0 = performance.now();
      await nearbyStations(deps, {
        lat: p.lat,
        lng: p.lng,
        datum: 'GCJ-02',
        openNow: true,
        facilities: ['toilet'],
        limit: 10,
      });
      serviceTimes.push(performance.now() - s0);
      s0 = performance.now();
      await database.db.execute(
        sql`select code from stations order by location <-> point(${p.lng}, ${p.lat}) limit 10`,
      );
      bareTimes.push(performance.now() - s0);
    }
    const plan = await database.db.execute(
      sql`explain select code from stations where status = 'open' order by location <-> point(117.2, 31.8) limit 30`,
    );
    const usesIndex = JSON.stringify(plan).includes('stations_location_gist');
    console.log(
      `stations finder — ${finderStations} stations on ${where}: nearest 10 open now with a toilet p50 ${percentile(serviceTimes, 50).toFixed(1)} ms, p95 ${percentile(serviceTimes, 95).toFixed(1)} ms (exact on the sphere) vs a bare nearest-neighbour query p50 ${percentile(bareTimes, 50).toFixed(1)} ms, p95 ${percentile(bareTimes, 95).toFixed(1)} ms = ${(percentile(serviceTimes, 95) / Math.max(0.1, percentile(bareTimes, 95))).toFixed(2)}× at p95; the plan uses the GiST index: ${usesIndex}`,
    );

    // 5. Coverage of a city and of its province among the same 200,000 stations (cold: the
    // outlines read from the package; warm: cached), next to a bare read of the city's stations.
    const { stationCoverage } = await import('../server/modules/stations/coverage/service.js');
    const { commandLineCtx } = await import('../server/core/context.js');
    const timed = async (f: () => Promise<unknown>) => {
      const s0 = performance.now();
      await f();
      return performance.now() - s0;
    };
    const cityCold = await timed(() => stationCoverage(deps, commandLineCtx(), { regionCode: '340100', walkM: 1000 }));
    const cityWarm: number[] = [];
    for (let i = 0; i < (opts.smoke ? 2 : 10); i++)
      cityWarm.push(await timed(() => stationCoverage(deps, commandLineCtx(), { regionCode: '340100', walkM: 1000 })));
    const province = await timed(() => stationCoverage(deps, commandLineCtx(), { regionCode: '340000', walkM: 1000 }));
    const bareBox = await timed(() =>
      database.db.execute(
        sql`select code, lat, lng from stations where location <@ box(point(116.6, 30.9), point(118.1, 32.6))`,
      ),
    );
    console.log(
      `stations coverage — Hefei's 9 counties among ${finderStations} stations on ${where}: cold ${cityCold.toFixed(0)} ms, warm p50 ${percentile(cityWarm, 50).toFixed(0)} ms; Anhui's 16 cities ${province.toFixed(0)} ms; a bare read of the stations in Hefei's box ${bareBox.toFixed(1)} ms`,
    );
  } finally {
    await database.close();
    await cleanup();
  }
}
