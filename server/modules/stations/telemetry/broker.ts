import crypto from 'node:crypto';
import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import type { Deps } from '../../../core/deps.js';
import { deviceRepo } from '../door/repository.js';
import type { MessageSink, Settle } from './ingester.js';
import { TOPIC_PREFIX } from './messages.js';

/*
 * The embedded MQTT broker (aedes), for `npm start` with nothing installed. Sensor gateways sign
 * in with their serial number and secret (station_devices, kind sensor_gateway) and may publish
 * only under their own station's topics; nobody may subscribe (the app reads messages inside the
 * broker, not as a client). What they publish goes to the ingester.
 *
 * A QoS 1 message is acknowledged only once the batch holding it is committed. aedes writes the
 * PUBACK as soon as `authorizePublish` answers, before `published` runs (its publish handler:
 * authorize, then PUBACK, then publish), so a QoS 1 message is taken at `authorizePublish` and the
 * answer waits for the commit; aedes reads the gateway's next packets only then, which paces a
 * gateway to the ingester. A message let go unwritten closes the connection unacknowledged (aedes
 * drops a client whose publish is refused), and the gateway sends it again when it reconnects. A
 * QoS 2 message is taken at `published`, after aedes stored it, and its PUBREC waits for the
 * commit the same way; QoS 0 has nothing to acknowledge. A gateway's last will passes
 * `authorizePublish` too, when its connection drops.
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

/** Answers aedes once the message is committed; a message let go is refused, which drops its connection. */
function answerOnCommit(callback: (error: Error | null) => void): Settle {
  return (committed) => callback(committed ? null : new Error('not written: send it again'));
}

export async function startEmbeddedBroker(
  deps: Deps,
  opts: { port: number; host: string; ingester: MessageSink },
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
      if (!code || !packet.topic.startsWith(`${TOPIC_PREFIX}${code}/`)) {
        deps.logger.warn(
          { topic: packet.topic.slice(0, 200), station: code ?? null },
          'mqtt publish refused: not the device’s station',
        );
        return callback(new Error('not authorised for this topic'));
      }
      if (packet.qos !== 1) return callback(null);
      opts.ingester.receive(packet.topic, Buffer.from(packet.payload), answerOnCommit(callback));
    },
    authorizeSubscribe: (_client, _subscription, callback) => callback(new Error('subscriptions are not offered')),
    published: (packet, client, callback) => {
      // The broker's own messages ($SYS) have no client; QoS 1 was taken at authorizePublish.
      if (!client || !packet.topic.startsWith(TOPIC_PREFIX) || packet.qos === 1) return callback(null);
      if (packet.qos === 2) opts.ingester.receive(packet.topic, Buffer.from(packet.payload), answerOnCommit(callback));
      else {
        opts.ingester.receive(packet.topic, Buffer.from(packet.payload));
        callback(null);
      }
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
