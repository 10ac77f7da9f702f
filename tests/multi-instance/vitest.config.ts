import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Several app instances on one PostgreSQL (needs TEST_DATABASE_URL; skipped without it):
//   TEST_DATABASE_URL=postgres://… npx vitest run --config tests/multi-instance/vitest.config.ts
// Kept out of the main suite: it starts three server processes.
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  test: {
    include: ['tests/multi-instance/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
