import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { STATION_CODE_PATTERN } from '../modules/stations/telemetry/messages.js';
import { simulatedClock, StationTraffic, type SimulatedMessage } from '../modules/stations/telemetry/simulator.js';
import { DEMO_BINHU_CODE, demoGatewaySerial, demoSensorSecret, demoStationCode } from '../seed/stations.js';

// The sensor gateways of many stations at once, for the demo and for load: each publishes its
// readings at QoS 1 at the asked rate, paced steadily (see telemetry/simulator.ts for what they say).
//   npm run simulate:stations -- --stations 20 --rate 2 --seconds 20 --heat HF-BH-0001

const USAGE = `usage / 用法: npm run simulate:stations -- [options]
  --stations N      stations to simulate (default 20): the demo's HF-BH-0001 and HF-0001…
                    模拟的站点数（默认 20）：演示数据的 HF-BH-0001 与 HF-0001…
  --codes A,B       these station codes instead / 改用这些站点编号
  --rate R          messages a second per station (default 1) / 每站每秒消息数（默认 1）
  --seconds S       stop after S seconds (default: at Ctrl-C) / S 秒后停止（默认按 Ctrl-C 停止）
  --heat CODE       this station overheats (34–36 °C), so a "too hot" rule raises its alarm
                    该站点温度升至 34–36 °C，触发高温告警规则
  --time-scale X    message time runs X times faster (default 1; needs --seconds). The clock
                    starts (X − 1) × S seconds in the past and reaches now as the run ends, so no
                    ts is ever ahead of the broker's clock, and X × S must stay under 23 hours.
                    消息时间以 X 倍速推进（默认 1，须同时给出 --seconds）：从 (X − 1) × S 秒前开始，
                    运行结束时恰到当前时间，消息时间从不超前；X × S 须小于 23 小时
  --url URL         the broker (default mqtt://127.0.0.1:$MQTT_PORT, or :1883)
                    MQTT 代理地址（默认 mqtt://127.0.0.1:$MQTT_PORT，未设置时为 1883）
  --anonymous       a few shared connections without credentials (a broker that allows them,
                    such as Mosquitto here); otherwise one connection per station as its gateway
                    SG-<code> with the demo secret, its last will saying offline
                    用少量匿名共享连接（代理须允许匿名）；默认每站一条连接，以演示网关 SG-<编号> 登录`;

const MAX_TIME_BEHIND_S = 23 * 60 * 60;
/** Beyond this many unacknowledged messages the pacer waits: the broker is not keeping up. */
const MAX_IN_FLIGHT = 100_000;
const TICK_MS = 20;
const STATUS_EVERY_MS = 5000;

class UsageError extends Error {}

interface Options {
  codes: string[];
  rate: number;
  seconds: number | null;
  heat: string | null;
  timeScale: number;
  url: string;
  anonymous: boolean;
}

function numberOption(value: string | undefined, name: string, fallback: number | null, min: number, max: number) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`--${name} 须为 ${min} 至 ${max} 之间的数 / --${name} must be a number from ${min} to ${max}`);
  return n;
}

