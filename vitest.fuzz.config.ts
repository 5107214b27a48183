import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the fuzz properties with many more inputs and linear-cost inputs up to 256 KB.
// `npm test` runs the same files with the defaults in test/fuzz/kit.ts (150 runs, 64 KB).
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts'],
    provide: { fuzzRuns: 2500, fuzzMaxSize: 256 * 1024 },
    // Two cores, and the linear-cost checks time CPU: one file at a time.
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 900_000,
  },
});
