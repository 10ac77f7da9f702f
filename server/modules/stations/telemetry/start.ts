import os from 'node:os';
import mqtt, { type IStream, type MqttClient } from 'mqtt';
import type { Deps } from '../../../core/deps.js';
import { BrokerPortTaken, startEmbeddedBroker } from './broker.js';
import { TelemetryIngester, type MessageSink } from './ingester.js';
import { TOPIC_PREFIX } from './messages.js';

/*
 * Station telemetry at start: with MQTT_URL the app subscribes to that broker (Mosquitto, EMQX…)
 * through a shared subscription, so several instances split the messages; otherwise it runs the
 * embedded broker on MQTT_PORT (1883 by default). A port asked for and taken stops the start with
 * a message naming it; the default port taken (a broker is already there) is said once and the
 * app runs without sensors, so that `npm start` still works on such a machine.
 *
 * On either path a QoS 1 message is acknowledged only after the batch holding it is committed
 * (the embedded broker: see broker.ts). From another broker the app subscribes over MQTT 5 with
 * sessions the broker keeps: a connection that drops, or an instance that crashes, is sent again
 * what it had not acknowledged when it comes back under the same name within the session's expiry.
 */

export interface Telemetry {
  ingester: TelemetryIngester;
  /** The embedded broker's port; null when subscribed to another broker or off. */
  brokerPort: number | null;
  stop(): Promise<void>;
}

export const DEFAULT_MQTT_PORT = 1883;

/**
 * Several connections in the shared group, not one: a broker queues what a connection cannot take
 * yet up to a limit (Mosquitto: 1,000 messages), past which it drops them; more connections carry
 * more at once.
 */
export const SUBSCRIBER_CONNECTIONS = 8;

/**
 * Unacknowledged messages the broker may send a connection at once (MQTT 5 Receive Maximum; without
 * it Mosquitto allows 20). Acknowledged after the commit, the messages of a batch being written and
 * of the next one being gathered are all unacknowledged: at 20,000 a second with a commit every few
 * tenths of a second, some thousands. It also bounds what waits in memory: 8 × 10,000 messages.
 */
export const RECEIVE_WINDOW = 10_000;

/**
 * How long the broker keeps a connection's session (its subscription, and the messages sent but
 * not acknowledged or not sent yet) after the connection drops: time enough for a restart. A
 * member of the shared group whose session is kept is still handed its share, so an instance that
 * is gone for good has its share queued, then dropped, until the session expires.
 */
export const SESSION_EXPIRY_SECONDS = 300;

export interface ExternalSubscription {
  /**
   * Writes the acknowledgements due and disconnects. The broker keeps the sessions for the next
   * start unless `endSession` (tests and benchmarks, whose names are not used again).
   */
  endAsync(opts?: { endSession?: boolean }): Promise<void>;
}

/** This instance's name at the broker: the same after a restart on this host and port, so its sessions resume. */
export function instanceName(deps: Deps): string {
  return `${os.hostname()}-${deps.config.port || process.pid}`;
}

/**
 * mqtt.js writes a QoS 1 message's PUBACK when `handleMessage` answers, and takes the connection's
 * next packet only then. Answering with this error moves on without the PUBACK (its publish
 * handler: `if (err) return done(err)`); `pubacks` writes it once the batch is committed.
 */
const ACK_AFTER_COMMIT = new Error('acknowledged after the commit');

/**
 * The PUBACKs due on a connection, written together once a batch is committed, and only on the
 * connection that delivered the messages: after a reconnect the broker sends them again in the kept
 * session, and an old packet id may by then name another message. A PUBACK of success is four
 * bytes in MQTT 5 (§3.4.2.1: no reason code and no properties when the reason is success).
 */
