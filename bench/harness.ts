import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A server under test in its own process, on a fresh database (PGlite folder or PostgreSQL). */
export interface BenchServer {
  url: string;
  /** The server's process, to read its memory (/proc/<pid>/status). */
  pid: number;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function freshEnv(
  usePostgres: string | undefined,
): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-'));
  const env: Record<string, string> = {
    YIZHAN_DATA_DIR: dataDir,
    YIZHAN_DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
  };
  let dropDb = async () => {};
  if (usePostgres) {
    // BENCH_KEEP_DB=name keeps the loaded database for EXPLAIN sessions (it must not exist yet).
    const name =
      process.env.BENCH_REUSE_DB ?? process.env.BENCH_KEEP_DB ?? `yz_bench_${crypto.randomBytes(4).toString('hex')}`;
    if (!process.env.BENCH_REUSE_DB) {
      const admin = new pg.Client({ connectionString: usePostgres });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
    }
    const url = new URL(usePostgres);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    if (process.env.BENCH_KEEP_DB || process.env.BENCH_REUSE_DB) dropDb = async () => {};
    else
      dropDb = async () => {
        const c = new pg.Client({ connectionString: usePostgres });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
  }
  return {
    env,
    cleanup: async () => {
      await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function runScript(script: string, args: string[], env: Record<string, string>): void {
  const res = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`${script} failed with ${res.status}`);
}

export async function startServer(env: Record<string, string>, script = 'server/main.ts'): Promise<BenchServer> {
  // BENCH_CPU_PROF_DIR: the server writes a V8 CPU profile there when it stops (open it in
  // Chrome's DevTools); NODE_OPTIONS may not carry --cpu-prof.
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/ready at (http:\/\/(?:localhost|127\.0\.0\.1):\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  // A server dying under load says why (its last words), not only the client's ECONNRESET.
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM')
      console.error(`server exited ${code ?? signal} during the bench:\n${output.slice(-4000)}`);
  });
  return {
    url,
    pid: child.pid!,
    env,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function login(url: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed ${res.status}`);
  const me = (await res.json()) as { csrfToken: string };
  return {
    cookie: res.headers.get('set-cookie')!.split(';')[0]!,
    'x-csrf-token': me.csrfToken,
    'content-type': 'application/json',
  };
}
