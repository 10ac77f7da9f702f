import { EventEmitter } from 'node:events';
import http from 'node:http';
import Fastify, { type FastifyReply } from 'fastify';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventStreams, HEARTBEAT_MS, type EventStreamOptions } from './event-stream.js';

/** The part of a reply a stream uses, recording what is written. */
class FakeResponse extends EventEmitter {
  head: { status: number; headers: Record<string, string> } | null = null;
  written: string[] = [];
  ended = 0;
  writeHead(status: number, headers: Record<string, string>) {
    this.head = { status, headers };
  }
  write(chunk: string) {
    this.written.push(chunk);
    return true;
  }
  end() {
    this.ended++;
  }
}

function fakeReply() {
  const raw = new FakeResponse();
  const reply = { hijack: vi.fn(), raw } as unknown as FastifyReply;
  return { reply, raw };
}

const logger = pino({ level: 'silent' });

function options(over: Partial<EventStreamOptions> = {}): EventStreamOptions {
  return {
    requestId: 'req-1',
    logger,
    poll: { everyMs: 1000, read: async () => undefined, failure: 'read failed' },
    ...over,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('server-sent event streams', () => {
  it('answers with the stream headers and a comment line every 15 seconds', () => {
    vi.useFakeTimers();
    const { reply, raw } = fakeReply();
    new EventStreams().start({}, reply, options());
    expect(reply.hijack).toHaveBeenCalled();
    expect(raw.head).toEqual({
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': 'req-1',
      },
    });
    expect(HEARTBEAT_MS).toBe(15_000);
    vi.advanceTimersByTime(HEARTBEAT_MS - 1);
    expect(raw.written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(raw.written).toEqual([': ping\n\n']);
    vi.advanceTimersByTime(2 * HEARTBEAT_MS);
    expect(raw.written).toEqual([': ping\n\n', ': ping\n\n', ': ping\n\n']);
  });

  it('reads on its interval, one read at a time, and goes on after a failed read', async () => {
    vi.useFakeTimers();
    const { reply, raw } = fakeReply();
    const warn = vi.spyOn(logger, 'warn');
    let reads = 0;
    let release: () => void = () => undefined;
    const stream = new EventStreams().start(
      {},
      reply,
      options({
        poll: {
          everyMs: 1000,
          failure: 'read failed',
          read: async () => {
            reads++;
            if (reads === 1) throw new Error('database away');
            if (reads === 2) await new Promise<void>((resolve) => (release = resolve));
            stream.send('tick', JSON.stringify({ reads }));
          },
        },
      }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ error: expect.any(Object) }), 'read failed');
    // The second read hangs: the next ticks do not start another one beside it.
    await vi.advanceTimersByTimeAsync(3000);
    expect(reads).toBe(2);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(3);
    expect(raw.written).toEqual(['event: tick\ndata: {"reads":2}\n\n', 'event: tick\ndata: {"reads":3}\n\n']);
  });

  it('stops reading, the heartbeat and sending when the client goes, and tells its owner once', async () => {
    vi.useFakeTimers();
    const { reply, raw } = fakeReply();
    const streams = new EventStreams();
    const app = {};
    const onEnd = vi.fn();
    let reads = 0;
    const stream = streams.start(
      app,
      reply,
      options({ onEnd, poll: { everyMs: 1000, failure: 'read failed', read: async () => void reads++ } }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(1);
    expect(streams.openCount(app)).toBe(1);
    raw.emit('close');
    expect(stream.ended).toBe(true);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(raw.ended).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * HEARTBEAT_MS);
    expect(reads).toBe(1);
    await stream.poll();
    expect(reads).toBe(1);
    stream.send('late', '{}');
    expect(raw.written).toEqual([]);
    // Ending again, or the app closing, changes nothing more.
    stream.end();
    streams.endAll(app);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(raw.ended).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(streams.openCount(app)).toBe(0);
  });

  it('ends every open stream of an app that closes, and only that app’s', () => {
    vi.useFakeTimers();
    const streams = new EventStreams();
    const closing = {};
    const other = {};
    const a = fakeReply();
    const b = fakeReply();
    const c = fakeReply();
    streams.start(closing, a.reply, options());
    streams.start(closing, b.reply, options());
    const kept = streams.start(other, c.reply, options());
    streams.endAll(closing);
    expect([a.raw.ended, b.raw.ended, c.raw.ended]).toEqual([1, 1, 0]);
    expect(kept.ended).toBe(false);
    expect([streams.openCount(closing), streams.openCount(other)]).toEqual([0, 1]);
    expect(vi.getTimerCount()).toBe(2);
    kept.end();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('notices a real client hanging up', async () => {
    const streams = new EventStreams();
    const app = Fastify({ logger: false });
    let ended: () => void = () => undefined;
    const gone = new Promise<void>((resolve) => (ended = resolve));
    app.get('/events', async (request, reply) => {
      streams.start(app, reply, options({ requestId: String(request.id), heartbeatMs: 20, onEnd: ended }));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const pings = await new Promise<string>((resolve, reject) => {
        const request = http.get({ host: '127.0.0.1', port, path: '/events' }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.split(': ping').length > 2) {
              request.destroy();
              resolve(text);
            }
          });
        });
        request.on('error', reject);
      });
      expect(pings).toContain(': ping\n\n: ping\n\n');
      await gone;
      expect(streams.openCount(app)).toBe(0);
    } finally {
      await app.close();
    }
  });
});