function pubacks(client: MqttClient) {
  const due = new Map<IStream, number[]>();
  const write = () => {
    for (const [stream, ids] of due) {
      if (stream !== client.stream || !stream.writable) continue;
      const packets = Buffer.allocUnsafe(ids.length * 4);
      ids.forEach((id, k) => {
        packets.writeUInt16BE(0x4002, 4 * k);
        packets.writeUInt16BE(id, 4 * k + 2);
      });
      stream.write(packets);
    }
    due.clear();
  };
  return {
    add(stream: IStream, id: number) {
      const ids = due.get(stream);
      if (ids) ids.push(id);
      else {
        if (!due.size) setImmediate(write);
        due.set(stream, [id]);
      }
    },
    write,
  };
}

/** Resolves once connected; the first failure ends the client and rejects, as `mqtt.connectAsync` does. */
function connected(client: MqttClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const onConnect = () => {
      client.off('error', onError);
      resolve();
    };
    const onError = (err: Error) => {
      client.off('connect', onConnect);
      client.end(true);
      reject(err);
    };
    client.once('connect', onConnect);
    client.once('error', onError);
  });
}

export async function connectExternal(
  url: string,
  opts: {
    username: string | null;
    password: string | null;
    shareGroup: string;
    /** Names the sessions: the same name resumes them (see `instanceName`). */
    instance: string;
    connections?: number;
  },
  ingester: MessageSink,
): Promise<ExternalSubscription> {
  const subscribers = await Promise.all(
    Array.from({ length: opts.connections ?? SUBSCRIBER_CONNECTIONS }, async (_, i) => {
      const client = mqtt.connect(url, {
        clientId: `yizhan-ingest-${opts.instance}-${i}`,
        username: opts.username ?? undefined,
        password: opts.password ?? undefined,
        protocolVersion: 5,
        clean: false,
        properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS, receiveMaximum: RECEIVE_WINDOW },
        reconnectPeriod: 1000,
        connectTimeout: 10_000,
        manualConnect: true,
      });
      const acks = pubacks(client);
      // Set before connecting: a resumed session's messages follow the CONNACK at once. No topic
      // alias is offered to the broker, so `packet.topic` is always the whole topic.
      client.handleMessage = (packet, done) => {
        const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
        const id = packet.messageId;
        if (packet.qos !== 1 || id === undefined) {
          ingester.receive(packet.topic, payload);
          done();
          return;
        }
        const stream = client.stream;
        ingester.receive(packet.topic, payload, (committed) => {
          if (committed) acks.add(stream, id);
        });
        done(ACK_AFTER_COMMIT);
      };
      await connected(client.connect());
      await client.subscribeAsync(`$share/${opts.shareGroup}/${TOPIC_PREFIX}#`, { qos: 1 });
      return { client, acks };
    }),
  );
  return {
    endAsync: async ({ endSession = false } = {}) => {
      await Promise.all(
        subscribers.map(async ({ client, acks }) => {
          acks.write();
          await client.endAsync(false, endSession ? { properties: { sessionExpiryInterval: 0 } } : {});
        }),
      );
    },
  };
}

export async function startTelemetry(deps: Deps): Promise<Telemetry | null> {
  const settings = deps.config.mqtt;
  if (!settings.enabled) return null;
  const ingester = new TelemetryIngester(deps);
  if (settings.url) {
    const subscription = await connectExternal(settings.url, { ...settings, instance: instanceName(deps) }, ingester);
    return {
      ingester,
      brokerPort: null,
      stop: async () => {
        // What waits is written and acknowledged before the connections close; what arrives
        // meanwhile stays unacknowledged in the sessions, for the next start.
        await ingester.stop();
        await subscription.endAsync();
      },
    };
  }
  try {
    const broker = await startEmbeddedBroker(deps, {
      port: settings.port ?? DEFAULT_MQTT_PORT,
      host: settings.host,
      ingester,
    });
    return {
      ingester,
      brokerPort: broker.port,
      stop: async () => {
        await ingester.stop();
        await broker.close();
      },
    };
  } catch (err) {
    if (err instanceof BrokerPortTaken && settings.port === null) {
      deps.logger.warn(err.message);
      console.warn(`  ${err.message}`);
      return null;
    }
    throw err;
  }
}
