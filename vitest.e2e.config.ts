import { defineConfig } from 'vitest/config';

/**
 * Browser tests against the real server (see test/e2e/global-setup.ts). One file at a time, one
 * test at a time: they share one server and one seeded database, and a browser is heavy.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
