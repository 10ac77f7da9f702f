import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildResidentId } from '../server/core/identifiers/resident-id.js';
import { freshEnv, login, runScript, startServer } from './harness.js';

// The members' insurance file through the import pipeline, next to a plain COPY of the same rows:
//   npm run bench -- --scenario membership-insurance          200,000 rows on PostgreSQL
//   npm run bench -- --scenario membership-insurance --smoke  2,000 rows
// Two files: the first registers every worker (the people module's bulk path, with an audit
// record each) and their cover; the second is the next year's cover of the same workers (found by
// the hash of their IDs). The commit's rate is the figure of interest, as a ratio to the COPY.

const HEADERS = ['姓名', '身份证号', '手机号', '险种', '保险公司', '保单号', '起保日期', '终保日期', '所属区划代码'];
const REGION = '632801';
const SCHEMES = ['工伤保险', '职业伤害保障', '意外伤害保险'];

/** The n-th worker's row for a year's cover: IDs unique for n < 10,950,000 (30 years × 1,000). */
function coverLine(n: number, year: number): string {
  const day = new Date(Date.UTC(1970, 0, 1) + (n % 10_950) * 86_400_000).toISOString().slice(0, 10);
  const residentId = buildResidentId({ regionCode: REGION, birthDate: day, sequence: Math.floor(n / 10_950) });
  const phone = `139${String(n).padStart(8, '0')}`;
  return `骑手${n},${residentId},${phone},${SCHEMES[n % 3]},中国平安财产保险股份有限公司海西中心支公司,HX${year}${String(n).padStart(8, '0')},${year}-01-01,${year}-12-31,${REGION}\n`;
}

async function writeCsv(file: string, rows: number, year: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(HEADERS.join(',') + '\n');
  for (let n = 0; n < rows; n++)
    if (!out.write(coverLine(n, year))) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

type ImportState = { status: string; failure: unknown; inserted: number; rejectedRows: number };

async function waitFor(url: string, headers: Record<string, string>, id: string, until: string) {
  for (;;) {
    const res = await fetch(`${url}/api/imports/${id}`, { headers });
    const body = (await res.json()) as ImportState;
    if (body.status === until) return body;
    if (body.status === 'failed') throw new Error(`import failed: ${JSON.stringify(body.failure)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Upload, check and commit one file; the seconds of each step. */
async function importFile(url: string, auth: Record<string, string>, file: string, rows: number) {
  const form = new FormData();
  form.set('kind', 'membership-insurance');
  form.set('file', await fs.openAsBlob(file), path.basename(file));
  const t0 = performance.now();
  const res = await fetch(`${url}/api/imports`, { method: 'POST', headers: auth, body: form });
  if (res.status !== 200) throw new Error(`upload ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const checked = await waitFor(url, auth, id, 'validated');
  if (checked.rejectedRows) throw new Error(`${checked.rejectedRows} rows rejected`);
  const t1 = performance.now();
  const commit = await fetch(`${url}/api/imports/${id}/commit`, { method: 'POST', headers: auth });
  if (commit.status !== 200) throw new Error(`commit ${commit.status}: ${await commit.text()}`);
  const done = await waitFor(url, auth, id, 'committed');
  const t2 = performance.now();
  if (done.inserted !== rows) throw new Error(`expected ${rows} inserted, got ${done.inserted}`);
  return { check: (t1 - t0) / 1000, commit: (t2 - t1) / 1000 };
}

/** The same file into a scratch table by COPY: the floor the commit is measured against. */
async function plainCopy(pgUrl: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(`create table bench_insurance_copy (name text, resident_id text, phone text, scheme text,
      insurer text, policy_no text, starts_on date, ends_on date, region_code text)`);
    const t0 = performance.now();
    await pipeline(
      fs.createReadStream(file),
      client.query(copyFrom('copy bench_insurance_copy from stdin with (format csv, header true)')),
    );
    const seconds = (performance.now() - t0) / 1000;
    await client.query('drop table bench_insurance_copy');
    return seconds;
  } finally {
    await client.end();
  }
}

export async function membershipInsuranceScenario(opts: { smoke: boolean; pgUrl: string | undefined }) {
  const rows = Number(process.env.BENCH_INSURANCE_ROWS ?? (opts.smoke ? 2_000 : 200_000));
  if (!opts.smoke && !opts.pgUrl)
    throw new Error('the insurance bench needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-insurance-'));
  const { env, cleanup } = await freshEnv(opts.pgUrl);
  try {
    const first = path.join(dir, 'cover-2026.csv');
    const renewal = path.join(dir, 'cover-2027.csv');
    await writeCsv(first, rows, 2026);
    await writeCsv(renewal, rows, 2027);
    console.log(`membership-insurance: ${rows} rows a file, on ${opts.pgUrl ? 'PostgreSQL' : 'PGlite'}`);
    runScript('server/cli/admin-create.ts', ['--username', 'bench_admin'], {
      ...env,
      YIZHAN_ADMIN_PASSWORD: 'Bench-insurance-2026',
    });
    const server = await startServer({ ...env, IMPORT_MAX_MB: '1000' });
    try {
      const { 'content-type': _json, ...auth } = await login(server.url, 'bench_admin', 'Bench-insurance-2026');
      const rate = (secs: number) => `${Math.round(rows / secs).toLocaleString('en')} rows/s`;
      const a = await importFile(server.url, auth, first, rows);
      console.log(`  new workers: check ${a.check.toFixed(1)} s; commit ${a.commit.toFixed(2)} s, ${rate(a.commit)}`);
      const b = await importFile(server.url, auth, renewal, rows);
      console.log(
        `  registered workers: check ${b.check.toFixed(1)} s; commit ${b.commit.toFixed(2)} s, ${rate(b.commit)}`,
      );
      if (opts.pgUrl) {
        const copy = await plainCopy(env.DATABASE_URL!, first);
        console.log(`  plain COPY of the same rows: ${copy.toFixed(2)} s, ${rate(copy)}`);
        console.log(
          `  commit / COPY: ${(a.commit / copy).toFixed(1)}x the time (new workers), ${(b.commit / copy).toFixed(1)}x (registered)`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
