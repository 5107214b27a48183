import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests spawn the compiled bin: build dist/ from the current sources first.
    globalSetup: ['test/helpers/build-cli.ts'],
    // Two cores: more forks only fight over them and the shared Redis/PostgreSQL.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
