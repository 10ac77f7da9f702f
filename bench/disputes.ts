import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { FieldCipher, resolveMasterKey } from '../server/core/crypto.js';
import type { Deps } from '../server/core/deps.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { writeHistory } from '../server/seed/disputes-history.js';
import { newCase, transition } from '../server/modules/disputes/rules/state-machine.js';
import { disputeCases } from '../server/modules/disputes/tables.js';
import { generateDemo } from '../server/seed/demo-data.js';
import { historyRefs, writeDemo } from '../server/seed/demo.js';
import { ensureReferenceData } from '../server/seed/reference.js';
import { freshEnv, login, startServer, type BenchServer } from './harness.js';

/** One autocannon run over a rotation of paths; server times from the `server-timing` header. */
async function measure(
  base: string,
  paths: string[],
  headers: Record<string, string>,
  connections: number,
  duration: number,
) {
  const serverTimes: number[] = [];
  let k = 0;
  const r = await autocannon({
    url: base,
    connections,
    duration,
    headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: paths[k++ % paths.length]! }),
        onResponse: (_status, _body, _ctx, resHeaders) => {
          const m = /dur=([\d.]+)/.exec(String(resHeaders?.['server-timing'] ?? ''));
          if (m) serverTimes.push(Number(m[1]));
        },
      },
    ],
  });
  return {
    rps: r.requests.average,
    p50: percentile(serverTimes, 50),
    p95: percentile(serverTimes, 95),
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

type Measured = Awaited<ReturnType<typeof measure>>;
const line = (m: Measured) =>
  `${m.rps.toFixed(0)} req/s, server p50 ${m.p50.toFixed(2)} ms, p95 ${m.p95.toFixed(2)} ms, non-2xx ${m.non2xx}, errors ${m.errors}`;

/**
 * The app's case read and one list page against the floor: a bare Fastify + pg server on the
 * same database (bench/floor-server.ts: no auth, no schema, one plain query), same settings.
 */
async function againstFloor(
  server: BenchServer,
  env: Record<string, string>,
  headers: Record<string, string>,
  duration: number,
) {
  const connections = 4;
  const res = await fetch(`${server.url}/api/disputes?pageSize=100`, { headers });
  const ids = ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
  const listPaths = Array.from({ length: 50 }, (_, i) => `stage=performed&page=${i + 1}&pageSize=20`);
  const readPaths = ids.map((id) => `/api/disputes/${id}`);
  // One connection: the server time of a read on its own (what a user waits for); then under load.
  console.log(
    `case read (GET /api/disputes/:id, ${ids.length} cases, 1 connection): ${line(await measure(server.url, readPaths, headers, 1, duration))}`,
  );
  const app = {
    read: await measure(server.url, readPaths, headers, connections, duration),
    list: await measure(
      server.url,
      listPaths.map((q) => `/api/disputes?${q}`),
      headers,
      connections,
      duration,
    ),
  };
  console.log(`case read (GET /api/disputes/:id, ${ids.length} cases, ${connections} connections): ${line(app.read)}`);
  console.log(`case list page (stage=performed, pages 1-50, ${connections} connections): ${line(app.list)}`);
  if (!env.DATABASE_URL) {
    console.log('floor: skipped (PGlite; run on PostgreSQL with TEST_DATABASE_URL for the ratios)');
    return;
  }
  const floorServer = await startServer({ DATABASE_URL: env.DATABASE_URL }, 'bench/floor-server.ts');
  try {
    console.log(
      `floor case read (1 connection): ${line(
        await measure(
          floorServer.url,
          ids.map((id) => `/case/${id}`),
          {},
          1,
          duration,
        ),
      )}`,
    );
    const floor = {
      read: await measure(
        floorServer.url,
        ids.map((id) => `/case/${id}`),
        {},
        connections,
        duration,
      ),
      list: await measure(
        floorServer.url,
        listPaths.map((q) => `/list?${q}`),
        {},
        connections,
        duration,
      ),
    };
    console.log(`floor case read (bare Fastify + pg, select * by id, ${connections} connections): ${line(floor.read)}`);
    console.log(`floor list page (bare Fastify + pg, one query, ${connections} connections): ${line(floor.list)}`);
    const ratio = (a: Measured, f: Measured) =>
      `req/s app/floor ${(a.rps / f.rps).toFixed(2)} (floor ${(f.rps / a.rps).toFixed(1)}× the app), server p50 app/floor ${(a.p50 / Math.max(f.p50, 0.05)).toFixed(1)}`;
    console.log(`ratio case read: ${ratio(app.read, floor.read)}`);
    console.log(`ratio case list: ${ratio(app.list, floor.list)}`);
  } finally {
    await floorServer.stop();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Loads the data set straight into the database the server will use (same code as `npm start`). */
async function load(env: Record<string, string>, cases: number, eventsPerCase: number, openCases: number) {
  const config = loadConfig({ ...process.env, ...env });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? null : `${config.dataDir}/pg`,
  });
  await database.migrate();
  const deps: Deps = {
    db: database.db,
    config,
    cipher: new FieldCipher(resolveMasterKey(undefined, config.dataDir)),
    logger: pino({ level: 'warn' }),
    now: () => new Date(),
  };
  await ensureReferenceData(deps);
  const data = generateDemo(1);
  const ids = await writeDemo(deps, data);
  const t0 = Date.now();
  let last = 0;
  await writeHistory(
    deps,
    historyRefs(data, ids),
    { count: cases, from: '2016-01-01', to: '2025-12-31', settledTotalFen: 0, seed: 'bench', eventsPerCase },
    (done) => {
      if (done - last >= 10_000 || done === cases) {
        last = done;
        console.log(`  loaded ${done} cases (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      }
    },
  );
  // Open cases ready for a repeatable transition: employer contacted today, contact attempts go on.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let state = newCase({ kind: 'court_pre_filing', appliedOn: today, acceptedOn: today });
  for (const [action, payload] of [
    ['start_consultation', {}],
    ['contact_employer', { channel: 'phone', reached: true }],
  ] as const) {
    const r = transition(state, action, payload, today, { role: 'mediator' });
    if (!r.ok) throw new Error(r.message);
    state = r.state;
  }
  const [someCase] = await deps.db.select().from(disputeCases).limit(1);
  const rows = Array.from({ length: openCases }, (_, i) => ({
    ...someCase!,
    id: undefined as unknown as string,
    caseNumber: `BENCH-${i}`,
    stage: 'employer_contacted',
    record: { state },
    appliedOn: today,
    acceptedOn: today,
    closedOn: null,
    closedReason: null,
    agreementEffectiveOn: null,
    settledFen: null,
    nextDueOn: today,
  }));
  const openIds: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await deps.db
      .insert(disputeCases)
      .values(rows.slice(i, i + 500).map(({ id: _id, ...r }) => r))
      .returning({ id: disputeCases.id });
    openIds.push(...inserted.map((r) => r.id));
  }
  // What autovacuum would do after a bulk load in production: fresh planner statistics.
  await deps.db.execute(sql`analyze`);
  console.log(
    `loaded ${cases} cases with about ${cases * eventsPerCase} events and ${openCases} open cases in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  await database.close();
  return openIds;
}

async function benchCaseIds(env: Record<string, string>): Promise<string[]> {
  const database = await openDatabase({ url: env.DATABASE_URL });
  const rows = await database.db
    .select({ id: disputeCases.id, version: disputeCases.version })
    .from(disputeCases)
    .where(sql`${disputeCases.caseNumber} like 'BENCH-%'`);
  await database.close();
  for (const r of rows) versions.set(r.id, r.version);
  return rows.map((r) => r.id);
}

/** Every action names the version it was decided on; the bench keeps each case's latest. */
const versions = new Map<string, number>();

export async function disputesScenario(opts: { smoke: boolean; pgUrl: string | undefined }) {
  const cases = opts.smoke ? 2_000 : 100_000;
  const { env, cleanup } = await freshEnv(opts.pgUrl);
  try {
    // BENCH_REUSE_DB=name measures again on a database kept by an earlier BENCH_KEEP_DB run.
    const openIds = process.env.BENCH_REUSE_DB
      ? await benchCaseIds(env)
      : await load(env, cases, 10, opts.smoke ? 300 : 5_000);
    const server = await startServer({ ...env, DISPUTE_CLOCKS_CRON: 'off' });
    try {
      const headers = await login(server.url, 'zs_mediator', 'Yizhan2026');
      const duration = opts.smoke ? 3 : 20;
      await againstFloor(server, env, headers, duration);
      const pages = [
        'stage=performed',
        'stage=closed_failed',
        'from=2020-01-01&to=2020-12-31',
        'sector=construction',
        'open=true',
        'q=%E7%B2%A4%E4%B8%AD%E5%B7%A5%E8%B0%83%E3%80%942019%E3%80%95000123%E5%8F%B7',
      ];
      for (const connections of [1, 4, 8]) {
        const serverTimes: number[] = [];
        let k = 0;
        const list = await autocannon({
          url: server.url,
          connections,
          duration,
          headers,
          requests: [
            {
              method: 'GET',
              setupRequest: (req) => ({
                ...req,
                path: `/api/disputes?${pages[k++ % pages.length]}&page=${1 + (k % 50)}&pageSize=20`,
              }),
              onResponse: (_status, _body, _ctx, resHeaders) => {
                const m = /dur=([\d.]+)/.exec(String(resHeaders?.['server-timing'] ?? ''));
                if (m) serverTimes.push(Number(m[1]));
              },
            },
          ],
        });
        console.log(
          `case list (filtered, paged; ${cases} cases; ${connections} connection${connections > 1 ? 's' : ''}): ${list.requests.average.toFixed(0)} req/s, server p50 ${percentile(serverTimes, 50).toFixed(1)} ms, server p95 ${percentile(serverTimes, 95).toFixed(1)} ms, client p97.5 ${list.latency.p97_5} ms, non-2xx ${list.non2xx}`,
        );
      }
      let n = 0;
      const actionTimes: number[] = [];
      const actions = await autocannon({
        url: server.url,
        connections: Number(process.env.BENCH_ACTION_CONNECTIONS ?? 16),
        duration,
        headers,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const id = openIds[n++ % openIds.length]!;
              return {
                ...req,
                path: `/api/disputes/${id}/actions?view=none`,
                body: JSON.stringify({
                  action: 'contact_employer',
                  payload: { channel: 'phone', reached: true },
                  version: versions.get(id) ?? 1,
                }),
              };
            },
            onResponse: (status, body, _ctx, resHeaders) => {
              if (status === 200) {
                const r = JSON.parse(body) as { id: string; version: number };
                versions.set(r.id, r.version);
              }
              const m = /dur=([\d.]+)/.exec(String(resHeaders?.['server-timing'] ?? ''));
              if (m) actionTimes.push(Number(m[1]));
            },
          },
        ],
      });
      console.log(
        `case transitions (state machine + event + audit in one transaction): ${actions.requests.average.toFixed(0)} transitions/s, server p50 ${percentile(actionTimes, 50).toFixed(1)} ms, p95 ${percentile(actionTimes, 95).toFixed(1)} ms, non-2xx ${actions.non2xx}, errors ${actions.errors}`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}
