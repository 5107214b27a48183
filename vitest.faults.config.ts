import { defineConfig } from 'vitest/config';

// `npm run test:faults`: every fault-injection suite, with the database outage a full minute.
// `npm test` runs test/faults/*.test.ts with a 15 s outage, and the older fault tests listed here;
// the *.faults.ts files (slow: they wait out BullMQ's stalled-job lock) run only here.
export default defineConfig({
  test: {
    include: [
      'test/faults/**/*.test.ts',
      'test/faults/**/*.faults.ts',
      'test/crawl/interruptions.test.ts',
      'test/crawl/interrupted-at-start.test.ts',
      'test/crawl/resume.test.ts',
      'test/crawl/shutdown.test.ts',
      'test/cli/start.test.ts',
      'test/digest/exactly-once.test.ts',
      'test/digest/smtp-failures.test.ts',
      'test/workers/article-pool.test.ts',
    ],
    globalSetup: ['test/helpers/build-cli.ts'],
    provide: { faultOutageMs: 60_000 },
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
