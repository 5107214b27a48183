import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRedisReachable } from '../../src/queue/redis.ts';
import { freePort, runCli, sandbox } from '../helpers/cli.ts';
import { serverDb, type TestDb } from '../helpers/db.ts';
import { waitFor } from '../helpers/wait.ts';
import { ARTICLES, startPagedSite, writePagedSource } from '../crawl/paged-site.ts';
import { startSite, html, type FixtureSite } from '../fixtures/http-site.ts';
import { doubledUrls, startService, type Service } from './service.ts';

/** A redis-server of the test's own, with the append-only file on as in docker-compose.yml. */
function startRedis(port: number, dir: string): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
  return { child, exited: new Promise((resolve) => child.on('exit', () => resolve())) };
}

/**
 * Redis is stopped mid-crawl and started again on the same append-only file: the crawl resumes
 * and finishes with every article once, and the schedules kept in Redis still fire afterwards.
 */
describe('Redis restarted during a crawl', { timeout: 900_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let pg: TestDb;
  let column: FixtureSite;
  let ticker: FixtureSite;
  let redisDir: string;
  let redis: ReturnType<typeof startRedis> | undefined;
  let service: Service | undefined;

  beforeAll(async () => {
    box = await sandbox();
    pg = await serverDb();
    column = await startPagedSite();
    ticker = await startSite({
      '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
      '/list.html': { body: html('动态', '<ul class="list"><li><a href="/1.html">工业经济运行</a></li></ul>') },
      '/1.html': { body: html('工业经济运行', '<h1>工业经济运行</h1><div id="zoom"><p>全市规模以上工业增加值同比增长6.5%。</p></div>') },
    });
    redisDir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-redis-'));
  }, 120_000);
  afterAll(async () => {
    await service?.kill();
    redis?.child.kill('SIGKILL');
    await redis?.exited;
    await column?.close();
    await ticker?.close();
    await pg?.close();
    await box?.cleanup();
    await fs.rm(redisDir, { recursive: true, force: true });
  });

  it('resumes the crawl, stores every article once, and fires the schedules after the restart', async () => {
    const port = await freePort();
    redis = startRedis(port, redisDir);
    const env: NodeJS.ProcessEnv = { ...box.env, REDIS_URL: `redis://127.0.0.1:${port}`, DATABASE_URL: pg.url, LOG_LEVEL: 'info' };
    await waitFor(async () => assertRedisReachable(env.REDIS_URL!).then(() => true), 30_000);
    const dir = env.INDWATCH_SELECTORS_DIR!;
    await writePagedSource(dir, 'column', column.url, 'perMinute: 600\n  concurrency: 2\n  backoffSecs: 0.05');
    // A source crawled every ten seconds: its runs show the schedule firing.
    await fs.writeFile(
      path.join(dir, 'ticker.yaml'),
      ['id: ticker', 'name: 定时栏目', 'region: 示例市', 'list:', `  urls: ["${ticker.url}/list.html"]`, '  item: ul.list li', 'article:', '  body: "#zoom"', 'schedule:', '  cron: "*/10 * * * * *"', 'politeness:', '  perMinute: 6000', ''].join('\n'),
    );
    const columnArticles = async () => Number((await pg.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).where('source_id', '=', 'column').executeTakeFirstOrThrow()).n);
    const tickerRuns = async () => Number((await pg.db.selectFrom('crawl_runs').select((eb) => eb.fn.countAll().as('n')).where('source_id', '=', 'ticker').executeTakeFirstOrThrow()).n);

    service = startService(env);
    await waitFor(async () => (service!.logs().includes('schedules installed') ? true : undefined), 180_000);
    expect((await runCli(['crawl', 'column'], { env, timeoutMs: 60_000 })).code).toBe(0);
    await waitFor(async () => ((await columnArticles()) >= 20 ? true : undefined), 300_000);

    // SIGTERM: Redis writes the append-only file and exits, as `docker compose restart` does.
    redis.child.kill('SIGTERM');
    await redis.exited;
    const before = await columnArticles();
    await new Promise((r) => setTimeout(r, 5_000));
    redis = startRedis(port, redisDir);

    await waitFor(async () => {
      const done = await pg.db.selectFrom('crawl_runs').select('status').where('source_id', '=', 'column').where('status', 'not in', ['running', 'interrupted']).executeTakeFirst();
      return done && (await columnArticles()) >= ARTICLES ? true : undefined;
    }, 600_000).catch((err: Error) => {
      throw new Error(`${err.message}; the service logged:\n${service!.logs().slice(-4000)}`);
    });
    const ticksAfterRestart = await tickerRuns();
    await waitFor(async () => ((await tickerRuns()) >= ticksAfterRestart + 2 ? true : undefined), 120_000).catch((err: Error) => {
      throw new Error(`${err.message}: the ten-second schedule did not fire twice after Redis came back`);
    });
    process.stderr.write(`redis restart: ${before} of ${ARTICLES} stored when Redis stopped; all ${ARTICLES} once after; schedule fired again\n`);
    expect(before).toBeLessThan(ARTICLES);
    expect(await columnArticles()).toBe(ARTICLES);
    expect(await doubledUrls(pg)).toEqual([]);
    expect(service.child.exitCode).toBe(null);
  });
});
