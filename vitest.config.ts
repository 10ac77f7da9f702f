import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test; integration tests live in tests/integration
// and each file gets its own freshly migrated database (see tests/support/app.ts).
export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'contracts/**/*.test.ts',
      'web/src/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
