import { defineConfig } from 'vitest/config';

// Browser tests drive the built web server with Debian's chromium. The first file may build
// the app (about 20 s on two cores), so hooks get minutes; files run one at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
