import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { crawlSourceInline } from '../../src/crawl/crawl-source.ts';
import { startDemoSite, type DemoSite } from '../../src/demo/site.ts';
import { demoSource } from '../../src/demo/source.ts';
import { createQueues } from '../../src/queue/queues.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import { buildServer } from '../../src/web/server.ts';
import { UA } from '../fixtures/crawl-helpers.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';

const TOKEN = 'operator-token-for-tests-0123456789';

/** The value of one sample line of a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('/metrics and /healthz', () => {
  let dir: string;
  let app: App;
  let server: FastifyInstance;
  let site: DemoSite;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-metrics-'));
    site = await startDemoSite();
    const config = loadConfig({ REDIS_URL, INDWATCH_DATA_DIR: dir, INDWATCH_QUEUE_PREFIX: prefix, INDWATCH_RATE_LIMIT: '100000' });
    app = await openApp(config, { sources: new SourceRegistry([demoSource(site.url)]) });
    server = await buildServer(app, { operatorToken: TOKEN });
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await site?.close();
    await dropPrefix(prefix);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('counts crawls, pages and errors by source, queue depths and digests after a crawl', async () => {
    const before = await server.inject('/metrics');
    expect(before.statusCode).toBe(200);
    expect(before.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(before.body, 'indwatch_crawls_total', 'source="demo-binhai-gxj",status="ok"')).toBeUndefined();

    const result = await crawlSourceInline(app.db, demoSource(site.url), { userAgent: UA, pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
    expect(result.status).toBe('ok');
    await app.queues.crawl.add('crawl', { sourceId: 'demo-binhai-gxj' });
    await app.db
      .insertInto('subscribers')
      .values({ email: 'm@example.test', regions: '[]', keywords: '[]', sources: '[]', confirmed_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then(({ id }) =>
        app.db
          .insertInto('deliveries')
          .values([
            { subscriber_id: id, period_start: new Date(), period_end: new Date(), article_count: 3, status: 'sent', transport: 'smtp', attempts: 3, period_key: 'p1' },
            { subscriber_id: id, period_start: new Date(), period_end: new Date(), article_count: 3, status: 'failed', transport: 'smtp', attempts: 12, period_key: 'p2' },
          ])
          .execute(),
      );

    const text = (await server.inject('/metrics')).body;
    expect(sample(text, 'indwatch_crawls_total', 'source="demo-binhai-gxj",status="ok"')).toBe(1);
    expect(sample(text, 'indwatch_crawl_pages_total', 'source="demo-binhai-gxj"')).toBe(result.listPages + result.articlePages);
    expect(result.listPages + result.articlePages).toBeGreaterThan(1);
    expect(sample(text, 'indwatch_crawl_errors_total', 'source="demo-binhai-gxj"')).toBe(0);
    expect(sample(text, 'indwatch_queue_jobs', 'queue="crawl",state="waiting"')).toBe(1);
    expect(sample(text, 'indwatch_queue_jobs', 'queue="article",state="waiting"')).toBe(0);
    expect(sample(text, 'indwatch_digests_total', 'status="sent"')).toBe(1);
    expect(sample(text, 'indwatch_digests_total', 'status="failed"')).toBe(1);
    // Two failed attempts before the first went out, twelve for the one that never did.
    expect(sample(text, 'indwatch_smtp_failures_total')).toBe(14);
    expect(text).toContain('# TYPE indwatch_crawls_total counter');
  }, 120_000);

  it('answers /healthz with 200 while Redis and the database answer', async () => {
    const res = await server.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, db: true, redis: true });
  });

  it('answers /healthz with 503 naming Redis when Redis is unreachable', async () => {
    // Port 9 (discard) on loopback: nothing listens, connections are refused.
    const unreachable = createQueues({ host: '127.0.0.1', port: 9, maxRetriesPerRequest: 1, retryStrategy: () => 1000 }, prefix);
    const broken = await buildServer({ ...app, queues: unreachable }, { operatorToken: TOKEN });
    try {
      const res = await broken.inject('/healthz');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ ok: false, db: true, redis: false });
    } finally {
      await broken.close();
      await unreachable.close().catch(() => {});
    }
  }, 30_000);
});
