import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isDatabaseOutage, waitOutOutages } from '../../src/queue/outage.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';

/** The error node-postgres gives when nothing listens where the database should be. */
async function refusedConnection(): Promise<unknown> {
  const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:9/postgres', connectionTimeoutMillis: 2000 });
  return client.connect().then(
    () => new Error('a server answered on port 9'),
    (err: unknown) => err,
  );
}

describe('a job that meets an unreachable database', () => {
  const prefix = uniquePrefix();
  afterAll(() => dropPrefix(prefix));

  it('tells an unreachable database from the job failing on its own', async () => {
    const refused = await refusedConnection();
    expect(isDatabaseOutage(refused)).toBe(true);
    expect(isDatabaseOutage(new Error('storing failed', { cause: refused }))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isDatabaseOutage(new Error('no article text'))).toBe(false);
  });

  it('waits for the database without using its attempts, and still fails for its own errors', async () => {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('outage', { connection, prefix });
    const events = new QueueEvents('outage', { connection: { url: REDIS_URL }, prefix });
    await events.waitUntilReady();
    const refused = await refusedConnection();
    const tries = new Map<string, number>();
    const worker = new Worker(
      'outage',
      waitOutOutages(
        async (job) => {
          const n = (tries.get(job.name) ?? 0) + 1;
          tries.set(job.name, n);
          if (job.name === 'outage' && n <= 3) throw new Error('could not store the article', { cause: refused });
          if (job.name === 'broken') throw new Error('the job itself is wrong');
          return n;
        },
        { firstDelayMs: 50, maxDelayMs: 200, giveUpAfterMs: 60_000 },
      ),
      { connection, prefix },
    );
    try {
      // One attempt only: without the wait, the first refused connection would fail the job for good.
      const outage = await queue.add('outage', {}, { attempts: 1 });
      expect(await outage.waitUntilFinished(events, 30_000)).toBe(4);
      const done = await queue.getJob(outage.id!);
      expect(done?.attemptsMade).toBe(1);
      const broken = await queue.add('broken', {}, { attempts: 1 });
      await expect(broken.waitUntilFinished(events, 30_000)).rejects.toThrow('the job itself is wrong');
      expect(tries.get('broken')).toBe(1);
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
      connection.disconnect();
    }
  });
});
