import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSourceInline } from '../../src/crawl/crawl-source.ts';
import { openDb, type Db } from '../../src/db/connect.ts';
import { fixtureSource, UA } from '../fixtures/crawl-helpers.ts';
import { startSite, type FixtureSite } from '../fixtures/http-site.ts';

const gbk = (s: string) => iconv.encode(s, 'gbk');
const META = '<meta http-equiv="Content-Type" content="text/html; charset=gbk">';
const page = (title: string, body: string) => gbk(`<html><head>${META}<title>${title}</title></head><body>${body}</body></html>`);

const LIST = page('工作动态', '<ul class="list"><li><a href="/art/2026/3/11/art_100_1.html">镕铸新材料项目投产</a><span>[2026-03-11]</span></li></ul>');
const ARTICLE = page(
  '镕铸新材料项目投产',
  '<h1>镕铸新材料项目投产</h1><div class="info">2026年03月11日 09:30</div><div id="zoom"><p>　　3月10日，总投资十二亿元的镕铸新材料项目正式投产，预计年产值二十亿元，新增就业岗位八百个。</p><p>该项目由堃元集团建设。</p></div>',
);
const ETAG = '"list-v1"';

let site: FixtureSite;
let db: Db;

beforeAll(async () => {
  site = await startSite({
    '/robots.txt': { body: '', type: 'text/plain', status: 404 },
    // Content-Type without a charset: only the <meta> says GBK.
    '/col/col100/index.html': (req, res) => {
      if (req.headers['if-none-match'] === ETAG) res.writeHead(304, { etag: ETAG }).end();
      else res.writeHead(200, { 'content-type': 'text/html', etag: ETAG }).end(LIST);
    },
    '/art/2026/3/11/art_100_1.html': { body: ARTICLE, type: 'text/html' },
  });
  db = await openDb({});
}, 120_000);
afterAll(async () => {
  await site.close();
  await db.destroy();
});

describe('crawling a GBK site end to end', () => {
  it('stores the article decoded from its <meta> charset, then answers a re-crawl with a 304', async () => {
    const source = fixtureSource({
      id: 'gbk-site',
      list: { urls: [`${site.url}/col/col100/index.html`], item: 'ul.list li', date: 'span' },
      article: { title: 'h1', date: '.info', body: '#zoom' },
    });
    const first = await crawlSourceInline(db, source, { userAgent: UA, pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
    expect(first).toMatchObject({ status: 'ok', listPages: 1, articlePages: 1, stored: 1, notModified: 0 });
    const row = await db.selectFrom('articles').select(['title', 'clean_text', 'published_at']).executeTakeFirstOrThrow();
    expect(row.title).toBe('镕铸新材料项目投产');
    expect(row.clean_text).toBe('3月10日，总投资十二亿元的镕铸新材料项目正式投产，预计年产值二十亿元，新增就业岗位八百个。\n该项目由堃元集团建设。');
    expect(row.published_at?.toISOString()).toBe('2026-03-11T01:30:00.000Z');

    const again = await crawlSourceInline(db, source, { userAgent: UA, pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
    expect(again).toMatchObject({ status: 'ok', notModified: 1, listPages: 0, articlePages: 0, stored: 0 });
    expect(site.hits.get('/col/col100/index.html')).toBe(2);
    expect(site.hits.get('/art/2026/3/11/art_100_1.html')).toBe(1);
  });
});
