import { defineConfig } from 'vitest/config';

// Integration tests share one real Temporal server (started by the global setup) and start
// private ones on top, so files run one at a time and may take minutes on a cold cache.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/support/temporal-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
  },
});
