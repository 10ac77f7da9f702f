import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { pgliteOptions, type Db } from '../../db/client.js';
import { lockDataFolder } from '../../db/folder-lock.js';
import { BackupError } from './errors.js';

/** The PGlite instance behind a Drizzle database opened by db/client.ts. */
function pgliteOf(db: Db): PGlite {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof PGlite)) throw new Error('not an embedded (PGlite) database');
  return client;
}

/** Which database a Drizzle handle runs on, from the handle itself. */
export function kindOf(db: Db): 'pglite' | 'postgres' {
  return (db as unknown as { $client?: unknown }).$client instanceof PGlite ? 'pglite' : 'postgres';
}

/** The connection string of a PostgreSQL handle's pool (what pg_dump is pointed at). */
export function connectionStringOf(db: Db): string | undefined {
  const pool = (db as unknown as { $client?: { options?: { connectionString?: string } } }).$client;
  return pool?.options?.connectionString;
}

/**
 * PGlite's own dump of its data folder (a gzipped tar), taken by the process that has it open.
 * A checkpoint first puts every committed page into the files the dump reads.
 */
export async function dumpEmbedded(db: Db): Promise<Buffer> {
  const client = pgliteOf(db);
  // Inside a transaction of its own, which PGlite runs alone: the dump itself takes only the
  // statement lock, so it sees no other transaction half-way through its statements.
  return client.transaction(async (tx) => {
    await tx.query('CHECKPOINT');
    const blob = await client.dumpDataDir('gzip');
    return Buffer.from(await blob.arrayBuffer());
  });
}

/** An absent or empty folder: anything else may be someone's database. */
export function folderIsEmpty(folder: string): boolean {
  return !fs.existsSync(folder) || fs.readdirSync(folder).length === 0;
}

/**
 * Unpacks a dump into `folder` (absent or empty) and hands the opened database to `check`
 * before closing it. On any failure the folder is removed again, so a retry finds it empty.
 */
export async function loadEmbedded(folder: string, dump: Buffer, check: (db: Db) => Promise<void>) {
  if (!folderIsEmpty(folder)) {
    throw new BackupError(
      `目标数据文件夹 ${folder} 不是空的：恢复只写入空文件夹（请换一个 YIZHAN_DATA_DIR，或先移走现有数据）`,
      `The target data folder ${folder} is not empty: restore writes only into an empty folder (choose another YIZHAN_DATA_DIR, or move the existing data away first)`,
    );
  }
  const existed = fs.existsSync(folder);
  fs.mkdirSync(folder, { recursive: true });
  const lock = lockDataFolder(fs.realpathSync(folder));
  let client: PGlite | null = null;
  try {
    client = new PGlite(folder, { ...pgliteOptions, loadDataDir: new Blob([new Uint8Array(dump)]) });
    await client.waitReady;
    await check(drizzle(client) as unknown as Db);
    await client.close();
    client = null;
  } catch (err) {
    await client?.close().catch(() => undefined);
    if (existed) for (const entry of fs.readdirSync(folder)) fs.rmSync(`${folder}/${entry}`, { recursive: true });
    else fs.rmSync(folder, { recursive: true, force: true });
    throw err;
  } finally {
    lock.release();
  }
}
