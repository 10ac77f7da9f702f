import autocannon from 'autocannon';
import { disputesScenario } from './disputes.js';
import { dispatchScenario } from './dispatch.js';
import { feeRefundsScenario } from './fee-refunds.js';
import { feeStatsScenario } from './fee-stats.js';
import { importScenario } from './import.js';
import { membershipInsuranceScenario } from './membership-insurance.js';
import { membershipScenario } from './membership.js';
import { stationsScenario } from './stations.js';
import { freshEnv, login, runScript, startServer } from './harness.js';

// npm run bench [-- --smoke] [-- --scenario people]
// Full runs use PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL); --smoke runs small and short.
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? undefined;

async function load(name: string, opts: autocannon.Options) {
  const result = await autocannon({ connections: 10, duration: smoke ? 3 : 15, ...opts });
  const line = `${name}: ${result.requests.average.toFixed(0)} req/s, latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`;
  console.log(line);
  return { result, line };
}

async function peopleScenario() {
  const scale = smoke ? 0.2 : 20;
  const { env, cleanup } = await freshEnv(pgUrl);
  try {
    const t0 = Date.now();
    runScript('server/seed/cli.ts', ['--scale', String(scale)], env);
    console.log(
      `seeded demo scale ${scale} in ${((Date.now() - t0) / 1000).toFixed(1)} s on ${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
    );
    const server = await startServer(env);
    try {
      const headers = await login(server.url, 'zs_union', 'Yizhan2026');
      await load('people list (scoped, paged, name search)', {
        url: `${server.url}/api/people?q=%E9%99%88&pageSize=20`,
        headers,
      });
      await load('employers list (scoped, paged)', { url: `${server.url}/api/employers?page=3&pageSize=20`, headers });
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}

const scenarios: Record<string, () => Promise<void>> = {
  people: peopleScenario,
  disputes: () => disputesScenario({ smoke, pgUrl }),
  dispatch: () => dispatchScenario({ smoke, pgUrl }),
  import: () => importScenario({ smoke, pgUrl }),
  'fee-refunds': () => feeRefundsScenario({ smoke, pgUrl }),
  'fee-stats': () => feeStatsScenario({ smoke, pgUrl }),
  stations: () => stationsScenario({ smoke, pgUrl }),
  'membership-insurance': () => membershipInsuranceScenario({ smoke, pgUrl }),
  membership: () => membershipScenario({ smoke, pgUrl }),
};
const pick = args.includes('--scenario') ? [args[args.indexOf('--scenario') + 1]!] : Object.keys(scenarios);
for (const name of pick) {
  const run = scenarios[name];
  if (!run) throw new Error(`unknown scenario ${name}`);
  await run();
}
