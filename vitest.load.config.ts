import { defineConfig } from 'vitest/config';

// `npm run test:load`: 1, 2 and 4 worker processes crawling the same sources, 8 of them unless
// LOAD_SOURCES says how many (`LOAD_SOURCES=500 npm run test:load` for the full size).
export default defineConfig({
  test: {
    include: ['test/load/**/*.load.ts'],
    globalSetup: ['test/helpers/build-cli.ts'],
    provide: { loadSources: Number(process.env.LOAD_SOURCES ?? 8) },
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
