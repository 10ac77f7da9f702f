import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { encryptionKeyCheck } from './tables.js';

// The few questions backup and restore ask a database, on either driver (both answer `rows`).

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const [row] = await rowsOf<{ present: boolean }>(db, sql`select to_regclass(${name}) is not null as present`);
  return row?.present === true;
}

export const backupRepo = {
  /** Drizzle's timestamp of the newest applied migration, or null on a database never migrated. */
  async lastMigrationCreatedAt(db: Db): Promise<number | null> {
    if (!(await tableExists(db, 'drizzle.__drizzle_migrations'))) return null;
    const [row] = await rowsOf<{ created_at: string | number }>(
      db,
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    return row === undefined ? null : Number(row.created_at);
  },

  /** Tables, views and sequences outside PostgreSQL's own schemas: 0 means an empty database. */
  async objectCount(db: Db): Promise<number> {
    const [row] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'v', 'm', 'S', 'p', 'f')
          and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`,
    );
    return Number(row?.n ?? 0);
  },

  async serverMajor(db: Db): Promise<number> {
    const [row] = await rowsOf<{ server_version_num: string }>(db, sql`show server_version_num`);
    return Math.floor(Number(row!.server_version_num) / 10000);
  },

  /** A few stored resident IDs (ciphertext), to prove a key reads them. */
  async sampleResidentIds(db: Db, limit: number): Promise<string[]> {
    if (!(await tableExists(db, 'public.people'))) return [];
    const rows = await rowsOf<{ v: string }>(
      db,
      sql`select resident_id_enc as v from people where resident_id_enc is not null order by id limit ${limit}`,
    );
    return rows.map((r) => r.v);
  },
};

export const keyCheckRepo = {
  async fingerprint(db: Db): Promise<string | null> {
    const [row] = await db.select({ fingerprint: encryptionKeyCheck.fingerprint }).from(encryptionKeyCheck).limit(1);
    return row?.fingerprint ?? null;
  },

  /** The first instance to start records its key's fingerprint; later ones leave it as it is. */
  async record(db: Db, fingerprint: string, now: Date): Promise<void> {
    await db.insert(encryptionKeyCheck).values({ id: 1, fingerprint, recordedAt: now }).onConflictDoNothing();
  },
};
