import { defineConfig } from 'vitest/config';

// Unit tier: pure code and in-process parts (in-memory stores, yoga.fetch, small models).
// The integration and e2e tiers have their own configs; `npm test` runs all three in turn.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 5 * 60_000,
  },
});
