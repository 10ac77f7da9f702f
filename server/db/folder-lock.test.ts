import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { DataFolderInUseError, lockDataFolder } from './folder-lock.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-lock-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('one process per embedded data folder', () => {
  it('refuses a second open of the same folder, naming the folder and the holding pid in Chinese and English', async () => {
    const folder = path.join(root, 'pg');
    const first = await openDatabase({ dataDir: folder });
    try {
      const second = openDatabase({ dataDir: folder });
      await expect(second).rejects.toThrow(DataFolderInUseError);
      const message = await second.catch((e: Error) => e.message);
      expect(message).toContain(fs.realpathSync(folder));
      expect(message).toContain(`进程号 ${process.pid}`);
      expect(message).toContain(`pid ${process.pid}`);
      expect(message).toContain('数据文件夹');
      expect(message).toContain('is in use by another Yizhan process');
      // The first one is unharmed.
      await first.db.execute('select 1');
    } finally {
      await first.close();
    }
    expect(fs.existsSync(`${fs.realpathSync(folder)}.lock`)).toBe(false);
    const again = await openDatabase({ dataDir: folder });
    await again.close();
    await again.close(); // closing twice is harmless
  });

  it('takes over a lock left by a process that is gone', () => {
    const folder = path.join(root, 'stale');
    const pid = deadPid();
    fs.writeFileSync(
      `${folder}.lock`,
      JSON.stringify({ pid, startedAt: '2026-01-01T00:00:00.000Z', startTicks: null, host: 'x', token: 'old' }),
    );
    const lock = lockDataFolder(folder);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    expect(() => lockDataFolder(folder)).toThrow(DataFolderInUseError);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('takes over a lock with this process id left by an earlier run (a restarted container)', () => {
    const folder = path.join(root, 'reused');
    fs.writeFileSync(
      `${folder}.lock`,
      JSON.stringify({
        pid: process.pid,
        startedAt: '2020-01-01T00:00:00.000Z',
        startTicks: '1',
        host: 'x',
        token: 'old',
      }),
    );
    const lock = lockDataFolder(folder);
    lock.release();
  });

  it('refuses while another live process holds the lock', () => {
    const folder = path.join(root, 'live');
    // The parent of this test process is alive and is not this process.
    fs.writeFileSync(
      `${folder}.lock`,
      JSON.stringify({
        pid: process.ppid,
        startedAt: '2026-01-01T00:00:00.000Z',
        startTicks: null,
        host: 'x',
        token: 'other',
      }),
    );
    expect(() => lockDataFolder(folder)).toThrow(`pid ${process.ppid}`);
    expect(fs.existsSync(`${folder}.lock`)).toBe(true);
  });
});
