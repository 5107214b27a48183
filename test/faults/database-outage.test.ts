import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, sandbox } from '../helpers/cli.ts';
import { serverDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix } from '../helpers/redis.ts';
import { waitFor } from '../helpers/wait.ts';
import { ARTICLES, startPagedSite, writePagedSource } from '../crawl/paged-site.ts';
import type { FixtureSite } from '../fixtures/http-site.ts';
import { countRows, doubledUrls, startService, type Service } from './service.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

/**
 * The service reaches PostgreSQL through a relay on loopback; mid-crawl the relay is taken down
 * (every connection cut, new ones refused) and brought back. The crawl must finish with every
 * article stored once and nothing half-written.
 */
describe('PostgreSQL unreachable during a crawl', { timeout: 900_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let pg: TestDb;
  let site: FixtureSite;
  let proxy: TcpProxy;
  let service: Service | undefined;
  const outageMs = inject('faultOutageMs') ?? 15_000;

  beforeAll(async () => {
    box = await sandbox();
    pg = await serverDb();
    site = await startPagedSite();
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
  }, 120_000);
  afterAll(async () => {
    await service?.kill();
    await proxy?.close();
    await site?.close();
    await pg?.close();
    await dropPrefix(box.env.INDWATCH_QUEUE_PREFIX!);
    await box?.cleanup();
  });

  it(`finishes the crawl after ${outageMs / 1000} s without the database: every article once, none without its story`, async () => {
    const viaProxy = new URL(pg.url!);
    viaProxy.port = String(proxy.port);
    const env: NodeJS.ProcessEnv = { ...box.env, DATABASE_URL: viaProxy.toString(), LOG_LEVEL: 'info' };
    // 600 requests a minute: the 260 pages take about half a minute, so the outage falls mid-crawl.
    await writePagedSource(env.INDWATCH_SELECTORS_DIR!, 'column', site.url, 'perMinute: 600\n  concurrency: 2\n  backoffSecs: 0.05');
    service = startService(env);
    await waitFor(async () => (service!.logs().includes('schedules installed') ? true : undefined), 180_000);
    expect((await runCli(['crawl', 'column'], { env, timeoutMs: 60_000 })).code).toBe(0);
    await waitFor(async () => ((await countRows(pg, 'articles')) >= 20 ? true : undefined), 300_000);

    await proxy.stop();
    const before = await countRows(pg, 'articles');
    await new Promise((r) => setTimeout(r, outageMs));
    await proxy.start();

    const run = await waitFor(async () => {
      const r = await pg.db.selectFrom('crawl_runs').select(['status', 'summary']).where('status', 'not in', ['running', 'interrupted']).orderBy('id', 'desc').executeTakeFirst();
      return r && (await countRows(pg, 'articles')) === ARTICLES ? r : undefined;
    }, 180_000).catch(async (err: Error) => {
      throw new Error(`${err.message}; ${await countRows(pg, 'articles')} of ${ARTICLES} articles stored; the service logged:\n${service!.logs().slice(-4000)}`);
    });
    process.stderr.write(`database outage: ${before} of ${ARTICLES} stored when cut for ${outageMs} ms; run ${run.status}\n`);
    expect(before).toBeLessThan(ARTICLES);
    expect(await doubledUrls(pg)).toEqual([]);
    // No partial rows: every stored article has its story, and every figure its article.
    expect(await pg.db.selectFrom('articles').select('id').where('story_id', 'is', null).execute()).toEqual([]);
    const orphans = await pg.db.selectFrom('figures').leftJoin('articles', 'articles.id', 'figures.article_id').select('figures.id').where('articles.id', 'is', null).execute();
    expect(orphans).toEqual([]);
    expect(service.child.exitCode).toBe(null);
  });
});
