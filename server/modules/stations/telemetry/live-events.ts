import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { EventStreams } from '../../../core/event-stream.js';
import { stationInScope } from '../service.js';
import { stationLiveOf } from './alarms-service.js';

/** How often a stream reads the station (the ingester may run on another instance). */
const POLL_MS = 2000;

const stationStreams = new EventStreams();

/** Ends every open station stream of an app (it is closing). */
export function endStationStreams(deps: Deps): void {
  stationStreams.endAll(deps);
}

/**
 * GET /api/stations/:code/live/events: the station now as server-sent events, `live` with the
 * whole view each time it changes (read every two seconds), and a comment line when quiet so that
 * proxies keep the stream open.
 */
export async function streamStationLive(deps: Deps, ctx: Ctx, code: string, reply: FastifyReply): Promise<void> {
  const station = await stationInScope(deps, ctx, code);
  let last = '';
  const stream = stationStreams.start(deps, reply, {
    requestId: ctx.requestId,
    logger: deps.logger,
    poll: {
      everyMs: POLL_MS,
      failure: 'station live: read failed',
      read: async () => {
        const text = JSON.stringify(await stationLiveOf(deps, station.id, station.code));
        if (text === last) return;
        last = text;
        stream.send('live', text);
      },
    },
  });
  await stream.poll();
}
