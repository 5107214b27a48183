import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import { saveArticle } from '../../src/store/articles.ts';
import { buildServer } from '../../src/web/server.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';

const TOKEN = 'operator-token-for-tests-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('the HTTP API', () => {
  let dir: string;
  let app: App;
  let server: FastifyInstance;
  const prefix = uniquePrefix();
  let articleId: number;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-web-'));
    app = await openApp(loadConfig({ REDIS_URL, INDWATCH_DATA_DIR: dir, INDWATCH_QUEUE_PREFIX: prefix, INDWATCH_ALLOW_ADDRESSES: '127.0.0.1' }), { sources: new SourceRegistry() });
    server = await buildServer(app, { operatorToken: TOKEN });
    const text = '临江市1-9月规模以上工业增加值同比增长7.2%。';
    ({ articleId } = await saveArticle(
      app.db,
      {
        sourceId: 'lj',
        url: 'http://gxj.example.cn/art/1.html',
        title: '临江工业<script>alert(1)</script>',
        publishedAt: new Date(),
        region: '临江市',
        rawHash: 'r',
        contentHash: 'c',
        cleanText: text,
        relevance: { relevant: true, score: 0.9, reasons: [] },
        fetchedAt: new Date(),
      },
      [{ tier: 1, region: '临江市', period: '2026-01~2026-09', indicator: '规模以上工业增加值', kind: 'growth', value: 7.2, unit: '%', basis: '同比', target: false, quote: '规模以上工业增加值同比增长7.2%' }],
    ));
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await dropPrefix(prefix);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('lists stories and serves an article with its figures as JSON', async () => {
    const stories = await server.inject('/api/stories?region=临江市');
    expect(stories.statusCode).toBe(200);
    expect(stories.json()).toEqual({ items: [expect.objectContaining({ articleId, title: '临江工业<script>alert(1)</script>', alsoAt: [] })], next: null });
    const article = await server.inject(`/api/articles/${articleId}`);
    expect(article.json()).toMatchObject({ id: articleId, figures: [{ indicator: '规模以上工业增加值', value: 7.2 }] });
    expect((await server.inject('/api/articles/999999')).statusCode).toBe(404);
    expect((await server.inject('/api/articles/abc')).statusCode).toBe(400);
    expect((await server.inject('/api/articles?limit=5000')).statusCode).toBe(400);
  });

  it('previews the digest as escaped HTML', async () => {
    const r = await server.inject({ url: '/digest/preview?since=1d', headers: auth });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('临江工业&lt;script&gt;');
    expect(r.body).not.toContain('<script>alert(1)');
    const bad = await server.inject({ url: '/digest/preview?since=whenever', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^since: expected a duration/);
  });

  it('refuses to crawl a source it does not know', async () => {
    const r = await server.inject({ method: 'POST', url: '/api/sources/nowhere/crawl', headers: auth });
    expect(r.statusCode).toBe(404);
  });
});
