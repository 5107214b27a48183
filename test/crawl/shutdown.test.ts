import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRedisReachable } from '../../src/queue/redis.ts';
import { freePort, runCli, sandbox, spawnCli } from '../helpers/cli.ts';
import { serverDb, type TestDb } from '../helpers/db.ts';
import { PER_PAGE, startPagedSite, writePagedSource } from './paged-site.ts';

/** The first two list pages of the column: enough for a crawl that outlasts a stop at 30 requests a minute. */
const PAGES = 2;
const ARTICLES = PAGES * PER_PAGE;
import type { FixtureSite } from '../fixtures/http-site.ts';
import { waitFor } from '../helpers/wait.ts';

/** Starts `indwatch start --no-web`; resolves its exit code (null when killed by a signal). */
function startService(env: NodeJS.ProcessEnv): { child: ChildProcess; logs: () => string; exited: Promise<number | null> } {
  const child = spawnCli(['start', '--no-web'], env);
  let logs = '';
  child.stdout!.on('data', (d) => (logs += d));
  child.stderr!.on('data', (d) => (logs += d));
  return { child, logs: () => logs, exited: new Promise((resolve) => child.on('close', (code) => resolve(code))) };
}

describe('SIGTERM during a slow crawl', { timeout: 900_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let pg: TestDb;
  let site: FixtureSite;
  let redis: ChildProcess;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const port = await freePort();
    // Its own Redis, so killing and restarting services cannot disturb anyone else's queues.
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    box = await sandbox();
    pg = await serverDb();
    site = await startPagedSite();
    env = { ...box.env, REDIS_URL: `redis://127.0.0.1:${port}`, DATABASE_URL: pg.url, INDWATCH_SHUTDOWN_GRACE_MS: '3000', LOG_LEVEL: 'info' };
    await waitFor(async () => assertRedisReachable(env.REDIS_URL!).then(() => true), 30_000);
  }, 180_000);
  afterAll(async () => {
    redis?.kill('SIGKILL');
    await site?.close();
    await pg?.close();
    await box?.cleanup();
  });

  const stored = async () => Number((await pg.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('stops within the grace period, hands the crawl back, and the next start finishes it', async () => {
    // The default politeness: 30 requests a minute, so the column's 52 pages would take almost two minutes.
    await writePagedSource(env.INDWATCH_SELECTORS_DIR!, 'slowcol', site.url, 'perMinute: 30\n  concurrency: 2', PAGES);
    const first = startService(env);
    let killer: NodeJS.Timeout | undefined;
    try {
      await waitFor(async () => (first.logs().includes('schedules installed') ? true : undefined), 180_000);
      expect((await runCli(['crawl', 'slowcol'], { env, timeoutMs: 120_000 })).code).toBe(0);
      await waitFor(async () => ((await stored()) >= 2 ? true : undefined));
      const signalled = Date.now();
      first.child.kill('SIGTERM');
      // A stop that ignored the grace period would still be crawling a minute later.
      killer = setTimeout(() => first.child.kill('SIGKILL'), 60_000);
      const code = await first.exited;
      process.stderr.write(`SIGTERM to exit: ${Date.now() - signalled} ms, ${await stored()} of ${ARTICLES} articles stored\n`);
      expect(code).toBe(0);
      expect(first.logs()).toContain('"msg":"stopped"');
    } finally {
      clearTimeout(killer);
      first.child.kill('SIGKILL');
    }
    const runs = await pg.db.selectFrom('crawl_runs').select('status').orderBy('id').execute();
    expect(runs.map((r) => r.status)).toEqual(['interrupted']);
    expect(await stored()).toBeLessThan(ARTICLES);

    // The next start takes the crawl back up (faster, so the test does not wait on politeness).
    await writePagedSource(env.INDWATCH_SELECTORS_DIR!, 'slowcol', site.url, undefined, PAGES);
    const second = startService(env);
    try {
      const last = await waitFor(async () => {
        const run = await pg.db.selectFrom('crawl_runs').select(['status', 'summary']).orderBy('id', 'desc').executeTakeFirst();
        return run && run.status !== 'running' && run.status !== 'interrupted' ? run : undefined;
      }, 400_000).catch((err: Error) => {
        throw new Error(`${err.message}; the service logged:\n${second.logs().slice(-3000)}`);
      });
      expect(last.status).toBe('ok');
      expect(last.summary).toMatchObject({ interruptedRuns: 1 });
      expect(await stored()).toBe(ARTICLES);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      second.child.kill('SIGKILL');
    }
  });
});
