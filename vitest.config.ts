import { defineConfig } from 'vitest/config';
import { SHORT } from './test/load/sizes.ts';

export default defineConfig({
  test: {
    // The load suites' short versions (two sources a round; test/load/sizes.ts SHORT) run here too;
    // `npm run test:load` runs them at size.
    include: ['test/**/*.test.ts', 'test/load/**/*.load.ts'],
    provide: { loadSources: 2, loadSize: SHORT },
    // The CLI tests spawn the compiled bin: build dist/ from the current sources first.
    globalSetup: ['test/helpers/build-cli.ts'],
    // Two cores: more forks only fight over them and the shared Redis/PostgreSQL.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
