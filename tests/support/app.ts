import crypto from 'node:crypto';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { FieldCipher } from '../../server/core/crypto.js';
import type { Deps } from '../../server/core/deps.js';
import { openDatabase, type Database } from '../../server/db/client.js';
import { generateDemo } from '../../server/seed/demo-data.js';
import { writeDemo } from '../../server/seed/demo.js';
import { ensureReferenceData } from '../../server/seed/reference.js';
import { jobDefinitions } from '../../server/modules/jobs/registry.js';
import { JobRunner, type AnyJobDefinition } from '../../server/modules/jobs/runner.js';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  /** Ids of the demo rows by their generator keys. */
  ids: Awaited<ReturnType<typeof writeDemo>> | null;
  clock: { now: Date };
  /** The app's job runner (pg-boss on the test database); `jobs.idle()` waits for queued work. */
  jobs: JobRunner;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the server named by TEST_DATABASE_URL (dropped again on close).
 */
async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { database: await openDatabase({ dataDir: null }), drop: async () => {} };
  const name = `yz_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString() });
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * serveWeb: serve the built web app from web/dist (browser tests), or from `webDist`; off by default.
 * logTo: a stream that receives the app's log lines (level info), for tests of what gets logged.
 */
export async function createTestApp(
  opts: {
    demoScale?: number | null;
    env?: Record<string, string>;
    serveWeb?: boolean;
    webDist?: string;
    logTo?: Writable;
    /** Extra job definitions (tests of the queue itself), and whether to run cron schedules (off by default). */
    jobs?: { definitions?: AnyJobDefinition[]; schedule?: boolean; cronMonitorIntervalSeconds?: number };
  } = {},
): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  await database.migrate();
  const clock = { now: new Date() };
  const config = loadConfig({ YIZHAN_DATA_DIR: '/nonexistent-test-data', LOG_LEVEL: 'silent', ...opts.env });
  const deps: Deps = {
    db: database.db,
    cipher: new FieldCipher(crypto.randomBytes(32)),
    config: {
      ...config,
      webDist: opts.webDist ?? (opts.serveWeb ? path.resolve('web/dist') : '/nonexistent-web-dist'),
    },
    logger: opts.logTo ? pino({ level: 'info' }, opts.logTo) : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    now: () => clock.now,
  };
  // Polls fast so that a test waits little for a retry; a send on this app wakes its queue at once.
  const jobs = new JobRunner(deps, database, [...jobDefinitions(deps.config), ...(opts.jobs?.definitions ?? [])], {
    pollingIntervalMs: 200,
    schedule: opts.jobs?.schedule ?? false,
    stopTimeoutMs: 2000,
    progressThrottleMs: 50,
    cronMonitorIntervalSeconds: opts.jobs?.cronMonitorIntervalSeconds,
    cronWorkerIntervalSeconds: opts.jobs?.schedule ? 1 : undefined,
  });
  deps.jobs = jobs;
  await jobs.start();
  await ensureReferenceData(deps);
  const scale = opts.demoScale === undefined ? 0.05 : opts.demoScale;
  const ids = scale === null ? null : await writeDemo(deps, generateDemo(scale));
  const app = await buildApp(deps, { serveWeb: opts.serveWeb ?? !!opts.webDist });
  await app.ready();
  return {
    app,
    deps,
    database,
    ids,
    clock,
    jobs,
    async close() {
      await app.close();
      await jobs.stop();
      await database.close();
      await drop();
    },
  };
}

export interface Agent {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  csrfToken: string | null;
  cookie: string | null;
}

/** An HTTP client that keeps the session cookie and sends the CSRF token like the web app. */
export function agent(app: FastifyInstance): Agent {
  const a: Agent = {
    csrfToken: null,
    cookie: null,
    request(opts) {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
      if (a.cookie) headers.cookie = a.cookie;
      if (a.csrfToken && opts.method && opts.method !== 'GET') headers['x-csrf-token'] ??= a.csrfToken;
      return app.inject({ ...opts, headers });
    },
    get: (url) => a.request({ method: 'GET', url }),
    post: (url, payload) => a.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => a.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
  };
  return a;
}

export const DEMO_PASSWORD = 'Yizhan2026';

let loginCounter = 1;

export async function loginAs(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Agent> {
  const a = agent(app);
  // Each simulated user comes from its own address, as real users do, so the per-address
  // login rate limit does not trip across a test file.
  const remoteAddress = `10.${(loginCounter >> 16) & 255}.${(loginCounter >> 8) & 255}.${loginCounter++ & 255}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'yz_session');
  a.cookie = `yz_session=${setCookie!.value}`;
  a.csrfToken = res.json().csrfToken;
  return a;
}
