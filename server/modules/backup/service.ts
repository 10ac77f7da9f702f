import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { FieldCipher } from '../../core/crypto.js';
import { migrationsFolder, type Database, type Db } from '../../db/client.js';
import { dumpEmbedded, loadEmbedded } from './embedded.js';
import { BackupError } from './errors.js';
import {
  appVersion,
  FORMAT,
  keyFingerprint,
  knownMigrations,
  MANIFEST_NAME,
  manifestSchema,
  migrationTag,
  type Manifest,
} from './manifest.js';
import { checkToolVersion, pgDump, pgRestore } from './postgres-tools.js';
import { backupRepo } from './repository.js';
import { listTar, memberStream, readMember, writeTar } from './tar.js';

export const BACKUP_FILE_PATTERN = /^yizhan-backup-(pglite|postgres)-\d{8}T\d{6}Z\.tar$/;

function fileName(kind: Database['kind'], at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `yizhan-backup-${kind}-${stamp}.tar`;
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
}

/**
 * One backup file in `dir`: a tar of manifest.json and the dump. The embedded database is dumped
 * by this process (which must have it open); PostgreSQL by pg_dump from `url`. The encryption key
 * is not in it: `keyFile` only records where the caller wrote it, if it did.
 */
export async function createBackup(opts: {
  database: Pick<Database, 'db' | 'kind'>;
  url?: string;
  cipher: FieldCipher;
  dir: string;
  keyFile?: string | null;
  now?: Date;
}): Promise<BackupResult> {
  const now = opts.now ?? new Date();
  const { db, kind } = opts.database;
  fs.mkdirSync(opts.dir, { recursive: true });
  const target = path.join(opts.dir, fileName(kind, now));
  if (fs.existsSync(target)) {
    throw new BackupError(`备份文件 ${target} 已存在`, `The backup file ${target} exists already`);
  }
  const lastMigration = migrationTag(migrationsFolder, await backupRepo.lastMigrationCreatedAt(db));
  const base = {
    format: FORMAT,
    createdAt: now.toISOString(),
    appVersion: appVersion(),
    databaseKind: kind,
    lastMigration,
    keyFingerprint: keyFingerprint(opts.cipher),
    keyFile: opts.keyFile ?? null,
  } as const;
  if (kind === 'pglite') {
    const dump = await dumpEmbedded(db);
    const payload = { name: 'pgdata.tar.gz', format: 'pglite-datadir-tgz', bytes: dump.length } as const;
    const manifest: Manifest = {
      ...base,
      payload: { ...payload, sha256: crypto.createHash('sha256').update(dump).digest('hex') },
    };
    await writeTar(target, [manifestEntry(manifest), { name: payload.name, content: dump }], now);
    return { file: target, manifest };
  }
  if (!opts.url) throw new Error('a PostgreSQL backup needs the database URL');
  checkToolVersion('pg_dump', await backupRepo.serverMajor(db));
  const work = fs.mkdtempSync(path.join(opts.dir, '.dump-'));
  try {
    const dumpFile = path.join(work, 'database.dump');
    await pgDump(opts.url, dumpFile);
    const manifest: Manifest = {
      ...base,
      payload: {
        name: 'database.dump',
        format: 'pg_dump-custom',
        bytes: fs.statSync(dumpFile).size,
        sha256: await sha256OfFile(dumpFile),
      },
    };
    await writeTar(target, [manifestEntry(manifest), { name: 'database.dump', content: { file: dumpFile } }], now);
    return { file: target, manifest };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function manifestEntry(manifest: Manifest) {
  return { name: MANIFEST_NAME, content: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') };
}

/** The manifest of a backup file, checked; refuses anything that is not a Yizhan backup. */
export function readBackup(file: string) {
  let members;
  try {
    members = listTar(file);
  } catch (err) {
    throw new BackupError(
      `${file} 不是可读的一站备份文件（${(err as Error).message}）`,
      `${file} is not a readable Yizhan backup (${(err as Error).message})`,
    );
  }
  const manifestMember = members.find((m) => m.name === MANIFEST_NAME);
  const parsed = manifestMember
    ? manifestSchema.safeParse(JSON.parse(readMember(file, manifestMember).toString('utf8')))
    : null;
  if (!parsed?.success) {
    throw new BackupError(
      `${file} 不是一站备份文件（缺少或无法识别 manifest.json）`,
      `${file} is not a Yizhan backup (manifest.json missing or not understood)`,
    );
  }
  const manifest = parsed.data;
  const payload = members.find((m) => m.name === manifest.payload.name);
  if (!payload || payload.size !== manifest.payload.bytes) {
    throw new BackupError(`备份文件 ${file} 不完整`, `The backup file ${file} is incomplete`);
  }
  return { manifest, payload };
}

export type RestoreTarget = { kind: 'pglite'; folder: string } | { kind: 'postgres'; url: string };

export interface RestoreResult {
  manifest: Manifest;
  /** Resident IDs read back with the key after loading (a handful, as a proof). */
  residentIdsChecked: number;
}

/**
 * Loads a backup into an empty data folder or an empty PostgreSQL database. Before anything is
 * written it checks the file (manifest, checksum), that the key reads this backup's resident IDs
 * (fingerprint), that this build knows the backup's migrations, and that the target is empty.
 */
export async function restoreBackup(opts: { file: string; target: RestoreTarget; cipher: FieldCipher }) {
  const { manifest, payload } = readBackup(opts.file);
  if (manifest.databaseKind !== opts.target.kind) {
    throw new BackupError(
      manifest.databaseKind === 'pglite'
        ? '这是嵌入式数据库的备份：请在不设置 DATABASE_URL 的情况下恢复（写入 YIZHAN_DATA_DIR）'
        : '这是 PostgreSQL 数据库的备份：请设置 DATABASE_URL 指向一个空数据库后再恢复',
      manifest.databaseKind === 'pglite'
        ? 'This is a backup of the embedded database: restore it without DATABASE_URL (into YIZHAN_DATA_DIR)'
        : 'This is a backup of a PostgreSQL database: set DATABASE_URL to an empty database and restore again',
    );
  }
  if (keyFingerprint(opts.cipher) !== manifest.keyFingerprint) {
    throw new BackupError(
      `加密密钥与备份不符（备份的密钥指纹 ${manifest.keyFingerprint}）：身份证号将无法读取。请用 --key-file 指定备份时导出的密钥文件，或设置正确的 YIZHAN_ENCRYPTION_KEY`,
      `The encryption key does not match the backup (the backup's key fingerprint is ${manifest.keyFingerprint}): resident IDs would be unreadable. Name the key file written at backup time with --key-file, or set the right YIZHAN_ENCRYPTION_KEY`,
    );
  }
  if (manifest.lastMigration && !knownMigrations(migrationsFolder).some((m) => m.tag === manifest.lastMigration)) {
    throw new BackupError(
      `备份来自更新的版本（迁移 ${manifest.lastMigration}，版本 ${manifest.appVersion}）：请用该版本或更新的一站恢复`,
      `The backup comes from a newer release (migration ${manifest.lastMigration}, version ${manifest.appVersion}): restore it with that release or a newer one`,
    );
  }
  const hash = crypto.createHash('sha256');
  await pipeline(memberStream(opts.file, payload), hash);
  if (hash.digest('hex') !== manifest.payload.sha256) {
    throw new BackupError(
      `备份文件 ${opts.file} 已损坏（校验和不符）`,
      `The backup file ${opts.file} is damaged (checksum mismatch)`,
    );
  }
  let checked = 0;
  const check = async (db: Db) => {
    const samples = await backupRepo.sampleResidentIds(db, 5);
    for (const s of samples) opts.cipher.decrypt(s);
    checked = samples.length;
  };
  if (opts.target.kind === 'pglite') {
    await loadEmbedded(opts.target.folder, readMember(opts.file, payload), check);
  } else {
    await restorePostgres(opts.file, payload, opts.target.url, check);
  }
  return { manifest, residentIdsChecked: checked } satisfies RestoreResult;
}

async function restorePostgres(
  file: string,
  payload: ReturnType<typeof readBackup>['payload'],
  url: string,
  check: (db: Db) => Promise<void>,
) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const db = drizzle(pool) as unknown as Db;
    if ((await backupRepo.objectCount(db)) > 0) {
      throw new BackupError(
        '目标数据库不是空的：恢复只写入空数据库（请新建一个数据库，把 DATABASE_URL 指向它）',
        'The target database is not empty: restore writes only into an empty database (create a new database and point DATABASE_URL at it)',
      );
    }
    checkToolVersion('pg_restore', await backupRepo.serverMajor(db));
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-restore-'));
    try {
      const dumpFile = path.join(work, 'database.dump');
      await pipeline(memberStream(file, payload), fs.createWriteStream(dumpFile, { mode: 0o600 }));
      await pgRestore(url, dumpFile);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
    await check(db);
  } finally {
    await pool.end();
  }
}

/** Keeps the newest `keep` backup files of this program in `dir`; answers the names removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => BACKUP_FILE_PATTERN.test(f))
    .sort((a, b) => b.slice(-20).localeCompare(a.slice(-20)));
  const removed = files.slice(Math.max(keep, 1));
  for (const f of removed) fs.rmSync(path.join(dir, f), { force: true });
  return removed;
}
