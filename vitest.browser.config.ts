import { defineConfig } from 'vitest/config';

// Browser tests drive the built web app (web/dist) served by an in-process server with
// Chromium through playwright-core. Slow and stateful, so one file at a time.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
