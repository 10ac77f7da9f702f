import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataFolder } from './folder-lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The common type of the PGlite and node-postgres Drizzle databases. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** PostgreSQL's type id of bytea. */
const BYTEA = 17;

/**
 * bytea to and from PGlite's text protocol by Node's own hex codec. PGlite's built-in ones map
 * every byte through a JavaScript string (`Array.from(bytes).map(toString(16))`, and `parseInt`
 * per byte back): storing a 64 MB upload's pieces took 25 s of the embedded tax import's 74 s,
 * where Buffer's hex takes milliseconds. Same text either way (`\x` and two hex digits a byte).
 */
const byteaCodec = {
  serializers: {
    [BYTEA]: (value: unknown): string => {
      if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
      return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
    },
  },
  parsers: { [BYTEA]: (text: string): Buffer => Buffer.from(text.slice(2), 'hex') },
};

/** The extensions the migrations create (PostgreSQL ships them; PGlite loads each as a bundle), and the bytea codec. */
export const pgliteOptions = { extensions: { pg_trgm }, ...byteaCodec } satisfies PGliteOptions;

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Closing twice is harmless (a test or a shutdown path may do it). */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

/**
 * PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir` (or in memory). A data
 * folder is locked for this process (see folder-lock.ts): a second process refuses to start.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string | null }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle connection closed by the server (restart, failover, admin) must not crash the app;
    // the pool replaces it on the next query.
    pool.on('error', (err) => console.warn(`PostgreSQL idle connection closed: ${err.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(db as never, { migrationsFolder }),
      close: once(() => pool.end()),
    };
  }
  let lock: ReturnType<typeof lockDataFolder> | null = null;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    lock = lockDataFolder(fs.realpathSync(opts.dataDir));
  }
  let client: PGlite;
  try {
    client = opts.dataDir ? new PGlite(opts.dataDir, pgliteOptions) : new PGlite(pgliteOptions);
    await client.waitReady;
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: once(async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    }),
  };
}
