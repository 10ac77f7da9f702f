import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { FieldCipher } from '../core/crypto.js';
import { openDatabase } from '../db/client.js';
import { DataFolderInUseError } from '../db/folder-lock.js';
import { BackupError } from '../modules/backup/errors.js';
import { runBackupCommand } from './run-backup-command.js';
import { configuredKey, dataKeyFile, writeKeyFile } from '../modules/backup/key.js';
import { createBackup } from '../modules/backup/service.js';

// Writes one backup file of the database the configuration names:
//   npm run backup -- [--out <folder>] [--key-out <file>]
//   (compiled: node dist/server/cli/backup.js …)
// The embedded database (PGlite) admits one process: stop the server first, or let its scheduled
// backup job (BACKUP_CRON) do it. PostgreSQL is dumped with pg_dump while the servers run.
// The encryption key is never in the backup; --key-out writes it to a separate file.

const USAGE = 'usage / 用法: npm run backup -- [--out <folder>] [--key-out <file>]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { out: { type: 'string' }, 'key-out': { type: 'string' } } }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const folder = `${config.dataDir}/pg`;
  if (!config.databaseUrl && !fs.existsSync(folder)) {
    throw new BackupError(
      `${folder} 中没有数据库：请检查 YIZHAN_DATA_DIR（或设置 DATABASE_URL）`,
      `There is no database in ${folder}: check YIZHAN_DATA_DIR (or set DATABASE_URL)`,
    );
  }
  const key = configuredKey(config.encryptionKey, config.dataDir);
  if (!key) {
    throw new BackupError(
      `找不到加密密钥（YIZHAN_ENCRYPTION_KEY 或 ${dataKeyFile(config.dataDir)}）`,
      `No encryption key found (YIZHAN_ENCRYPTION_KEY or ${dataKeyFile(config.dataDir)})`,
    );
  }
  const keyOut = args['key-out'] ?? null;
  let database;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? null : folder });
  } catch (err) {
    if (!(err instanceof DataFolderInUseError)) throw err;
    throw new BackupError(
      `嵌入式数据库正被运行中的一站服务使用，命令行无法同时打开它。请先停止服务再备份，或由服务自身的定时备份（BACKUP_CRON，写入 ${config.backupDir}）完成。\n${err.message.split('\n')[0]}`,
      `The embedded database is in use by a running Yizhan server and cannot be opened by this command as well. Stop the server and back up again, or let the server's scheduled backup (BACKUP_CRON, into ${config.backupDir}) do it.`,
    );
  }
  try {
    if (keyOut) writeKeyFile(keyOut, key);
    const result = await createBackup({
      database,
      url: config.databaseUrl,
      cipher: new FieldCipher(key),
      dir: args.out ?? config.backupDir,
      keyFile: keyOut,
    });
    const mb = (fs.statSync(result.file).size / 1e6).toFixed(1);
    console.log(`已写入备份 / Backup written: ${result.file} (${mb} MB)`);
    console.log(`  ${result.manifest.databaseKind}, migration ${result.manifest.lastMigration ?? '-'}`);
    console.log(
      keyOut
        ? `加密密钥已另存于 / The encryption key was written separately to: ${keyOut}\n` +
            `  请与备份分开妥善保管；没有它，身份证号无法读取 / Keep it apart from the backup; without it resident IDs cannot be read.`
        : `备份不含加密密钥 / The backup does not contain the encryption key (fingerprint ${result.manifest.keyFingerprint}).\n` +
            `  恢复时需要同一密钥 / Restoring needs the same key: YIZHAN_ENCRYPTION_KEY, ${dataKeyFile(config.dataDir)}, or --key-out at backup time.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

runBackupCommand(main);
