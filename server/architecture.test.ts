import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout rules of docs/ARCHITECTURE.md that a reader of the source can check: queries live
 * in repositories, a module writes only its own tables, routes hold no queries. A rule broken
 * here is a convention the next module would copy.
 */

const serverDir = path.dirname(new URL(import.meta.url).pathname);
const modulesDir = path.join(serverDir, 'modules');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(full));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const moduleOf = (file: string) => path.relative(modulesDir, file).split(path.sep)[0]!;
const rel = (file: string) => path.relative(serverDir, file).split(path.sep).join('/');

/** Every Drizzle table a module declares, by the name it is exported under. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of sourceFiles(modulesDir).filter((f) => path.basename(f) === 'tables.ts')) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/export const (\w+) = pgTable\(/g)) {
      owners.set(m[1]!, moduleOf(file));
    }
  }
  return owners;
}

const owners = tableOwners();
const files = sourceFiles(modulesDir).filter((f) => path.basename(f) !== 'tables.ts');
const tableNames = [...owners.keys()].join('|');
const write = new RegExp(`\\.(insert|update|delete)\\(\\s*(${tableNames})\\s*\\)`, 'g');
const read = new RegExp(`\\.(from|innerJoin|leftJoin|rightJoin|fullJoin)\\(\\s*(${tableNames})\\b`, 'g');
const raw = /\.execute\(/g;
/** A query started on a database handle, also when written over several lines. */
const onHandle = /\b(?:db|tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute)\s*\(/g;

/**
 * Files that may hold queries: repositories (`repository.ts`, or `<concern>-repository.ts` when a
 * folder's queries are too many for one file), and the one locked writer of a dispute case.
 */
const mayQuery = (file: string) =>
  /(^|\/)([\w-]+-)?repository\.ts$/.test(rel(file)) || rel(file).endsWith('/case-writer.ts');

describe('module layout', () => {
  it('finds the tables of every module', () => {
    expect(owners.get('disputeCases')).toBe('disputes');
    expect(owners.get('employers')).toBe('employers');
    expect(owners.size).toBeGreaterThan(20);
  });

  it('keeps every query in a repository (or the case writer)', () => {
    const offenders = files
      .filter((f) => !mayQuery(f))
      .flatMap((f) => {
        const text = fs.readFileSync(f, 'utf8');
        const found = [write, read, raw, onHandle].flatMap((re) => [...text.matchAll(re)]);
        return found.map((m) => `${rel(f)}: ${m[0]}`);
      });
    expect(offenders).toEqual([]);
  });

  it('sees a query written over several lines, and not a hash update', () => {
    expect('await deps.db\n    .select({ id: x.id })'.match(onHandle)).not.toBeNull();
    expect("crypto.createHash('sha256').update(content)".match(onHandle)).toBeNull();
    expect('await tx.update(employers).set(v)'.match(write)).not.toBeNull();
  });

  it('lets a module write only its own tables', () => {
    const offenders = files.flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(write)]
        .filter((m) => owners.get(m[2]!) !== moduleOf(f))
        .map((m) => `${rel(f)} (${moduleOf(f)}) writes ${m[2]} of ${owners.get(m[2]!)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps routes free of tables and repositories', () => {
    const offenders = files
      .filter((f) => path.basename(f) === 'routes.ts')
      .filter((f) => /from '\.{1,2}\/(?:[\w-]+\/)*(tables|([\w-]+-)?repository)\.js'/.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
