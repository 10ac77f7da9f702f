import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Process management for the several-instances tests: start an app instance as its own process
// (the compiled server when YIZHAN_TEST_COMPILED=1 and dist/ is built, else the sources through
// tsx), wait until it answers, stop it with SIGTERM, or kill it with SIGKILL mid-work.

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface Instance {
  name: string;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  /** SIGTERM (graceful shutdown), then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL at once: no shutdown code runs (a crash, an OOM kill, a pulled plug). */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

function command(): string[] {
  const compiled = path.join(ROOT, 'dist/server/main.js');
  if (process.env.YIZHAN_TEST_COMPILED === '1' && fs.existsSync(compiled)) return [compiled];
  return ['--import', 'tsx', path.join(ROOT, 'server/main.ts')];
}

/**
 * Starts one instance on a free port (PORT=0; the port is read from its "ready at" line) with
 * the given settings on top of quiet defaults, and resolves once GET /healthz answers 200.
 */
export async function startInstance(
  name: string,
  env: Record<string, string>,
  opts: { readyTimeoutMs?: number } = {},
): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `yizhan-${name}-`));
  const child: ChildProcess = spawn(process.execPath, command(), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      PORT: '0',
      YIZHAN_DATA_DIR: dataDir,
      YIZHAN_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      out += `\n[${name} exited: code ${code}, signal ${signal}]`;
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    });
  });
  const port = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /ready at http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    void exited.then(() => reject(new Error(`${name} exited before it was ready:\n${out}`)));
    setTimeout(() => reject(new Error(`${name} not ready in time:\n${out}`)), opts.readyTimeoutMs ?? 90_000).unref();
  });
  const instance: Instance = {
    name,
    url: '',
    pid: child.pid!,
    output: () => out,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    instance.url = `http://127.0.0.1:${await port}`;
    await waitHealthy(instance.url, 30_000);
  } catch (err) {
    await instance.kill();
    throw err;
  }
  return instance;
}

/** Waits for GET /healthz (alive) to answer 200. */
export async function waitHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}/healthz did not answer 200 in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A signed-in browser session against one instance: cookie and CSRF token, as the web app sends them. */
export interface Session {
  instance: Instance;
  get(pathname: string): Promise<Response>;
  post(pathname: string, body: unknown): Promise<Response>;
}

export async function login(instance: Instance, username: string, password: string): Promise<Session> {
  const res = await fetch(`${instance.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} on ${instance.name}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('yz_session='));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie: cookie!, 'x-csrf-token': csrfToken };
  return {
    instance,
    get: (pathname) => fetch(`${instance.url}${pathname}`, { headers }),
    post: (pathname, body) =>
      fetch(`${instance.url}${pathname}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

/** Tries a sign-in and answers the status and message (for the lockout). */
export async function tryLogin(instance: Instance, username: string, password: string) {
  const res = await fetch(`${instance.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { message?: string; messageEn?: string };
  return { status: res.status, message: body.message ?? '', messageEn: body.messageEn ?? '' };
}
