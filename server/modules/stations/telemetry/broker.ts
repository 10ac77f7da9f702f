import crypto from 'node:crypto';
import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import type { Deps } from '../../../core/deps.js';
import { deviceRepo } from '../door/repository.js';
import { TOPIC_PREFIX } from './messages.js';

/*
 * The embedded MQTT broker (aedes), for `npm start` with nothing installed. Sensor gateways sign
 * in with their serial number and secret (station_devices, kind sensor_gateway) and may publish
 * only under their own station's topics; nobody may subscribe (the app reads messages inside the
 * broker, not as a client). What they publish goes to `onMessage`.
 */

export class BrokerPortTaken extends Error {}

export interface EmbeddedBroker {
  port: number;
  close(): Promise<void>;
  clients(): number;
}

function sameSecret(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

export async function startEmbeddedBroker(
  deps: Deps,
  opts: { port: number; host: string; onMessage: (topic: string, payload: Buffer) => void },
): Promise<EmbeddedBroker> {
  // The station each signed-in client may publish for, by client id.
  const stationOf = new Map<string, string>();
  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      const fail = () => {
        const error = Object.assign(new Error('bad username or password'), { returnCode: 4 as const });
        done(error, false);
      };
      if (!username || !password || username.length > 64) return fail();
      deviceRepo
        .bySerial(deps.db, username)
        .then((device) => {
          if (!device || device.kind !== 'sensor_gateway' || !device.enabled) return fail();
          if (!sameSecret(deps.cipher.decrypt(device.secretEnc), password.toString('utf8'))) return fail();
          stationOf.set(client.id, device.stationCode);
          done(null, true);
        })
        .catch((err: unknown) => {
          deps.logger.error({ err }, 'mqtt sign-in check failed');
          fail();
        });
    },
    authorizePublish: (client: Client | null, packet, callback) => {
      const code = client ? stationOf.get(client.id) : undefined;
      if (code && packet.topic.startsWith(`${TOPIC_PREFIX}${code}/`)) return callback(null);
      deps.logger.warn(
        { topic: packet.topic.slice(0, 200), station: code ?? null },
        'mqtt publish refused: not the device’s station',
      );
      callback(new Error('not authorised for this topic'));
    },
    authorizeSubscribe: (_client, _subscription, callback) => callback(new Error('subscriptions are not offered')),
    published: (packet, client, callback) => {
      // The broker's own messages ($SYS) have no client; a device's last will does, and counts.
      if (client && packet.topic.startsWith(TOPIC_PREFIX)) opts.onMessage(packet.topic, Buffer.from(packet.payload));
      callback(null);
    },
  });
  broker.on('clientDisconnect', (client) => stationOf.delete(client.id));
  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new BrokerPortTaken(
              `MQTT 端口 ${opts.port} 已被占用（可能已有其他 MQTT 代理）：请设置 MQTT_PORT 为空闲端口，或用 MQTT_URL 连接该代理 / MQTT port ${opts.port} is in use (another broker?): set MQTT_PORT to a free port, or MQTT_URL to use that broker`,
            )
          : err,
      ),
    );
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    clients: () => broker.connectedClients,
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
