import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationLive } from '../../contracts/stations/api.js';
import { TelemetryIngester } from '../../server/modules/stations/telemetry/ingester.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import type { LoggedIn } from '../support/factories.js';
import { chinaTs, newStation, stationStaff } from '../support/stations.js';

// The station page's live view as server-sent events: the view at once, again when a reading
// changes it, refused outside the reader's region, and ended when the app closes.

let t: TestApp;
let staff: LoggedIn;
let base: string;
let closed = false;

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await stationStaff(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  if (!closed) await t?.close();
});

/** Opens the stream and hands out its `live` events one at a time. */
async function openLive(code: string, cookie: string) {
  const res = await fetch(`${base}/api/stations/${code}/live/events`, { headers: { cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<StationLive | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) continue;
          expect(/^event: (.*)$/m.exec(block)?.[1]).toBe('live');
          return JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as StationLive;
        }
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('the live view as server-sent events', () => {
  it('sends the view at once and again when a reading changes it', async () => {
    const station = await newStation(t, staff);
    const stream = await openLive(station.code, staff.cookie!);
    expect((await stream.next())?.temperatureC).toBeNull();
    const ingester = new TelemetryIngester(t.deps, { flushMs: 10, maxBatch: 100, maxBuffered: 1000 });
    ingester.receive(
      `yizhan/stations/${station.code}/env`,
      Buffer.from(JSON.stringify({ ts: chinaTs(t.clock.now, 0), temperatureC: 26.5, humidityPct: 55 })),
    );
    await ingester.stop();
    expect(await stream.next()).toMatchObject({ temperatureC: 26.5, humidityPct: 55 });
    await stream.cancel();
  });

  it('refuses a station outside the reader’s region, and anyone signed out', async () => {
    const station = await newStation(t, staff);
    const elsewhere = await stationStaff(t, '110000');
    expect((await elsewhere.get(`/api/stations/${station.code}/live/events`)).statusCode).toBe(403);
    expect((await agent(t.app).get(`/api/stations/${station.code}/live/events`)).statusCode).toBe(401);
  });

  it('ends an open stream when the app closes', async () => {
    const station = await newStation(t, staff);
    const stream = await openLive(station.code, staff.cookie!);
    expect(await stream.next()).not.toBeNull();
    closed = true;
    await t.close();
    expect(await stream.next()).toBeNull();
  });
});
