import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { CrawlResult } from '../../src/crawl/crawl-result.ts';
import { startDemoSite, type DemoSite } from '../../src/demo/site.ts';
import { demoSource } from '../../src/demo/source.ts';
import { waitForJob } from '../../src/queue/wait.ts';
import { startWorkers, type Workers } from '../../src/queue/workers.ts';
import { processors } from '../../jobs/index.ts';
import { syncSchedulers } from '../../src/queue/schedulers.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import type { DigestOutcome } from '../../src/digest/send.ts';
import { upsertSubscriber } from '../../src/store/subscribers.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';

describe('the pipeline through real BullMQ queues, Redis and the embedded database', { timeout: 120_000 }, () => {
  let dir: string;
  let site: DemoSite;
  let app: App;
  let workers: Workers;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-queues-'));
    site = await startDemoSite();
    const config = loadConfig({ REDIS_URL, INDWATCH_DATA_DIR: dir, INDWATCH_QUEUE_PREFIX: prefix, INDWATCH_ALLOW_ADDRESSES: '127.0.0.1' });
    app = await openApp(config, { sources: new SourceRegistry([demoSource(site.url)]) });
    workers = startWorkers(app.queues, processors(app));
  }, 180_000);

  afterAll(async () => {
    await workers?.close();
    await app?.close();
    await site?.close();
    await dropPrefix(prefix);
    await fs.rm(dir, { recursive: true, force: true });
  });

  const crawl = async () => {
    const job = await app.queues.crawl.add('crawl', { sourceId: 'demo-binhai-gxj' });
    return waitForJob<CrawlResult>(app.queues.crawl, job.id!, () => {});
  };

  it('crawls every list page, stores each article once and summarises what happened', async () => {
    const result = await crawl();
    expect(result).toMatchObject({ status: 'ok', listPages: 2, articlePages: 5, newArticles: 5, stored: 5, errors: [] });
    const rows = await app.db.selectFrom('articles').select(['url', 'title', 'region', 'published_at']).orderBy('url').execute();
    expect(rows.map((r) => new URL(r.url).pathname)).toEqual([1001, 1002, 1003, 1004, 1005].map((n) => `/art/2026/art_${n}.html`));
    const first = rows[0];
    expect(first.title).toBe('前三季度全市工业经济稳中有进');
    expect(first.region).toBe('滨海市');
    // 2026-10-28 09:30 in Asia/Shanghai
    expect(first.published_at?.toISOString()).toBe('2026-10-28T01:30:00.000Z');
    const state = await app.db.selectFrom('sources').selectAll().where('id', '=', 'demo-binhai-gxj').executeTakeFirstOrThrow();
    expect(state.last_crawl_status).toBe('ok');
  });

  it('finds nothing new on a second crawl and changes nothing stored', async () => {
    const before = await app.db.selectFrom('articles').select(['id', 'updated_at']).orderBy('id').execute();
    const result = await crawl();
    expect(result).toMatchObject({ status: 'ok', newArticles: 0, stored: 0, articlePages: 0 });
    expect(result.alreadySeen).toBeGreaterThan(0);
    expect(await app.db.selectFrom('articles').select(['id', 'updated_at']).orderBy('id').execute()).toEqual(before);
  });

  it('sends the digest job to the outbox, once', async () => {
    await upsertSubscriber(app.db, { email: 'reader@example.com' });
    const send = async () => {
      const job = await app.queues.digest.add('digest', { email: 'reader@example.com' });
      return waitForJob<DigestOutcome[]>(app.queues.digest, job.id!, () => {});
    };
    const [first] = await send();
    expect(first.status).toBe('sent');
    const mail = await simpleParser(await fs.readFile(first.location!));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('reader@example.com');
    expect(mail.html).toContain('前三季度全市工业经济稳中有进');
    expect(mail.text).toContain('滨海市');
    expect(await fs.readFile(first.preview!, 'utf8')).toContain('<html');
    const [second] = await send();
    expect(second.status).toBe('nothing-new');
  });

  it('installs one job scheduler per source and one for the digest', async () => {
    await syncSchedulers(app);
    const schedulers = await app.queues.crawl.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.key)).toEqual([`crawl:demo-binhai-gxj@${app.config.installationId}`]);
    expect(schedulers[0]).toMatchObject({ pattern: '*/30 * * * *', tz: 'Asia/Shanghai' });
    expect((await app.queues.digest.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual([`digest@${app.config.installationId}`]);
  });

  it('reports a list page that yields no items as a warning, not as "nothing new"', async () => {
    const broken = demoSource(site.url);
    broken.id = 'demo-redesigned';
    broken.list.item = 'div.no-such-list li';
    app.sources.add(broken);
    const job = await app.queues.crawl.add('crawl', { sourceId: broken.id });
    const result = await waitForJob<CrawlResult>(app.queues.crawl, job.id!, () => {});
    expect(result.status).toBe('warning');
    expect(result.warnings.join('\n')).toMatch(/list\.item "div\.no-such-list li" matched nothing: has the site changed\?/);
  });

  it('crawls again into an emptied database on the same Redis (finished jobs of earlier crawls are no obstacle)', async () => {
    const other = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-queues-'));
    await workers.close();
    const fresh = await openApp(loadConfig({ REDIS_URL, INDWATCH_DATA_DIR: other, INDWATCH_QUEUE_PREFIX: prefix, INDWATCH_ALLOW_ADDRESSES: '127.0.0.1' }), {
      sources: new SourceRegistry([demoSource(site.url)]),
    });
    const freshWorkers = startWorkers(fresh.queues, processors(fresh));
    try {
      const job = await fresh.queues.crawl.add('crawl', { sourceId: 'demo-binhai-gxj' });
      const result = await waitForJob<CrawlResult>(fresh.queues.crawl, job.id!, () => {});
      expect(result).toMatchObject({ status: 'ok', stored: 5, errors: [] });
    } finally {
      await freshWorkers.close();
      await fresh.close();
      await fs.rm(other, { recursive: true, force: true });
    }
  });
});
