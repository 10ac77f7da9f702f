import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { FieldCipher } from '../core/crypto.js';
import { DataFolderInUseError } from '../db/folder-lock.js';
import { BackupError } from '../modules/backup/errors.js';
import { runBackupCommand } from './run-backup-command.js';
import { configuredKey, dataKeyFile, readKeyFile, writeKeyFile } from '../modules/backup/key.js';
import { restoreBackup } from '../modules/backup/service.js';

// Loads a backup into an EMPTY database: the data folder YIZHAN_DATA_DIR (embedded), or the
// PostgreSQL database DATABASE_URL names. Nothing is ever overwritten.
//   npm run restore -- <backup.tar> [--key-file <file>]
//   (compiled: node dist/server/cli/restore.js …)
// The key: --key-file (written by `backup --key-out`), else YIZHAN_ENCRYPTION_KEY or the data
// folder's encryption.key. A key file given here is copied into the data folder so the server
// started afterwards reads the resident IDs.

const USAGE = 'usage / 用法: npm run restore -- <backup.tar> [--key-file <file>]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { 'key-file': { type: 'string' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件 ${file}`, `The backup file ${file} was not found`);
  const config = loadConfig();
  const given = parsed.values['key-file'] ? readKeyFile(parsed.values['key-file']) : null;
  const existing = configuredKey(config.encryptionKey, config.dataDir);
  if (given && existing && !given.equals(existing)) {
    throw new BackupError(
      `--key-file 的密钥与已配置的密钥（YIZHAN_ENCRYPTION_KEY 或 ${dataKeyFile(config.dataDir)}）不同：服务会使用后者，请只保留一个`,
      `The key in --key-file differs from the configured one (YIZHAN_ENCRYPTION_KEY or ${dataKeyFile(config.dataDir)}), which the server would use: keep only one`,
    );
  }
  const key = given ?? existing;
  if (!key) {
    throw new BackupError(
      `需要备份时的加密密钥：请用 --key-file 指定密钥文件，或设置 YIZHAN_ENCRYPTION_KEY`,
      `The encryption key of the backup is needed: name the key file with --key-file, or set YIZHAN_ENCRYPTION_KEY`,
    );
  }
  const target = config.databaseUrl
    ? ({ kind: 'postgres', url: config.databaseUrl } as const)
    : ({ kind: 'pglite', folder: `${config.dataDir}/pg` } as const);
  let result;
  try {
    result = await restoreBackup({ file, target, cipher: new FieldCipher(key) });
  } catch (err) {
    if (!(err instanceof DataFolderInUseError)) throw err;
    throw new BackupError(
      `目标数据文件夹正被运行中的一站服务使用：请先停止它`,
      `The target data folder is in use by a running Yizhan server: stop it first`,
    );
  }
  if (given && !existing) writeKeyFile(dataKeyFile(config.dataDir), given);
  const m = result.manifest;
  console.log(
    `已恢复 / Restored: ${file}\n` +
      `  ${m.databaseKind}, ${m.createdAt}, version ${m.appVersion}, migration ${m.lastMigration ?? '-'}\n` +
      `  into ${target.kind === 'pglite' ? target.folder : 'DATABASE_URL'}; ` +
      `${result.residentIdsChecked} resident ID(s) read back with the key / 已用密钥读回身份证号\n` +
      `  启动服务时会补上更新的迁移 / the server applies any newer migrations when it starts`,
  );
  return 0;
}

runBackupCommand(main);
