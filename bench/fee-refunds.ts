import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { writeFeeData, type FeeDataFiles } from './fee-refunds-data.js';
import { freshEnv, login, runScript, startServer, type BenchServer } from './harness.js';

// The fee-refund year end to end through the HTTP API: the three imports, twelve monthly runs,
// every batch submitted, approved and its pain.001 downloaded, next to PostgreSQL's own floor
// (a plain COPY of the tax file and a plain GROUP BY over it); then a city on PGlite.
//   npm run bench -- --scenario fee-refunds            280,000 enterprises (3.36 m collections) on
//                                                      PostgreSQL, then a 30,000-enterprise city on PGlite
//   npm run bench -- --scenario fee-refunds --smoke    1,000 enterprises (PostgreSQL when set), 500 on PGlite
// BENCH_FEE_ENTERPRISES and BENCH_FEE_CITY override the two sizes; BENCH_FEE_SKIP_PG=true or
// BENCH_FEE_SKIP_PGLITE=true leaves one part out; BENCH_FEE_TAX_ONLY=true measures the tax import
// alone (no registry, bank credits, runs or files: the tax rows need only the regions).

const PASSWORD = 'Bench-fees-2026';
/** Jiangsu's small and micro enterprises of the issue's targets (278,500 in the seed, rounded). */
const JIANGSU = 280_000;
/** The issue's city on PGlite. */
const CITY = 30_000;
const MONTHS = [...Array.from({ length: 11 }, (_, i) => `2024-${String(i + 2).padStart(2, '0')}`), '2025-01'];

type Headers = Record<string, string>;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const since = (t0: number) => (performance.now() - t0) / 1000;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const TAX_ONLY = process.env.BENCH_FEE_TAX_ONLY === 'true';
/**
 * How far the server's RSS may rise above its idle size while the tax file streams in, on
 * PostgreSQL (issue 12: memory stays flat). Measured about 80–90 MB at 1/100, 1/10 and 3/10 of
 * Jiangsu; 300 MB before the import's batches, the cell readings kept and V8's heap growth were
 * bounded. The smoke run fails above it; at the smoke's 2 MB file that only catches a file held
 * whole, so run it with BENCH_FEE_ENTERPRISES=28000 (64 MB) to see the heap's growth. PGlite's
 * WASM heap comes on top (its line has no verdict).
 */
