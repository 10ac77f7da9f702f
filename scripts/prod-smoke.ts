// CI, after `npm run build`: the compiled server runs with plain Node (no tsx) on a fresh data
// folder. Checks readiness, the session probe, the hint for the first administrator, the lock on
// the data folder, and that an administrator made with the compiled CLI can sign in.
//   npx tsx scripts/prod-smoke.ts
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-prod-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  YIZHAN_DATA_DIR: dataDir,
  DATABASE_URL: '',
  YIZHAN_DEMO_DATA: 'false',
  DISPUTE_CLOCKS_CRON: 'off',
  LOG_LEVEL: 'warn',
};
const started: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as net.AddressInfo;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

function check(ok: boolean, what: string, detail = ''): void {
  if (!ok) throw new Error(`FAILED: ${what}${detail ? `\n${detail}` : ''}`);
  console.log(`  ok  ${what}`);
}

/** Starts `node dist/server/main.js`; resolves with its output once ready, or once it exits. */
function startServer(): Promise<{ proc: ChildProcess; output: string; exitCode: number | null }> {
  const proc = spawn(process.execPath, ['dist/server/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(proc);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready at http/.test(output)) {
        clearTimeout(timer);
        resolve({ proc, output, exitCode: null });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ proc, output, exitCode: code });
    });
  });
}

function stop(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => {
    proc.once('exit', (code) => resolve(code));
    proc.kill('SIGTERM');
  });
}

try {
  const t0 = Date.now();
  const first = await startServer();
  check(first.exitCode === null, 'node dist/server/main.js starts without tsx', first.output);
  check(
    first.output.includes('node dist/server/cli/admin-create.js --username'),
    'an empty database without demo data says how to create the first administrator',
    first.output,
  );
  const ready = await fetch(`${base}/readyz`);
  check(ready.status === 200, '/readyz answers 200', await ready.text());
  check((await fetch(`${base}/healthz`)).status === 200, '/healthz answers 200');
  const me = await fetch(`${base}/api/auth/me`);
  check(me.status === 401, '/api/auth/me answers 401 without a session');
  check(
    me.headers.get('cache-control') === 'no-store' && !!me.headers.get('content-security-policy'),
    'API answers carry no-store and a CSP',
  );

  const second = await startServer();
  check(
    second.exitCode === 1 &&
      second.output.includes('is in use by another Yizhan process') &&
      second.output.includes(`pid ${first.proc.pid}`),
    'a second process on the same data folder is refused, naming the holder',
    second.output,
  );

  check((await stop(first.proc)) === 0, 'stops cleanly on SIGTERM');
  check(!fs.existsSync(path.join(dataDir, 'pg.lock')), 'the data folder lock is released on exit');

  const create = spawnSync(
    process.execPath,
    ['dist/server/cli/admin-create.js', '--username', 'ops_admin', '--display-name', '运维管理员'],
    { env: { ...env, YIZHAN_ADMIN_PASSWORD: 'Smoke2026check' }, encoding: 'utf8' },
  );
  check(
    create.status === 0 && create.stdout.includes('ops_admin'),
    'the compiled admin:create makes an administrator',
    create.stdout + create.stderr,
  );

  const third = await startServer();
  check(third.exitCode === null, 'starts again on the same folder', third.output);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ops_admin', password: 'Smoke2026check' }),
  });
  const body = (await login.json()) as { roles?: string[] };
  check(
    login.status === 200 && !!body.roles?.includes('system_admin'),
    'the new administrator signs in',
    JSON.stringify(body),
  );
  await stop(third.proc);
  console.log(`production build smoke test passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} finally {
  for (const p of started) if (p.exitCode === null) p.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
