import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { errorForLog } from './http.js';

/** A comment line this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;

export interface EventStream {
  /** Sends one event whose data is already JSON; nothing once the stream has ended. */
  send(event: string, json: string): void;
  /** Reads now, unless a read is under way or the stream has ended. */
  poll(): Promise<void>;
  /** Ends the stream: its timers stop, `onEnd` runs, the response ends. Once only. */
  end(): void;
  readonly ended: boolean;
}

export interface EventStreamOptions {
  requestId: string;
  logger: FastifyBaseLogger;
  /**
   * What the stream reads, every `everyMs` while it is open (the source may change on another
   * instance); a failed read is logged as `failure` and the stream goes on.
   */
  poll: { everyMs: number; read: () => Promise<void>; failure: string };
  /** Runs once when the stream ends, however it ends. */
  onEnd?: () => void;
  heartbeatMs?: number;
}

/**
 * Server-sent event streams of one kind. Each app's open streams are kept (by its `Deps`) so that
 * closing the app ends them: an open stream would otherwise hold the server open.
 */
export class EventStreams {
  private readonly open = new WeakMap<object, Set<EventStream>>();

  /** Takes the reply over, answers 200 with the stream's headers, and starts reading and the heartbeat. */
  start(app: object, reply: FastifyReply, options: EventStreamOptions): EventStream {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': options.requestId,
    });
    const streams = this.open.get(app) ?? new Set<EventStream>();
    this.open.set(app, streams);
    let ended = false;
    let reading = false;
    const stream: EventStream = {
      get ended() {
        return ended;
      },
      send(event, json) {
        if (!ended) raw.write(`event: ${event}\ndata: ${json}\n\n`);
      },
      async poll() {
        if (ended || reading) return;
        reading = true;
        try {
          await options.poll.read();
        } catch (err) {
          options.logger.warn({ error: errorForLog(err) }, options.poll.failure);
        } finally {
          reading = false;
        }
      },
      end() {
        if (ended) return;
        ended = true;
        clearInterval(poll);
        clearInterval(heartbeat);
        streams.delete(stream);
        options.onEnd?.();
        raw.end();
      },
    };
    const poll = setInterval(() => void stream.poll(), options.poll.everyMs);
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
    streams.add(stream);
    raw.on('close', () => stream.end());
    return stream;
  }

  /** How many streams an app has open now. */
  openCount(app: object): number {
    return this.open.get(app)?.size ?? 0;
  }

  /** Ends every open stream of an app (it is closing). */
  endAll(app: object): void {
    for (const stream of [...(this.open.get(app) ?? [])]) stream.end();
  }
}
