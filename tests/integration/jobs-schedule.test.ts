import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Database } from '../../server/db/client.js';
import { defineJob } from '../../server/modules/jobs/define.js';
import { JobRunner } from '../../server/modules/jobs/runner.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { newAdmin } from '../support/factories.js';

// Two app instances (two runners, each with its own connection pool) on one PostgreSQL, both
// keeping the same every-minute schedule: each tick makes one job, run once. Cron ticks are
// per minute, so this waits for the next minute (up to ~70 s); PostgreSQL only.

const runs: { runner: string; at: Date }[] = [];
const tickJob = (runner: string) =>
  defineJob({
    name: 'test.tick',
    payload: z.object({ from: z.literal('schedule') }),
    schedule: { cron: '* * * * *', payload: { from: 'schedule' as const } },
    handler: async () => {
      runs.push({ runner, at: new Date() });
    },
  });

describe.skipIf(!process.env.TEST_DATABASE_URL)('schedules across instances', () => {
  let t: TestApp;
  let second: Database;
  let runners: JobRunner[];

  beforeAll(async () => {
    t = await createTestApp({ demoScale: null });
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${await currentDatabase(t)}`;
    second = await openDatabase({ url: url.toString() });
    const options = {
      pollingIntervalMs: 200,
      schedule: true,
      stopTimeoutMs: 2000,
      cronMonitorIntervalSeconds: 2,
      cronWorkerIntervalSeconds: 1,
    };
    runners = [
      new JobRunner(t.deps, t.database, [tickJob('first')], options),
      new JobRunner({ ...t.deps, db: second.db }, second, [tickJob('second')], options),
    ];
    // Not in a minute's last seconds: the first tick's job then runs within its own minute.
    const seconds = new Date().getUTCSeconds();
    if (seconds > 40) await new Promise((resolve) => setTimeout(resolve, (61 - seconds) * 1000));
    await Promise.all(runners.map((r) => r.start()));
  }, 60_000);
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await second.close();
    await t.close();
  });

  it('runs one job per tick', { timeout: 120_000 }, async () => {
    const started = Date.now();
    // The current minute's tick fires at once; wait past the next minute's and a little more.
    const nextMinute = Math.ceil((started + 1) / 60_000) * 60_000;
    await waitUntil(() => runs.length >= 1, 20_000);
    await new Promise((resolve) => setTimeout(resolve, nextMinute + 15_000 - Date.now()));
    const minutes = new Set(runs.map((r) => Math.floor(r.at.getTime() / 60_000)));
    expect(runs.length).toBe(2);
    expect(minutes.size).toBe(2);

    const admin = await newAdmin(t);
    const queue = (await admin.get('/api/jobs/queues'))
      .json()
      .items.find((q: { name: string }) => q.name === 'test.tick');
    expect(queue.schedule).toEqual({ cron: '* * * * *', timeZone: 'Asia/Shanghai' });
    expect(queue.counts.completed).toBe(2);
  });
});

async function currentDatabase(t: TestApp): Promise<string> {
  const res = await t.database.db.execute(sql`SELECT current_database() AS name`);
  return (res as { rows: { name: string }[] }).rows[0]!.name;
}

async function waitUntil(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
