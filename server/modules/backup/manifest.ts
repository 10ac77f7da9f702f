import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { FieldCipher } from '../../core/crypto.js';

export const MANIFEST_NAME = 'manifest.json';
export const FORMAT = 'yizhan-backup/1';

/** What a backup says about itself; restore reads it before touching anything. */
export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  createdAt: z.string(),
  appVersion: z.string(),
  databaseKind: z.enum(['pglite', 'postgres']),
  /** The newest migration in the backed-up database (its drizzle tag), null if none was applied. */
  lastMigration: z.string().nullable(),
  payload: z.object({
    name: z.string(),
    /** pglite: the data folder as a gzipped tar (PGlite's dumpDataDir); postgres: pg_dump -Fc. */
    format: z.enum(['pglite-datadir-tgz', 'pg_dump-custom']),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /**
   * Tells which field-encryption key the resident IDs need, without holding it: a keyed hash of
   * a fixed text. Restore computes the same with the key it is given and refuses on a mismatch.
   */
  keyFingerprint: z.string(),
  /** Where the key was written (by --key-out), for the person restoring; never the key itself. */
  keyFile: z.string().nullable(),
});
export type Manifest = z.infer<typeof manifestSchema>;

const FINGERPRINT_TEXT = 'yizhan:backup:key-fingerprint';

export function keyFingerprint(cipher: FieldCipher): string {
  return cipher.searchHash(FINGERPRINT_TEXT).slice(0, 32);
}

/** The version in package.json (read at run time: the compiled server sits in dist/). */
export function appVersion(): string {
  for (let dir = path.dirname(new URL(import.meta.url).pathname); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'yizhan') return pkg.version ?? 'unknown';
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

/** The migrations this build knows, oldest first, with drizzle's timestamp of each. */
export function knownMigrations(migrationsFolder: string): { tag: string; when: number }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

/** Drizzle records a migration by its journal timestamp; this names it again. */
export function migrationTag(migrationsFolder: string, createdAt: number | null): string | null {
  if (createdAt === null) return null;
  return knownMigrations(migrationsFolder).find((m) => m.when === createdAt)?.tag ?? `unknown (${createdAt})`;
}
