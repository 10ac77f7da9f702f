import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { FieldCipher } from '../../server/core/crypto.js';
import { openDatabase, type Database, type Db } from '../../server/db/client.js';
import { backupJobFor, runScheduledBackup } from '../../server/modules/backup/backup-job.js';
import { BackupError } from '../../server/modules/backup/errors.js';
import { readBackup, restoreBackup, type RestoreTarget } from '../../server/modules/backup/service.js';
import { createBackup } from '../../server/modules/backup/service.js';
import { createTestApp, loginAs, type TestApp } from '../support/app.js';
import {
  FACTORY_PASSWORD,
  newAdmin,
  newCase,
  newEmployer,
  newMediator,
  newPerson,
  newStudio,
} from '../support/factories.js';

// Backs up a database holding every module's data (the demo set at a small scale, plus a case
// driven to a court ruling and records made through the API), restores it into a fresh folder
// (embedded) or a fresh database (PostgreSQL), and finds every row, the audit trail and the
// resident IDs again. Runs on whichever database the suite runs on (TEST_DATABASE_URL).

const onPostgres = !!process.env.TEST_DATABASE_URL;
let t: TestApp;
let work: string;
const extraDatabases: string[] = [];

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** Every table's row count and a hash of its rows (as text, sorted), by schema-qualified name. */
async function snapshot(db: Db): Promise<Record<string, { rows: number; hash: string }>> {
  const tables = await rowsOf<{ name: string }>(
    db,
    sql`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const out: Record<string, { rows: number; hash: string }> = {};
  for (const { name } of tables) {
    const [row] = await rowsOf<{ n: number; h: string }>(
      db,
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as h
        from ${name} r`),
    );
    out[name] = { rows: Number(row!.n), hash: row!.h };
  }
  return out;
}

async function residentIds(db: Db, cipher: FieldCipher): Promise<string[]> {
  const rows = await rowsOf<{ v: string }>(
    db,
    sql`select resident_id_enc as v from people where resident_id_enc is not null`,
  );
  return rows.map((r) => cipher.decrypt(r.v)).sort();
}

/** The URL of the test app's own PostgreSQL database (pg_dump needs one). */
function urlOf(database: Database): string | undefined {
  if (database.kind !== 'postgres') return undefined;
  return (database.db as unknown as { $client: pg.Pool }).$client.options.connectionString;
}

