import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The load suite's short version (two sources a round) runs here too; `npm run test:load` runs it at size.
    include: ['test/**/*.test.ts', 'test/load/**/*.load.ts'],
    provide: { loadSources: 2 },
    // The CLI tests spawn the compiled bin: build dist/ from the current sources first.
    globalSetup: ['test/helpers/build-cli.ts'],
    // Two cores: more forks only fight over them and the shared Redis/PostgreSQL.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
