import mqtt from 'mqtt';

// A child process that publishes sensor traffic to a broker, as 1,000 stations' gateways would:
// `--prefix` the topic root, `--stations` how many, `--rate` messages a second per station (0:
// as fast as the connections take them, `--count` messages in all), `--seconds` how long when
// paced. Each payload carries its send time as `ts` (milliseconds), so the receiver measures lag.
// Prints {"sent":n,"seconds":s} when done.

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const url = arg('url', 'mqtt://127.0.0.1:1883');
const prefix = arg('prefix', 'yizhan/stations');
const stations = Number(arg('stations', '1000'));
const rate = Number(arg('rate', '20'));
const seconds = Number(arg('seconds', '30'));
const count = Number(arg('count', '100000'));
const connections = Number(arg('connections', '8'));
const codes = Array.from({ length: stations }, (_, i) => `BENCH-${String(i + 1).padStart(4, '0')}`);

function payload(k: number): { topic: string; body: string } {
  const code = codes[k % stations]!;
  const ts = new Date().toISOString();
  // The mix of a station: mostly environment readings, then people counts and equipment.
  const kind = k % 10;
  if (kind < 6)
    return {
      topic: `${prefix}/${code}/env`,
      body: `{"ts":"${ts}","temperatureC":${(18 + (k % 70) / 10).toFixed(1)},"humidityPct":${40 + (k % 30)},"pm25":${k % 80},"co2ppm":${500 + (k % 400)}}`,
    };
  if (kind < 8) return { topic: `${prefix}/${code}/people`, body: `{"ts":"${ts}","in":${k % 3},"out":${k % 2}}` };
  return { topic: `${prefix}/${code}/equipment/ac-1`, body: `{"ts":"${ts}","state":"on","powerW":${900 + (k % 200)}}` };
}

const clients = await Promise.all(
  Array.from({ length: connections }, (_, i) =>
    mqtt.connectAsync(url, { clientId: `yz-bench-pub-${process.pid}-${i}`, reconnectPeriod: 0, clean: true }),
  ),
);
const started = Date.now();
let sent = 0;
let inFlight = 0;
const WINDOW = 2000;

async function publishOne(k: number) {
  const { topic, body } = payload(k);
  inFlight++;
  try {
    await clients[k % connections]!.publishAsync(topic, body, { qos: 1 });
    sent++;
  } finally {
    inFlight--;
  }
}

if (rate === 0) {
  // Flat out: keep a window of unacknowledged messages open until `count` are sent.
  let next = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (inFlight < WINDOW && next < count)
        void publishOne(next++).then(() => (sent >= count ? resolve() : pump()));
    };
    pump();
  });
} else {
  const perSecond = rate * stations;
  const total = perSecond * seconds;
  let k = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * perSecond));
      while (k < due && inFlight < WINDOW * 4) void publishOne(k++);
      if (k >= total) {
        clearInterval(timer);
        const wait = setInterval(() => {
          if (inFlight === 0) {
            clearInterval(wait);
            resolve();
          }
        }, 10);
      }
    }, 10);
  });
}
const elapsed = (Date.now() - started) / 1000;
await Promise.all(clients.map((c) => c.endAsync()));
console.log(JSON.stringify({ sent, seconds: elapsed }));
