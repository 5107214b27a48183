import { defineConfig } from 'vitest/config';
import { sizeFromEnv } from './test/load/sizes.ts';

// `npm run test:load`: 1, 2 and 4 worker processes crawling the same sources, 8 of them unless
// LOAD_SOURCES says how many; and the full-size suite (test/load/full-size.load.ts) at the SHORT
// size, at issue 14's size with LOAD_FULL=1, either changed by a LOAD_SIZE JSON object.
export default defineConfig({
  test: {
    include: ['test/load/**/*.load.ts'],
    globalSetup: ['test/helpers/build-cli.ts'],
    provide: { loadSources: Number(process.env.LOAD_SOURCES ?? 8), loadSize: sizeFromEnv(process.env) },
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
