import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errorForLog } from '../../../core/http.js';
import { stationInScope } from '../service.js';
import { stationLiveOf } from './alarms-service.js';

/** How often a stream reads the station (the ingester may run on another instance). */
const POLL_MS = 2000;
const HEARTBEAT_MS = 15_000;

const openStreams = new WeakMap<Deps, Set<() => void>>();

/** Ends every open station stream of an app (it is closing). */
export function endStationStreams(deps: Deps): void {
  for (const end of [...(openStreams.get(deps) ?? [])]) end();
}

/**
 * GET /api/stations/:code/live/events: the station now as server-sent events, `live` with the
 * whole view each time it changes (read every two seconds), and a comment line when quiet so that
 * proxies keep the stream open.
 */
export async function streamStationLive(deps: Deps, ctx: Ctx, code: string, reply: FastifyReply): Promise<void> {
  const station = await stationInScope(deps, ctx, code);
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': ctx.requestId,
  });
  let last = '';
  let ended = false;
  let reading = false;
  const check = async () => {
    if (ended || reading) return;
    reading = true;
    try {
      const text = JSON.stringify(await stationLiveOf(deps, station.id, station.code));
      if (!ended && text !== last) {
        last = text;
        raw.write(`event: live\ndata: ${text}\n\n`);
      }
    } catch (err) {
      deps.logger.warn({ error: errorForLog(err) }, 'station live: read failed');
    } finally {
      reading = false;
    }
  };
  const poll = setInterval(() => void check(), POLL_MS);
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
  const streams = openStreams.get(deps) ?? new Set<() => void>();
  openStreams.set(deps, streams);
  function end() {
    if (ended) return;
    ended = true;
    clearInterval(poll);
    clearInterval(heartbeat);
    streams.delete(end);
    raw.end();
  }
  streams.add(end);
  raw.on('close', end);
  await check();
}
