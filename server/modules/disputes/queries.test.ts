import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The module's rule (docs/ARCHITECTURE.md, "Layout of a module"): every query lives in a
// repository file; services decide, open the transaction and pass it on. The case writer is
// the repository of the case row itself.
const MODULE = path.dirname(new URL(import.meta.url).pathname);
const QUERY = /\b(?:db|tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute)\s*\(/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('disputes: queries live in repositories', () => {
  it('no file but a repository and the case writer runs a query', () => {
    const files = sourceFiles(MODULE);
    expect(files.length).toBeGreaterThan(40);
    const offenders = files
      .filter((f) => path.basename(f) !== 'repository.ts' && path.basename(f) !== 'case-writer.ts')
      .filter((f) => QUERY.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(MODULE, f));
    expect(offenders).toEqual([]);
  });

  it('the check sees a query written over several lines', () => {
    expect(QUERY.test('await deps.db\n    .select({ id: x.id })')).toBe(true);
    expect(QUERY.test("crypto.createHash('sha256').update(content)")).toBe(false);
  });
});
