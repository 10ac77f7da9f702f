import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// The real server process: ready once its database, migrations and job runner are; on SIGTERM it
// stops taking requests, stops the runner, closes the database and exits 0. On the embedded
// database by default, on a fresh PostgreSQL database when TEST_DATABASE_URL is set.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-shutdown-'));
const pgName = `yz_test_${crypto.randomBytes(6).toString('hex')}`;
const pgUrl = process.env.TEST_DATABASE_URL;

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(text);
  await c.end();
}

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (pgUrl) await adminQuery(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
});

describe('the server process', () => {
  it('is ready with its job runner, and exits 0 on SIGTERM', async () => {
    let databaseUrl = '';
    if (pgUrl) {
      await adminQuery(`CREATE DATABASE ${pgName}`);
      const url = new URL(pgUrl);
      url.pathname = `/${pgName}`;
      databaseUrl = url.toString();
    }
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        YIZHAN_DATA_DIR: dataDir,
        YIZHAN_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        DATABASE_URL: databaseUrl,
        JOBS_STOP_TIMEOUT_SECONDS: '5',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /ready at http:\/\/localhost:(\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${m[1]}`);
        }
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', onData);
      void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, migrations: 'current', jobs: 'running' });

    const stopped = Date.now();
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(10_000);
    expect(output).not.toMatch(/Shutdown incomplete|unhandled/i);
  }, 120_000);
});
