import crypto from 'node:crypto';
import mqtt from 'mqtt';
import type { Deps } from '../../../core/deps.js';
import { BrokerPortTaken, startEmbeddedBroker } from './broker.js';
import { TelemetryIngester } from './ingester.js';
import { TOPIC_PREFIX } from './messages.js';

/*
 * Station telemetry at start: with MQTT_URL the app subscribes to that broker (Mosquitto, EMQX…)
 * through a shared subscription, so several instances split the messages; otherwise it runs the
 * embedded broker on MQTT_PORT (1883 by default). A port asked for and taken stops the start with
 * a message naming it; the default port taken (a broker is already there) is said once and the
 * app runs without sensors, so that `npm start` still works on such a machine.
 */

export interface Telemetry {
  ingester: TelemetryIngester;
  /** The embedded broker's port; null when subscribed to another broker or off. */
  brokerPort: number | null;
  stop(): Promise<void>;
}

export const DEFAULT_MQTT_PORT = 1883;

/**
 * Several connections in the shared group, not one: a broker lets a few QoS 1 messages be
 * unacknowledged per connection (Mosquitto: 20) and queues the rest up to a limit (1,000), past
 * which it drops them; more connections carry more at once.
 */
export const SUBSCRIBER_CONNECTIONS = 8;

export interface ExternalSubscription {
  endAsync(): Promise<void>;
}

export async function connectExternal(
  url: string,
  opts: { username: string | null; password: string | null; shareGroup: string; connections?: number },
  onMessage: (topic: string, payload: Buffer) => void,
): Promise<ExternalSubscription> {
  const instance = crypto.randomBytes(6).toString('hex');
  const clients = await Promise.all(
    Array.from({ length: opts.connections ?? SUBSCRIBER_CONNECTIONS }, async (_, i) => {
      const client = await mqtt.connectAsync(url, {
        clientId: `yizhan-ingest-${instance}-${i}`,
        username: opts.username ?? undefined,
        password: opts.password ?? undefined,
        clean: true,
        reconnectPeriod: 1000,
        connectTimeout: 10_000,
      });
      client.on('message', (topic, payload) => onMessage(topic, payload));
      await client.subscribeAsync(`$share/${opts.shareGroup}/${TOPIC_PREFIX}#`, { qos: 1 });
      return client;
    }),
  );
  return { endAsync: async () => void (await Promise.all(clients.map((c) => c.endAsync()))) };
}

export async function startTelemetry(deps: Deps): Promise<Telemetry | null> {
  const settings = deps.config.mqtt;
  if (!settings.enabled) return null;
  const ingester = new TelemetryIngester(deps);
  const receive = (topic: string, payload: Buffer) => ingester.receive(topic, payload);
  if (settings.url) {
    const client = await connectExternal(settings.url, settings, receive);
    return {
      ingester,
      brokerPort: null,
      stop: async () => {
        await client.endAsync();
        await ingester.stop();
      },
    };
  }
  try {
    const broker = await startEmbeddedBroker(deps, {
      port: settings.port ?? DEFAULT_MQTT_PORT,
      host: settings.host,
      onMessage: receive,
    });
    return {
      ingester,
      brokerPort: broker.port,
      stop: async () => {
        await broker.close();
        await ingester.stop();
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