const TAX_RISE_BOUND = 150 * 1024 * 1024;

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets the kernel's high-water mark (Linux: "5" to clear_refs), so VmHWM is this step's. */
function resetHwm(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function call(url: string, headers: Headers, method: string, body?: unknown): Promise<Response> {
  const { 'content-type': json, ...auth } = headers;
  const init = {
    method,
    headers: body === undefined ? auth : { ...auth, 'content-type': json! },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  // A poll may meet a kept-alive socket the busy server has just closed (ECONNRESET): ask again.
  const res = await fetch(url, init).catch((err: unknown) => {
    if (method !== 'GET') throw err;
    return fetch(url, init);
  });
  if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res;
}

/** Uploads a file of the kind, waits for its job; answers the accepted rows. */
async function imported(server: BenchServer, headers: Headers, kind: string, file: string): Promise<number> {
  const { 'content-type': _json, ...auth } = headers;
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', await fs.openAsBlob(file), path.basename(file));
  const res = await fetch(`${server.url}/api/fee-refunds/imports`, { method: 'POST', headers: auth, body: form });
  if (res.status !== 200) throw new Error(`upload ${kind} ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const state = (await (await call(`${server.url}/api/fee-refunds/imports/${id}`, headers, 'GET')).json()) as {
      status: string;
      rowsAccepted: number;
      rowsRejected: number;
      errors: unknown[];
    };
    if (state.status !== 'running') {
      if (state.status !== 'committed' || state.rowsRejected > 0)
        throw new Error(`${kind} import ${state.status}: ${JSON.stringify(state.errors.slice(0, 3))}`);
      return state.rowsAccepted;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function newStaff(server: BenchServer, admin: Headers, username: string): Promise<Headers> {
  await call(`${server.url}/api/accounts`, admin, 'POST', {
    username,
    password: PASSWORD,
    displayName: `测试${username}`,
    roles: ['union_staff'],
    regionCode: '320000',
  });
  return login(server.url, username, PASSWORD);
}

interface YearFigures {
  registry: number;
  tax: number;
  taxRows: number;
  bank: number;
  runs: number;
  files: number;
  /** Of `files`: the payment files asked for and read whole. */
  downloads: number;
  lines: number;
  batches: number;
  taxHwm: string;
  /** The peak RSS during the tax import less the idle RSS before it (bytes). */
  taxRise: number;
  biweekly: number | null;
  /** After the writes: the snapshot's refresh (what the job does) and the table read from it again. */
  refreshed: { refresh: number; snapshot: number; source: string | null } | null;
}

/** The whole year on a fresh server: imports, runs, approvals, payment files (and the biweekly table). */
async function year(env: Record<string, string>, data: FeeDataFiles): Promise<YearFigures> {
  // Before the server: an embedded data folder has one process at a time (admin-create migrates it).
  runScript('server/cli/admin-create.ts', ['--username', 'bench_admin'], { ...env, YIZHAN_ADMIN_PASSWORD: PASSWORD });
  const server = await startServer({ ...env, IMPORT_MAX_MB: '2000' });
  try {
    const admin = await login(server.url, 'bench_admin', PASSWORD);
    const maker = await newStaff(server, admin, 'bench_maker');
    const checker = await newStaff(server, admin, 'bench_checker');
    await call(`${server.url}/api/fee-refunds/paying-accounts/320000`, checker, 'PUT', {
      bankCode: '102301000011',
      accountNo: '3200000000000001',
      accountName: '江苏省总工会',
    });
    let t0 = performance.now();
    if (!TAX_ONLY) await imported(server, maker, 'enterprises', data.registry);
    const registry = since(t0);

    const idle = memoryOf(server.pid).rss;
    const hwmReset = resetHwm(server.pid);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(memoryOf(server.pid).rss), 200);
    t0 = performance.now();
    const taxRows = await imported(server, maker, 'tax', data.tax);
    const tax = since(t0);
    clearInterval(sampler);
    const mem = memoryOf(server.pid);
    const peak = Math.max(mem.rss, ...samples, hwmReset ? mem.hwm : 0);
    const fileSize = fs.statSync(data.tax).size;
    const taxHwm = `${hwmReset ? 'VmHWM' : 'VmHWM since start'} ${mb(mem.hwm)}, sampled peak ${mb(Math.max(mem.rss, ...samples))}; idle before ${mb(idle)}, rise ${mb(peak - idle)} for a ${mb(fileSize)} file`;
    const taxRise = peak - idle;

    if (TAX_ONLY)
      return {
        registry,
        tax,
        taxRows,
        bank: 0,
        runs: 0,
        files: 0,
        downloads: 0,
        lines: 0,
        batches: 0,
        taxHwm,
        taxRise,
        biweekly: null,
        refreshed: null,
      };
    t0 = performance.now();
    await imported(server, maker, 'bank_credits', data.bank);
    const bank = since(t0);

    let runs = 0;
    let files = 0;
    let downloads = 0;
    let lines = 0;
    let batches = 0;
    for (const month of MONTHS) {
      t0 = performance.now();
      const res = await call(`${server.url}/api/fee-refunds/runs`, maker, 'POST', { regionCode: '320000', month });
      const run = (await res.json()) as { paid: { lines: number }; batches: { id: string }[] } & Record<
        string,
        unknown
      >;
      runs += since(t0);
      t0 = performance.now();
      for (const batch of run.batches) {
        await call(`${server.url}/api/fee-refunds/batches/${batch.id}/submit`, maker, 'POST');
        await call(`${server.url}/api/fee-refunds/batches/${batch.id}/approve`, checker, 'POST');
        const t1 = performance.now();
        const file = await call(
          `${server.url}/api/fee-refunds/batches/${batch.id}/payment-file?format=pain.001`,
          maker,
          'GET',
        );
        const xml = await file.text();
        downloads += since(t1);
        lines += (xml.match(/<CdtTrfTxInf>/g) ?? []).length;
        batches++;
      }
      files += since(t0);
    }

    const biweeklyTable = async () => {
      const t1 = performance.now();
      const res = await fetch(`${server.url}/api/fee-refunds/stats/biweekly.xlsx?regionCode=320000&year=2024`, {
        headers: { cookie: maker.cookie! },
      });
      await res.arrayBuffer();
      if (res.status !== 200 && res.status !== 404) throw new Error(`biweekly table: ${res.status}`);
      return { secs: res.status === 200 ? since(t1) : null, source: res.headers.get('x-figures-source') };
    };
    // The first read after the writes answers live; the refresh job then keeps a snapshot (ADR 0006).
    const biweekly = (await biweeklyTable()).secs;
    let refreshed: YearFigures['refreshed'] = null;
    if (biweekly !== null) {
      t0 = performance.now();
      // The live read has queued the refresh job; while it runs, a second refresh answers "busy".
      for (;;) {
        const res = await call(`${server.url}/api/fee-refunds/stats/refresh`, admin, 'POST');
        if (((await res.json()) as { refreshed: boolean }).refreshed) break;
        if (since(t0) > 300) throw new Error('the statistics snapshot was not refreshed within 300 s');
        await new Promise((r) => setTimeout(r, 250));
      }
      const refresh = since(t0);
      const again = await biweeklyTable();
      refreshed = { refresh, snapshot: again.secs ?? 0, source: again.source };
    }
    return {
      registry,
      tax,
      taxRows,
      bank,
      runs,
      files,
      downloads,
      lines,
      batches,
      taxHwm,
      taxRise,
      biweekly,
      refreshed,
    };
  } finally {
    await server.stop();
  }
}

/** PostgreSQL's own floor: a plain COPY of the tax file into a scratch table, a plain GROUP BY over it. */
async function floor(url: string, file: string): Promise<{ copy: number; groupBy: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table bench_tax (uscc text, name text, period_from date, period_to date,
      wage_base numeric, rate numeric, paid numeric, ticket text, office text, treasury_date date, region text)`);
    let t0 = performance.now();
    await pipeline(
      fs.createReadStream(file),
      client.query(copyFrom('copy bench_tax from stdin with (format csv, header true)')),
    );
    const copy = since(t0);
    t0 = performance.now();
    await client.query(
      `select region, date_trunc('month', treasury_date) as month, sum(paid) from bench_tax group by 1, 2`,
    );
    const groupBy = since(t0);
    await client.query('drop table bench_tax');
    return { copy, groupBy };
  } finally {
    await client.end();
  }
}

/**
 * The floor of the runs' writes: the year's refund lines, ledger and payments, exactly as the runs
 * left them, copied by PostgreSQL itself (INSERT … SELECT, in id order as the runs write) into
 * tables with the same indexes and checks: once without foreign keys, once with the same ones.
 * No client, no parsing, no rules: what the database alone needs to store the year.
 */
async function writeFloor(url: string): Promise<{ plain: number[]; keyed: number[]; rows: number[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = [
    {
      name: 'fee_refund_lines',
      keys: ['run_id) references fee_refund_runs (id', 'region_code) references regions (code'],
    },
    {
      name: 'fee_refund_allocations',
      keys: [
        'collection_id) references fee_collections (id',
        'run_id) references fee_refund_runs (id',
        'line_id) references fee_refund_lines (id',
      ],
    },
    {
      name: 'fee_refund_payments',
      keys: ['line_id) references fee_refund_lines (id', 'batch_id) references fee_refund_batches (id'],
    },
  ];
  const copyAll = async (keyed: boolean) => {
    for (const t of tables) {
      await client.query(
        `create table bench_${t.name} (like ${t.name} including defaults including constraints including indexes)`,
      );
      if (keyed) for (const k of t.keys) await client.query(`alter table bench_${t.name} add foreign key (${k})`);
    }
    await client.query('checkpoint');
    const secs: number[] = [];
    for (const t of tables) {
      const t0 = performance.now();
      await client.query(`insert into bench_${t.name} select * from ${t.name} order by id`);
      secs.push(since(t0));
    }
    for (const t of tables) await client.query(`drop table bench_${t.name}`);
    return secs;
  };
  try {
    const rows: number[] = [];
    for (const t of tables)
      rows.push(Number((await client.query<{ n: string }>(`select count(*)::text as n from ${t.name}`)).rows[0]!.n));
    return { plain: await copyAll(false), keyed: await copyAll(true), rows };
  } finally {
    await client.end();
  }
}

async function withData<T>(enterprises: number, city: string | undefined, use: (d: FeeDataFiles) => Promise<T>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-fees-'));
  try {
    const t0 = performance.now();
    const data = await writeFeeData(dir, enterprises, city);
    console.log(
      `  data: ${data.enterprises} enterprises (${mb(data.bytes.registry)}), ${data.collections} collections (${mb(data.bytes.tax)}), ${data.credits} bank credits; written in ${since(t0).toFixed(1)} s`,
    );
    return await use(data);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresYear(pgUrl: string, enterprises: number, smoke: boolean) {
  console.log(`fee-refunds on PostgreSQL: ${enterprises} enterprises of Jiangsu`);
  await withData(enterprises, undefined, async (data) => {
    const { env, cleanup } = await freshEnv(pgUrl);
    try {
      const f = await year(env, data);
      const floorOf = await floor(env.DATABASE_URL!, data.tax);
      const rate = (secs: number) => Math.round(f.taxRows / secs);
      const x = (secs: number, base: number) => `${(secs / base).toFixed(1)}x the floor`;
      console.log(`  registry import: ${f.registry.toFixed(1)} s, ${Math.round(data.enterprises / f.registry)} rows/s`);
      console.log(
        `  tax import: ${f.tax.toFixed(1)} s, ${rate(f.tax)} rows/s (${x(f.tax, floorOf.copy)}) — target ≥ 100,000 rows/s: ${verdict(rate(f.tax) >= 100_000)}`,
      );
      const flat = f.taxRise <= TAX_RISE_BOUND;
      console.log(`    server memory while the tax file streams in: ${f.taxHwm}`);
      console.log(`    memory rise during the tax import ≤ ${mb(TAX_RISE_BOUND)}: ${verdict(flat)}`);
      if (smoke && !flat) throw new Error(`the tax import raised the server's RSS by ${mb(f.taxRise)}`);
      if (TAX_ONLY)
        return console.log(
          `  floor: plain COPY of the tax file ${floorOf.copy.toFixed(1)} s (${rate(floorOf.copy)} rows/s)`,
        );
      console.log(`  bank credits import: ${f.bank.toFixed(1)} s (${data.credits} rows)`);
      const runStep = f.runs + f.files;
      console.log(
        `  12 runs ${f.runs.toFixed(1)} s + ${f.batches} batches submitted, approved, pain.001 ${f.files.toFixed(1)} s (of which the downloads ${f.downloads.toFixed(1)} s) = ${runStep.toFixed(1)} s (${f.lines} payments; ${x(runStep, floorOf.groupBy)}) — target < 60 s for 280,000 enterprises: ${enterprises >= JIANGSU ? verdict(runStep < 60) : `${verdict((runStep * JIANGSU) / enterprises < 60)} (projected linearly: ${((runStep * JIANGSU) / enterprises).toFixed(0)} s)`}`,
      );
      const writes = await writeFloor(env.DATABASE_URL!);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const each = (xs: number[]) => xs.map((v) => v.toFixed(1)).join(' + ');
      console.log(
        `  floor of the runs' writes (lines + ledger + payments: ${writes.rows.join(' + ')} rows, INSERT … SELECT by PostgreSQL itself, same indexes and checks): without foreign keys ${each(writes.plain)} = ${sum(writes.plain).toFixed(1)} s, with the same ones ${each(writes.keyed)} = ${sum(writes.keyed).toFixed(1)} s; the runs and files take ${(runStep / sum(writes.keyed)).toFixed(1)}x the keyed floor`,
      );
      console.log(
        f.biweekly === null
          ? '  biweekly table: not on this branch (404), skipped'
          : `  biweekly table (all counties): right after the writes (live) ${f.biweekly.toFixed(2)} s; the snapshot's refresh ${f.refreshed!.refresh.toFixed(1)} s, then (${f.refreshed!.source}) ${f.refreshed!.snapshot.toFixed(2)} s — target < 1 s: ${verdict(f.refreshed!.snapshot < 1)}`,
      );
      console.log(
        `  floor: plain COPY of the tax file ${floorOf.copy.toFixed(1)} s (${rate(floorOf.copy)} rows/s), plain GROUP BY county, month ${floorOf.groupBy.toFixed(2)} s`,
      );
    } finally {
      await cleanup();
    }
  });
}

async function pgliteCity(enterprises: number) {
  console.log(`fee-refunds on PGlite: ${enterprises} enterprises of 苏州市`);
  await withData(enterprises, '苏州市', async (data) => {
    const { env, cleanup } = await freshEnv(undefined);
    try {
      const t0 = performance.now();
      const f = await year(env, data);
      const total = f.registry + f.tax + f.bank + f.runs + f.files;
      if (TAX_ONLY)
        return console.log(
          `  tax import ${f.tax.toFixed(1)} s (${Math.round(f.taxRows / f.tax)} rows/s); server memory: ${f.taxHwm}`,
        );
      console.log(
        `  imports ${f.registry.toFixed(1)} + ${f.tax.toFixed(1)} (${Math.round(f.taxRows / f.tax)} rows/s) + ${f.bank.toFixed(1)} s, runs ${f.runs.toFixed(1)} s, ${f.batches} batches approved and paid ${f.files.toFixed(1)} s`,
      );
      console.log(
        `  city end to end (imports + runs + files): ${total.toFixed(1)} s (with server start ${since(t0).toFixed(1)} s) — target < 60 s for ${CITY} enterprises: ${enterprises >= CITY ? verdict(total < 60) : `${verdict((total * CITY) / enterprises < 60)} (projected linearly: ${((total * CITY) / enterprises).toFixed(0)} s)`}`,
      );
      console.log(`    server memory while the tax file streams in: ${f.taxHwm}`);
    } finally {
      await cleanup();
    }
  });
}

export async function feeRefundsScenario(opts: { smoke: boolean; pgUrl: string | undefined }) {
  const province = Number(process.env.BENCH_FEE_ENTERPRISES ?? (opts.smoke ? 1_000 : JIANGSU));
  const city = Number(process.env.BENCH_FEE_CITY ?? (opts.smoke ? 500 : CITY));
  const skipPg = process.env.BENCH_FEE_SKIP_PG === 'true';
  if (!opts.smoke && !opts.pgUrl && !skipPg)
    throw new Error('the fee-refunds bench needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  if (opts.pgUrl && !skipPg) await postgresYear(opts.pgUrl, province, opts.smoke);
  if (process.env.BENCH_FEE_SKIP_PGLITE !== 'true') await pgliteCity(city);
}
