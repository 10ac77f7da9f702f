import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildUscc, USCC_CHARSET } from '../server/core/identifiers/uscc.js';
import { freshEnv, login, runScript, startServer } from './harness.js';

// The import pipeline on a large employer CSV, next to a plain COPY of the same file:
//   npm run bench -- --scenario import            1,000,000 rows on PostgreSQL (BENCH_/TEST_DATABASE_URL)
//   npm run bench -- --scenario import --smoke    5,000 rows (PGlite when no PostgreSQL URL is set)
// The server runs in its own process; its resident memory is sampled from /proc while it imports,
// and its high-water mark (VmHWM) read at the end.

/** The smoke's bound on checking its 5,000 rows (about 0.5–0.7 s on this machine). */
const SMOKE_CHECK_SECONDS = 4;

const HEADERS = ['统一社会信用代码', '单位名称', '行政区划代码', '行业代码', '联系人', '联系电话'];

/** The n-th employer: a USCC with correct check characters, unique for n < 31^7. */
function employerLine(n: number): string {
  let body = '';
  for (let v = n, i = 0; i < 7; i++, v = Math.floor(v / 31)) body = USCC_CHARSET[v % 31]! + body;
  const uscc = buildUscc({
    registrationAuthority: '9',
    entityType: '1',
    regionCode: '442000',
    orgCodeBody8: `B${body}`,
  });
  return `${uscc},中山市测试制造有限公司${n},442000,C13,联系人${n % 1000},139${String(n).padStart(8, '0')}\n`;
}

async function writeCsv(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write(HEADERS.join(',') + '\n');
  for (let n = 0; n < rows; n++) {
    if (!out.write(employerLine(n))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return fs.statSync(file).size;
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function waitFor(url: string, headers: Record<string, string>, id: string, until: string[]) {
  for (;;) {
    const res = await fetch(`${url}/api/imports/${id}`, { headers });
    const body = (await res.json()) as { status: string; failure: unknown; progress: number };
    if (until.includes(body.status)) return body;
    if (body.status === 'failed') throw new Error(`import failed: ${JSON.stringify(body.failure)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function plainCopy(pgUrl: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(`create table if not exists bench_copy (uscc text, name text, region_code text,
      industry_code text, contact_name text, contact_phone text)`);
    await client.query('truncate bench_copy');
    const t0 = performance.now();
    await pipeline(
      fs.createReadStream(file),
      client.query(copyFrom('copy bench_copy from stdin with (format csv, header true)')),
    );
    const seconds = (performance.now() - t0) / 1000;
    await client.query('drop table bench_copy');
    return seconds;
  } finally {
    await client.end();
  }
}

export async function importScenario(opts: { smoke: boolean; pgUrl: string | undefined }) {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? (opts.smoke ? 5_000 : 1_000_000));
  const pgUrl = opts.pgUrl;
  if (!opts.smoke && !pgUrl)
    throw new Error('the import bench needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-import-'));
  const file = path.join(dir, 'employers.csv');
  const { env, cleanup } = await freshEnv(pgUrl);
  try {
    const size = await writeCsv(file, rows);
    console.log(`import: ${rows} rows, ${mb(size)} CSV, on ${pgUrl ? 'PostgreSQL' : 'PGlite'}`);
    // Before the server: an embedded data folder has one process at a time (admin-create migrates it).
    runScript('server/cli/admin-create.ts', ['--username', 'bench_admin'], {
      ...env,
      YIZHAN_ADMIN_PASSWORD: 'Bench-import-2026',
    });
    const server = await startServer({ ...env, IMPORT_MAX_MB: '1000' });
    const samples: number[] = [];
    try {
      const headers = await login(server.url, 'bench_admin', 'Bench-import-2026');
      const { 'content-type': _json, ...auth } = headers;
      const before = memoryOf(server.pid);
      const sampler = setInterval(() => samples.push(memoryOf(server.pid).rss), 200);
      const form = new FormData();
      form.set('kind', 'employers');
      form.set('file', await fs.openAsBlob(file), 'employers.csv');
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/imports`, { method: 'POST', headers: auth, body: form });
      if (res.status !== 200) throw new Error(`upload ${res.status}: ${await res.text()}`);
      const { id } = (await res.json()) as { id: string };
      const t1 = performance.now();
      const checked = await waitFor(server.url, auth, id, ['validated']);
      const t2 = performance.now();
      await fetch(`${server.url}/api/imports/${id}/commit`, { method: 'POST', headers: auth });
      const done = (await waitFor(server.url, auth, id, ['committed'])) as unknown as { inserted: number };
      const t3 = performance.now();
      clearInterval(sampler);
      const after = memoryOf(server.pid);
      if (done.inserted !== rows) throw new Error(`expected ${rows} inserted, got ${done.inserted}`);
      void checked;
      const s = (a: number, b: number) => (b - a) / 1000;
      const total = s(t0, t3);
      const rate = (secs: number) => `${Math.round(rows / secs)} rows/s`;
      console.log(
        `  upload ${s(t0, t1).toFixed(1)} s, check ${s(t1, t2).toFixed(1)} s, commit ${s(t2, t3).toFixed(1)} s`,
      );
      console.log(`  pipeline (upload + check + commit): ${total.toFixed(1)} s, ${rate(total)}`);
      // The check of a small file once took 9.6 s (a nested-loop plan on fresh rows; see
      // importRepo.markDuplicates): the smoke fails when the check is that slow again.
      if (opts.smoke && s(t1, t2) > SMOKE_CHECK_SECONDS)
        throw new Error(
          `the check of ${rows} rows took ${s(t1, t2).toFixed(1)} s (smoke bound ${SMOKE_CHECK_SECONDS} s)`,
        );
      console.log(
        `  app memory: ${mb(before.rss)} before, peak ${mb(Math.max(...samples, after.rss))} sampled, VmHWM ${mb(after.hwm)}`,
      );
      if (pgUrl) {
        const copySeconds = await plainCopy(env.DATABASE_URL!, file);
        console.log(`  plain COPY of the same file: ${copySeconds.toFixed(1)} s, ${rate(copySeconds)}`);
        console.log(`  ratio pipeline / COPY: ${(total / copySeconds).toFixed(1)}x the time`);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