function optionsOf(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      stations: { type: 'string' },
      codes: { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      heat: { type: 'string' },
      'time-scale': { type: 'string' },
      url: { type: 'string' },
      anonymous: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const count = numberOption(values.stations, 'stations', 20, 1, 100_000)!;
  if (!Number.isInteger(count)) throw new UsageError('--stations 须为整数 / --stations must be a whole number');
  const codes = values.codes
    ? values.codes
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
    : [DEMO_BINHU_CODE, ...Array.from({ length: count - 1 }, (_, i) => demoStationCode(i + 1))];
  const bad = codes.find((c) => !STATION_CODE_PATTERN.test(c));
  if (bad !== undefined || !codes.length)
    throw new UsageError(`站点编号无效：${bad ?? '（空）'} / Not a station code: ${bad ?? '(none)'}`);
  const heat = values.heat ?? null;
  if (heat !== null && !codes.includes(heat))
    throw new UsageError(`--heat ${heat} 不在模拟的站点中 / --heat ${heat} is not one of the simulated stations`);
  const seconds = numberOption(values.seconds, 'seconds', null, 0.1, 7 * 24 * 3600);
  const timeScale = numberOption(values['time-scale'], 'time-scale', 1, 1, 100_000)!;
  if (timeScale !== 1 && seconds === null)
    throw new UsageError('--time-scale 须同时给出 --seconds / --time-scale needs --seconds');
  if ((timeScale - 1) * (seconds ?? 0) > MAX_TIME_BEHIND_S)
    throw new UsageError(
      '(--time-scale − 1) × --seconds 须小于 23 小时（接收方拒收早于 24 小时的消息） / (--time-scale − 1) × --seconds must stay under 23 hours (older messages are refused)',
    );
  return {
    codes,
    rate: numberOption(values.rate, 'rate', 1, 0.001, 100_000)!,
    seconds,
    heat,
    timeScale,
    url: values.url ?? `mqtt://127.0.0.1:${process.env.MQTT_PORT ?? 1883}`,
    anonymous: values.anonymous,
  };
}

/** The connections, and which one speaks for each station. */
async function connect(opts: Options): Promise<{ clients: MqttClient[]; clientOf: (code: string) => MqttClient }> {
  const base: IClientOptions = { reconnectPeriod: 1000, connectTimeout: 10_000, clean: true };
  const run = crypto.randomBytes(3).toString('hex');
  if (opts.anonymous) {
    const shared = Math.min(4, opts.codes.length);
    const clients = await Promise.all(
      Array.from({ length: shared }, (_, i) =>
        mqtt.connectAsync(opts.url, { ...base, clientId: `yizhan-sim-${run}-${i}` }),
      ),
    );
    const byCode = new Map(opts.codes.map((code, i) => [code, clients[i % shared]!]));
    return { clients, clientOf: (code) => byCode.get(code)! };
  }
  const byCode = new Map<string, MqttClient>();
  // A few at a time: each sign-in is a look-up on the broker's side.
  for (let i = 0; i < opts.codes.length; i += 50) {
    const batch = opts.codes.slice(i, i + 50);
    const clients = await Promise.all(
      batch.map(async (code) => {
        const will = StationTraffic.lastWill(code);
        try {
          return await mqtt.connectAsync(opts.url, {
            ...base,
            clientId: `yizhan-sim-${run}-${code}`,
            username: demoGatewaySerial(code),
            password: demoSensorSecret(code),
            will: { topic: will.topic, payload: Buffer.from(will.payload), qos: 1, retain: true },
          });
        } catch (err) {
          throw new Error(
            `无法以网关 ${demoGatewaySerial(code)} 连接 ${opts.url}（演示数据是否已载入？）/ Could not connect as the gateway ${demoGatewaySerial(code)} to ${opts.url} (is the demo data loaded?): ${(err as Error).message}`,
            { cause: err },
          );
        }
      }),
    );
    batch.forEach((code, k) => byCode.set(code, clients[k]!));
  }
  return { clients: [...byCode.values()], clientOf: (code) => byCode.get(code)! };
}

async function main(): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = optionsOf(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { clients, clientOf } = await connect(opts);
  const counts = { sent: 0, acked: 0, errors: 0 };
  let firstError: string | null = null;
  const failed = (err: Error) => {
    counts.errors++;
    firstError ??= err.message;
  };
  for (const c of clients) c.on('error', failed);
  const publish = (m: SimulatedMessage) => {
    counts.sent++;
    clientOf(m.stationCode).publish(m.topic, m.payload, { qos: 1, retain: m.retain }, (err) => {
      if (err) failed(err);
      else counts.acked++;
    });
  };

  const traffic = new StationTraffic({
    codes: opts.codes,
    rate: opts.rate,
    clock: simulatedClock({ wallStart: Date.now(), timeScale: opts.timeScale, seconds: opts.seconds }),
    random: Math.random,
    heat: opts.heat,
  });
  const opening = traffic.opening();
  for (const m of opening) publish(m);
  const asked = opts.codes.length * opts.rate;
  console.log(
    `${opts.codes.length} stations × ${opts.rate}/s = ${asked}/s → ${opts.url} (${clients.length} connection(s)${opts.anonymous ? ', anonymous' : ' as the stations’ gateways'})` +
      (opts.timeScale !== 1
        ? `; message time ${opts.timeScale}× from ${Math.round(((opts.timeScale - 1) * opts.seconds!) / 60)} min ago to now`
        : '') +
      (opts.heat ? `; ${opts.heat} overheats` : ''),
  );

  const started = performance.now();
  const limitMs = opts.seconds === null ? Infinity : opts.seconds * 1000;
  let last = { at: started, sent: counts.sent };
  const status = () => {
    const now = performance.now();
    const rate = ((counts.sent - last.sent) * 1000) / Math.max(1, now - last.at);
    last = { at: now, sent: counts.sent };
    console.log(
      `[${((now - started) / 1000).toFixed(0).padStart(4)} s] sent ${counts.sent}, ${rate.toFixed(1)}/s (asked ${asked}/s), acked ${counts.acked}, errors ${counts.errors}${firstError ? ` (${firstError})` : ''}`,
    );
  };
  const statusTimer = setInterval(status, STATUS_EVERY_MS);

  await new Promise<void>((resolve) => {
    const pacer = setInterval(() => {
      const elapsed = Math.min(performance.now() - started, limitMs);
      if (counts.sent - counts.acked - counts.errors < MAX_IN_FLIGHT) for (const m of traffic.due(elapsed)) publish(m);
      if (elapsed >= limitMs) stop();
    }, TICK_MS);
    const stop = () => {
      clearInterval(pacer);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGINT', stop);
  });
  clearInterval(statusTimer);
  const seconds = (performance.now() - started) / 1000;
  // What was sent gets its acknowledgement (or ten seconds) before the connections close.
  for (let waited = 0; counts.acked + counts.errors < counts.sent && waited < 10_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  // A clean sign-off: the brokers keep each station's last status, and send no last will.
  await Promise.all(clients.map((c) => c.endAsync()));
  const paced = counts.sent - opening.length;
  console.log(
    `done / 完成: sent ${counts.sent} (${opening.length} online statuses, then ${paced} in ${seconds.toFixed(1)} s: ${(paced / seconds).toFixed(1)}/s, asked ${asked}/s), acked ${counts.acked}, errors ${counts.errors}; ` +
      `env ${traffic.counts.env}, people ${traffic.counts.people}, equipment ${traffic.counts.equipment}, faults ${traffic.counts.faults}, device alarms ${traffic.counts.alarms}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
