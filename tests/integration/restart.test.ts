import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildResidentId } from '../../server/core/identifiers/resident-id.js';

// Starts the real server process on the embedded database twice over one data folder.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-restart-'));
let child: ChildProcess | null = null;

async function startServer(): Promise<{ url: string; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      YIZHAN_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/ready at (http:\/\/localhost:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!.replace('localhost', '127.0.0.1'), output });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function stopServer() {
  if (!child) return;
  const proc = child;
  child = null;
  if (proc.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

async function login(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Yizhan2026' }),
  });
  expect(res.status).toBe(200);
  const me = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' } };
}

afterAll(async () => {
  await stopServer();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('restart on the embedded database', () => {
  it('keeps data, the encryption key and the demo set across a restart', async () => {
    const first = await startServer();
    expect(first.output).toContain('demo data loaded');
    expect(first.output).toContain('zs_mediator');
    const admin = await login(first.url, 'admin');
    const residentId = buildResidentId({ regionCode: '442000', birthDate: '1990-03-07', sequence: 1 });
    const created = await fetch(`${first.url}/api/people`, {
      method: 'POST',
      headers: admin.headers,
      body: JSON.stringify({ name: '重启测试', regionCode: '442000', residentId }),
    });
    expect(created.status, await created.clone().text()).toBe(200);
    const personId = ((await created.json()) as { id: string }).id;
    await stopServer();

    const second = await startServer();
    expect(second.output).not.toContain('demo data loaded');
    const again = await login(second.url, 'admin');
    const person = await fetch(`${second.url}/api/people/${personId}`, { headers: again.headers });
    expect(person.status).toBe(200);
    expect(((await person.json()) as { name: string }).name).toBe('重启测试');
    const revealed = await fetch(`${second.url}/api/people/${personId}/reveal-resident-id`, {
      method: 'POST',
      headers: again.headers,
    });
    expect(revealed.status).toBe(200);
    expect(((await revealed.json()) as { residentId: string }).residentId).toBe(residentId);
    const employers = await fetch(`${second.url}/api/employers?pageSize=1`, { headers: again.headers });
    // The demo's employers: 421 of the disputes' story and the register, and Jiangsu's 300 fee-refund enterprises.
    expect(((await employers.json()) as { total: number }).total).toBe(721);
    await stopServer();
  }, 120_000); // two real starts of the server process, each with a full migration check
});
