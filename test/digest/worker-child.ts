/**
 * A digest worker in a process of its own, for kill -9 tests: configured from the environment
 * like `indwatch start`, with short locks so a killed worker's job is taken over quickly.
 * `STOP_AT=<step>` prints `stopped:<step>` at that step of a delivery and hangs there.
 */
import { Worker } from 'bullmq';
import { sendDigestJob } from '../../jobs/send-digest.ts';
import { openApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';

const stopAt = process.argv[2];
const app = await openApp(loadConfig());
const worker = new Worker(
  'digest',
  sendDigestJob(app, {
    onStep: async (step) => {
      process.stdout.write(`step:${step}\n`);
      if (step === stopAt) {
        process.stdout.write(`stopped:${step}\n`);
        await new Promise(() => {});
      }
    },
  }),
  { connection: app.queues.connection, prefix: app.queues.prefix, concurrency: 4, lockDuration: 5000, stalledInterval: 1000 },
);
worker.on('ready', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => void worker.close().then(() => app.close()).then(() => process.exit(0)));