async function emptyPostgresDatabase(): Promise<string> {
  const name = `yz_restore_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  extraDatabases.push(name);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function freshTarget(): Promise<RestoreTarget> {
  if (onPostgres) return { kind: 'postgres', url: await emptyPostgresDatabase() };
  return { kind: 'pglite', folder: fs.mkdtempSync(path.join(work, 'restored-')) + '/pg' };
}

async function openTarget(target: RestoreTarget): Promise<Database> {
  return target.kind === 'pglite' ? openDatabase({ dataDir: target.folder }) : openDatabase({ url: target.url });
}

let backupFile = '';
let before: Awaited<ReturnType<typeof snapshot>>;
let idsBefore: string[];
let caseId = '';
let adminName = '';

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'yizhan-backup-test-'));
  t = await createTestApp({ demoScale: 0.02 });
  // Records made through the API on top of the demo's: a case up to its ruling (case and ruling
  // numbers, documents, events), an employer, a person with a resident ID, an administrator.
  const admin = await newAdmin(t);
  adminName = admin.username;
  const studio = await newStudio(t, { caseNumberPrefix: '测备份' });
  const mediator = await newMediator(t, { studio });
  const employer = await newEmployer(t);
  await newPerson(t);
  caseId = (await newCase(t, { stage: 'ruling_issued', mediator, employer })).id;
  before = await snapshot(t.deps.db);
  idsBefore = await residentIds(t.deps.db, t.deps.cipher);
  const result = await createBackup({
    database: t.database,
    url: urlOf(t.database),
    cipher: t.deps.cipher,
    dir: path.join(work, 'backups'),
  });
  backupFile = result.file;
}, 240_000);

afterAll(async () => {
  await t?.close();
  if (extraDatabases.length) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    for (const name of extraDatabases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes one file with a manifest and the dump, without the key', () => {
    const { manifest } = readBackup(backupFile);
    expect(manifest).toMatchObject({
      format: 'yizhan-backup/1',
      databaseKind: t.database.kind,
      payload: { format: onPostgres ? 'pg_dump-custom' : 'pglite-datadir-tgz' },
      keyFile: null,
    });
    expect(manifest.lastMigration).toMatch(/^\d{4}_/);
    expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    // Every module's data is there to be found again.
    for (const table of ['dispute_cases', 'people', 'employers', 'organizations', 'accounts', 'audit_log']) {
      expect(before[`public.${table}`]?.rows ?? 0, table).toBeGreaterThan(0);
    }
    expect(idsBefore.length).toBeGreaterThan(10);
  });

  it('restores into a fresh target: every table, the audit trail and the resident IDs', async () => {
    const target = await freshTarget();
    const result = await restoreBackup({ file: backupFile, target, cipher: t.deps.cipher });
    expect(result.residentIdsChecked).toBeGreaterThan(0);
    const restored = await openTarget(target);
    try {
      const after = await snapshot(restored.db);
      expect(after).toEqual(before);
      expect(await residentIds(restored.db, t.deps.cipher)).toEqual(idsBefore);

      // The restored database serves the app: an account signs in and reads the case.
      const app = await buildApp({ ...t.deps, db: restored.db, logger: pino({ level: 'silent' }) });
      try {
        const admin = await loginAs(app, adminName, FACTORY_PASSWORD);
        const res = await admin.get(`/api/disputes/${caseId}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<{ stage: string }>().stage).toBe('ruling_issued');
      } finally {
        await app.close();
      }
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses a key that does not read the backup, before writing anything', async () => {
    const target = await freshTarget();
    const wrong = new FieldCipher(crypto.randomBytes(32));
    const refused = restoreBackup({ file: backupFile, target, cipher: wrong });
    await expect(refused).rejects.toBeInstanceOf(BackupError);
    await expect(refused).rejects.toThrow(/加密密钥与备份不符[\s\S]*does not match the backup/);
    if (target.kind === 'pglite') expect(fs.existsSync(target.folder)).toBe(false);
    else {
      const opened = await openTarget(target);
      const [row] = await rowsOf<{ n: number }>(
        opened.db,
        sql`select count(*)::int as n from pg_tables where schemaname = 'public'`,
      );
      await opened.close();
      expect(row!.n).toBe(0);
    }
  });

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const target = await freshTarget();
    const seeded = await openTarget(target);
    await seeded.db.execute(sql`create table keep_me (id int)`);
    await seeded.db.execute(sql`insert into keep_me values (1)`);
    await seeded.close();
    const refused = restoreBackup({ file: backupFile, target, cipher: t.deps.cipher });
    await expect(refused).rejects.toThrow(/不是空的[\s\S]*not empty/);
    const opened = await openTarget(target);
    const rows = await rowsOf<{ id: number }>(opened.db, sql`select id from keep_me`);
    await opened.close();
    expect(rows).toEqual([{ id: 1 }]);
  });

  it('refuses a damaged file', async () => {
    const damaged = path.join(work, 'damaged.tar');
    const bytes = fs.readFileSync(backupFile);
    // A byte in the middle of the dump (after the manifest's two blocks and the dump's header).
    bytes[bytes.length - 4096] = (bytes[bytes.length - 4096]! + 1) % 256;
    fs.writeFileSync(damaged, bytes);
    await expect(restoreBackup({ file: damaged, target: await freshTarget(), cipher: t.deps.cipher })).rejects.toThrow(
      /校验和不符|checksum mismatch/,
    );
    fs.writeFileSync(path.join(work, 'not-a-backup.tar'), 'hello');
    await expect(
      restoreBackup({ file: path.join(work, 'not-a-backup.tar'), target: await freshTarget(), cipher: t.deps.cipher }),
    ).rejects.toThrow(/不是|not a/);
  });

  it('the scheduled job writes a backup and keeps the newest BACKUP_KEEP', async () => {
    const dir = path.join(work, 'scheduled');
    const deps = { ...t.deps, config: { ...t.deps.config, backupDir: dir, backupKeep: 2 } };
    const start = t.clock.now.getTime();
    for (let i = 0; i < 3; i++) {
      deps.now = () => new Date(start + i * 86_400_000);
      await runScheduledBackup(deps);
    }
    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files[1]).toContain(new Date(start + 2 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, ''));
    expect(readBackup(path.join(dir, files[0]!)).manifest.databaseKind).toBe(t.database.kind);
    expect(backupJobFor({ ...t.deps.config, backupCron: null })).toBeNull();
    expect(backupJobFor({ ...t.deps.config, backupCron: '30 2 * * *' })?.schedule?.cron).toBe('30 2 * * *');
  }, 120_000);
});
