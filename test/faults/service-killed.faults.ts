import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sandbox } from '../helpers/cli.ts';
import { serverDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix } from '../helpers/redis.ts';
import { waitFor } from '../helpers/wait.ts';
import { ARTICLES, startPagedSite, writePagedSource } from '../crawl/paged-site.ts';
import type { FixtureSite } from '../fixtures/http-site.ts';
import { countRows, doubledUrls, startService, type Service } from './service.ts';

/**
 * The whole service (queue workers, article processing) killed with SIGKILL while articles are
 * being fetched and stored, then started again: the queued crawl is taken over and every article
 * ends up stored once, with its story. (The inline crawl killed mid-way is in
 * test/crawl/interruptions.test.ts, a digest worker killed at each step in test/digest/exactly-once.test.ts.)
 */
describe('the service killed with SIGKILL while it processes articles', { timeout: 900_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let pg: TestDb;
  let site: FixtureSite;
  const services: Service[] = [];

  beforeAll(async () => {
    box = await sandbox();
    pg = await serverDb();
    site = await startPagedSite();
  }, 120_000);
  afterAll(async () => {
    for (const s of services) await s.kill();
    await site?.close();
    await pg?.close();
    await dropPrefix(box.env.INDWATCH_QUEUE_PREFIX!);
    await box?.cleanup();
  });

  it('is started again and stores every article once', async () => {
    const env: NodeJS.ProcessEnv = { ...box.env, DATABASE_URL: pg.url, LOG_LEVEL: 'info' };
    await writePagedSource(env.INDWATCH_SELECTORS_DIR!, 'column', site.url, 'perMinute: 600\n  concurrency: 2\n  backoffSecs: 0.05');
    const first = startService(env);
    services.push(first);
    await waitFor(async () => (first.logs().includes('schedules installed') ? true : undefined), 180_000);
    expect((await runCli(['crawl', 'column'], { env, timeoutMs: 60_000 })).code).toBe(0);
    await waitFor(async () => ((await countRows(pg, 'articles')) >= 30 ? true : undefined), 300_000);
    await first.kill();
    const atKill = await countRows(pg, 'articles');

    const second = startService(env);
    services.push(second);
    await waitFor(async () => {
      const done = await pg.db.selectFrom('crawl_runs').select('status').where('status', 'not in', ['running', 'interrupted']).executeTakeFirst();
      return done && (await countRows(pg, 'articles')) === ARTICLES ? true : undefined;
    }, 400_000).catch(async (err: Error) => {
      throw new Error(`${err.message}; ${await countRows(pg, 'articles')} of ${ARTICLES} stored; the service logged:\n${second.logs().slice(-3000)}`);
    });
    process.stderr.write(`service killed: ${atKill} of ${ARTICLES} stored at SIGKILL; all ${ARTICLES} once after the restart\n`);
    expect(atKill).toBeLessThan(ARTICLES);
    expect(await doubledUrls(pg)).toEqual([]);
    expect(await pg.db.selectFrom('articles').select('id').where('story_id', 'is', null).execute()).toEqual([]);
    const runs = await pg.db.selectFrom('crawl_runs').select('status').orderBy('id').execute();
    expect(runs.map((r) => r.status)).toContain('interrupted');
  });
});
