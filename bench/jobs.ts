import crypto from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { z } from 'zod';
import { loadConfig } from '../server/config.js';
import { FieldCipher } from '../server/core/crypto.js';
import type { Deps } from '../server/core/deps.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { defineJob } from '../server/modules/jobs/define.js';
import { JobRunner } from '../server/modules/jobs/runner.js';

// npx tsx bench/jobs.ts [--pg postgres://…] — the figures of docs/adr/0005-jobs.md: the idle cost
// of a runner (queries and CPU with nothing to do) and the throughput of a trivial job.

const args = process.argv.slice(2);
const pgUrl = args.includes('--pg') ? args[args.indexOf('--pg') + 1] : undefined;

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!pgUrl) return { database: await openDatabase({ dataDir: null }), drop: async () => {} };
  const name = `yz_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ url: url.toString() }),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

let done = 0;
let firstAt = 0;
let lastAt = 0;
const queues = Array.from({ length: 5 }, (_, i) =>
  defineJob({
    name: `bench.q${i}`,
    payload: z.object({ n: z.number() }),
    concurrency: 10,
    handler: async () => {
      if (!done) firstAt = performance.now();
      done++;
      lastAt = performance.now();
    },
  }),
);

const { database, drop } = await open();
await database.migrate();
const config = loadConfig({ YIZHAN_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
const deps: Deps = {
  db: database.db,
  cipher: new FieldCipher(crypto.randomBytes(32)),
  config,
  logger: pino({ level: 'silent' }),
  now: () => new Date(),
};
const kind = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
try {
  // Idle: five queues at the default 2 s poll, with pg-boss's own maintenance and cron checks.
  const runner = new JobRunner(deps, database, queues, {
    pollingIntervalMs: 2000,
    schedule: true,
    stopTimeoutMs: 5000,
  });
  await runner.start();
  // Count the queries the runner sends while idle (PostgreSQL: pg's pool; PGlite: its query and exec).
  let queries = 0;
  const client = (database.db as unknown as { $client: Record<string, (...a: unknown[]) => unknown> }).$client;
  for (const method of ['query', 'exec']) {
    const original = client[method];
    if (typeof original !== 'function') continue;
    client[method] = (...a: unknown[]) => {
      queries++;
      return original.apply(client, a);
    };
  }
  const cpu0 = process.cpuUsage();
  const idleSeconds = 30;
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${kind} idle, 5 queues, poll 2 s: ${(queries / idleSeconds).toFixed(2)} queries/s, ` +
      `process CPU ${(((cpu.user + cpu.system) / 1000 / (idleSeconds * 1000)) * 100).toFixed(2)} %`,
  );

  // One empty fetch: what each idle poll costs.
  const fetches = 200;
  let t0 = performance.now();
  for (let i = 0; i < fetches; i++)
    await (runner as unknown as { boss: { fetch(n: string): Promise<unknown> } }).boss.fetch('bench.q0');
  console.log(`${kind} empty fetch: ${((performance.now() - t0) / fetches).toFixed(2)} ms`);

  // Throughput: 2,000 trivial jobs on one queue (concurrency 10), all due at the same moment
  // after the sends, then drained: from the first job's run to the last one's.
  const total = 2000;
  t0 = performance.now();
  for (let i = 0; i < total; i++) await runner.send(queues[1]!, { n: i }, { startAfterSeconds: 20 });
  const sent = performance.now() - t0;
  done = 0;
  while (done < total) await new Promise((resolve) => setTimeout(resolve, 20));
  console.log(
    `${kind} ${total} trivial jobs: send ${(total / (sent / 1000)).toFixed(0)} jobs/s, ` +
      `run ${(total / ((lastAt - firstAt) / 1000)).toFixed(0)} jobs/s (concurrency 10, one instance)`,
  );
  await runner.stop();
} finally {
  await database.close();
  await drop();
}
