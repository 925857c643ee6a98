import { defineConfig } from 'vitest/config';

// Browser tests drive the whole product: a private Temporal server (the CLI comes from the
// integration tests' global setup), the real worker and the built web server, with Debian's
// chromium. Building the app and bundling the workflows take minutes on two cores, and a
// real round trains before the page has a query to show, so hooks and tests get minutes;
// files run one at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/support/temporal-global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
