import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../server/core/crypto.js';
import { openDatabase } from '../../server/db/client.js';
import { lockDataFolder } from '../../server/db/folder-lock.js';
import { backupRepo } from '../../server/modules/backup/repository.js';
import { people } from '../../server/modules/people/tables.js';
import { regions } from '../../server/modules/regions/tables.js';

// `npm run backup` and `npm run restore` as an operator runs them, on the embedded database (the
// PostgreSQL path is the same service, tested in backup-restore.test.ts).

let work: string;
const key = crypto.randomBytes(32);
const cipher = new FieldCipher(key);
const dataDir = () => path.join(work, 'data');

function cli(name: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${name}.ts`, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BACKUP_DIR: path.join(work, 'backups'), ...env },
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('backup and restore commands (embedded database)', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-backup-cli-'));
    fs.mkdirSync(dataDir());
    fs.writeFileSync(path.join(dataDir(), 'encryption.key'), key.toString('base64') + '\n', { mode: 0o600 });
    const database = await openDatabase({ dataDir: path.join(dataDir(), 'pg') });
    await database.migrate();
    await database.db.insert(regions).values({ code: '110000', name: '北京市', fullName: '北京市', level: 'province' });
    await database.db.insert(people).values({
      name: '宋建军',
      regionCode: '110000',
      residentIdEnc: cipher.encrypt('110101198204180031'),
      residentIdHash: cipher.searchHash('110101198204180031'),
    });
    await database.close();
  }, 120_000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  let backupFile = '';
  const keyOut = () => path.join(work, 'key-out', 'yizhan.key');

  it('refuses while another process holds the data folder, saying to stop it or use the scheduled backup', () => {
    const lock = lockDataFolder(fs.realpathSync(path.join(dataDir(), 'pg')));
    try {
      const r = cli('backup', [], { YIZHAN_DATA_DIR: dataDir() });
      expect(r.status, r.out).toBe(1);
      expect(r.out).toMatch(/正被运行中的一站服务使用[\s\S]*BACKUP_CRON/);
      expect(r.out).toMatch(/Stop the server and back up again/);
    } finally {
      lock.release();
    }
  });

  it('writes the backup, and the key only to the separate file it names', () => {
    const r = cli('backup', ['--key-out', keyOut()], { YIZHAN_DATA_DIR: dataDir() });
    expect(r.status, r.out).toBe(0);
    backupFile = /Backup written: (\S+\.tar)/.exec(r.out)![1]!;
    expect(r.out).toContain(keyOut());
    expect(fs.readFileSync(keyOut(), 'utf8').trim()).toBe(key.toString('base64'));
    expect(fs.statSync(keyOut()).mode & 0o077).toBe(0);
    expect(fs.readFileSync(backupFile).includes(key.toString('base64'))).toBe(false);
    // A second --key-out to the same file is refused rather than overwriting a key.
    expect(cli('backup', ['--key-out', keyOut()], { YIZHAN_DATA_DIR: dataDir() }).status).toBe(1);
  }, 120_000);

  it('restores with the key file into an empty folder, and refuses a wrong key', async () => {
    const wrong = path.join(work, 'wrong.key');
    fs.writeFileSync(wrong, crypto.randomBytes(32).toString('base64') + '\n');
    const target = path.join(work, 'restored');
    const refused = cli('restore', [backupFile, '--key-file', wrong], { YIZHAN_DATA_DIR: target });
    expect(refused.status, refused.out).toBe(1);
    expect(refused.out).toMatch(/加密密钥与备份不符[\s\S]*does not match the backup/);
    expect(fs.existsSync(path.join(target, 'pg'))).toBe(false);

    const r = cli('restore', [backupFile, '--key-file', keyOut()], { YIZHAN_DATA_DIR: target });
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/1 resident ID\(s\) read back/);
    // The server started on the restored folder finds the key beside it.
    expect(fs.readFileSync(path.join(target, 'encryption.key'), 'utf8').trim()).toBe(key.toString('base64'));
    const restored = await openDatabase({ dataDir: path.join(target, 'pg') });
    try {
      const [stored] = await backupRepo.sampleResidentIds(restored.db, 1);
      expect(cipher.decrypt(stored!)).toBe('110101198204180031');
    } finally {
      await restored.close();
    }
  }, 180_000);
});
