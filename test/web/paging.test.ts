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
import { serverDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';

interface Listed {
  items: { id?: number; storyId?: number; region: string | null; source_id?: string; title: string }[];
  next: string | null;
}

const REGIONS = ['临江市', '白河市', '青山县'];
const ARTICLES = 25;

/** Distinct texts (so each is its own story), in three regions and two sources, all fetched at one instant. */
async function seed(app: App): Promise<void> {
  // One instant for all: the cursor must still tell them apart (by id), not skip or repeat any.
  const at = new Date();
  for (let i = 0; i < ARTICLES; i++) {
    const region = REGIONS[i % 3];
    const topic = i % 5 === 0 ? '集成电路' : `第${i}号产业园`;
    await saveArticle(
      app.db,
      {
        sourceId: i % 2 ? 'odd' : 'even',
        url: `http://gxj.example.cn/art/${i}.html`,
        title: `${region}${topic}报告${i}`,
        publishedAt: at,
        region,
        rawHash: `r${i}`,
        contentHash: `c${i}`,
        cleanText: `${region}前${(i % 11) + 1}个月${topic}产值增长${i}.${i}%，${'文'.repeat(i)}编号${i * 7919}。`,
        relevance: { relevant: true, score: 0.9, reasons: [] },
        fetchedAt: at,
      },
      [],
    );
  }
}

async function walk(server: FastifyInstance, first: string): Promise<{ pages: Listed[]; items: Listed['items'] }> {
  const pages: Listed[] = [];
  for (let url: string | null = first; url; ) {
    const r = await server.inject(url);
    expect(r.statusCode).toBe(200);
    const page = r.json() as Listed;
    if (page.next) expect(r.headers.link).toBe(`<${page.next}>; rel="next"`);
    pages.push(page);
    url = page.next;
    expect(pages.length).toBeLessThan(50);
  }
  return { pages, items: pages.flatMap((p) => p.items) };
}

describe.each([
  ['PGlite', async () => undefined],
  ['PostgreSQL', serverDb],
] as [string, () => Promise<TestDb | undefined>][])('paging through the API on %s', (_name, makeDb) => {
  let dir: string;
  let app: App;
  let server: FastifyInstance;
  let pg: TestDb | undefined;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-paging-'));
    pg = await makeDb();
    const env = { REDIS_URL, INDWATCH_DATA_DIR: dir, INDWATCH_QUEUE_PREFIX: prefix, INDWATCH_RATE_LIMIT: '100000', DATABASE_URL: pg?.url };
    app = await openApp(loadConfig(env), { sources: new SourceRegistry() });
    server = await buildServer(app, { operatorToken: 'operator-token-for-tests-0123456789' });
    await seed(app);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await pg?.close();
    await dropPrefix(prefix);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('walks every article once, newest first, by following next', async () => {
    const { pages, items } = await walk(server, '/api/articles?limit=4');
    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    expect(pages.at(-1)!.next).toBeNull();
    const ids = items.map((a) => a.id!);
    expect(new Set(ids).size).toBe(ARTICLES);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('walks every story once, keeping the filters in the next link', async () => {
    const { items } = await walk(server, `/api/stories?limit=2&region=${encodeURIComponent('临江市')}&region=${encodeURIComponent('白河市')}`);
    expect(items).toHaveLength(17);
    expect(new Set(items.map((s) => s.storyId)).size).toBe(17);
    expect(new Set(items.map((s) => s.region))).toEqual(new Set(['临江市', '白河市']));
  });

  it('filters as the CLI does: region, keyword, source and since', async () => {
    const chips = await walk(server, `/api/articles?keyword=${encodeURIComponent('集成电路')}&limit=2`);
    expect(chips.items.map((a) => a.title).sort()).toEqual([0, 5, 10, 15, 20].map((i) => `${REGIONS[i % 3]}集成电路报告${i}`).sort());
    const odd = await walk(server, '/api/articles?source=odd&limit=200');
    expect(odd.items).toHaveLength(12);
    expect(new Set(odd.items.map((a) => a.source_id))).toEqual(new Set(['odd']));
    expect((await walk(server, '/api/articles?since=1h')).items).toHaveLength(ARTICLES);
    expect((await walk(server, '/api/stories?since=2026-01-01&keyword=nothing-like-this')).items).toHaveLength(0);
  });

  it('answers a bad limit or cursor with a 400 naming the parameter', async () => {
    for (const limit of ['0', '201', '1000', 'abc', '-1', '2.5']) {
      const r = await server.inject(`/api/articles?limit=${limit}`);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toEqual({ error: 'limit: must be a whole number from 1 to 200' });
    }
    const twice = await server.inject('/api/stories?limit=1&limit=2');
    expect(twice.json()).toEqual({ error: 'limit: give it once' });
    for (const cursor of ['garbage', Buffer.from('{"at":"x","id":1}').toString('base64url'), Buffer.from("{\"at\":\"2026-01-01'); drop table articles; --\",\"id\":1}").toString('base64url')]) {
      const r = await server.inject(`/api/articles?cursor=${cursor}`);
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatch(/^cursor: not a cursor this API gave out/);
    }
  });
});
