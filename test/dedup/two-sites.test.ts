import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSourceInline } from '../../src/crawl/crawl-source.ts';
import { SourceSchema } from '../../src/sources/schema.ts';
import { BACKENDS, type TestDb } from '../helpers/db.ts';
import * as T from './texts.ts';

interface Page {
  title: string;
  date: string;
  text: string;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'twp' });
const body = (text: string) => text.split('\n').filter(Boolean).map((l) => `<p>${l}</p>`).join('\n');
const titleOf = (text: string) => text.split('\n')[0];

/** A small site: one list page linking its articles (each under the given hrefs), one page per article. */
function site(name: string, articles: { path: string; links: string[]; page: Page }[], dress: (p: Page) => string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    if (path === '/list.html') {
      const items = articles.flatMap((a) => a.links.map((href) => `<li><a href="${href}">${a.page.title}</a><span class="date">${a.page.date}</span></li>`));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><head><title>${name}</title></head><body><ul class="list">${items.join('\n')}</ul></body></html>`);
      return;
    }
    const article = articles.find((a) => a.path === path);
    if (!article) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(dress(article.page));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const page = (text: string, date: string): Page => ({ title: titleOf(text), date, text: text.split('\n').slice(1).join('\n') });
const report = page(T.REPORT, '2025-06-18');
const meeting = page(T.SAME_BUREAU_OTHER, '2025-06-12');

describe.each(BACKENDS)('crawling two sites that share stories, on %s', (_name, open) => {
  let t: TestDb;
  let bureau: http.Server;
  let mirror: http.Server;
  const base = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

  beforeAll(async () => {
    t = await open();
    bureau = await site(
      '青川市工信局',
      [
        // The same page linked twice, once with a tracking parameter and a fragment.
        { path: '/art/2025/6/18/art_1_101.html', links: ['/art/2025/6/18/art_1_101.html', '/art/2025/6/18/art_1_101.html?utm_source=wx#top'], page: report },
        { path: '/art/2025/6/12/art_1_100.html', links: ['/art/2025/6/12/art_1_100.html'], page: meeting },
        { path: '/art/2025/5/20/art_1_99.html', links: ['/art/2025/5/20/art_1_99.html'], page: page(T.PREVIOUS_MONTH, '2025-05-20') },
      ],
      (p) => `<html><body><h1 class="title">${p.title}</h1><div class="info">发布日期:${p.date}</div><div id="zoom">${body(p.text)}</div></body></html>`,
    );
    mirror = await site(
      '资讯站',
      [
        { path: '/news/88231.html', links: ['/news/88231.html?spm=a2.b3'], page: report },
        { path: '/news/88240.html', links: ['/news/88240.html'], page: meeting },
        { path: '/news/88302.html', links: ['/news/88302.html'], page: page(T.INTERVIEW, '2025-06-24') },
      ],
      (p) =>
        `<html><body><div class="banner">${toTraditional('欢迎光临金沙娱乐城官方网站,注册即送彩金')}</div><h1>${toTraditional(p.title)}</h1><div class="content"><p>${toTraditional('欢迎光临金沙娱乐城官方网站,注册即送彩金')}</p>${body(toTraditional(p.text))}<p>本站部分內容轉載自網絡,如有侵權請聯繫刪除。</p></div></body></html>`,
    );
  });

  afterAll(async () => {
    await new Promise((r) => bureau?.close(r));
    await new Promise((r) => mirror?.close(r));
    await t?.close();
  });

  it('stores each shared story once, with both places', async () => {
    const source = (id: string, name: string, s: http.Server, bodySelector: string) =>
      SourceSchema.parse({
        id,
        name,
        region: '青川市',
        list: { urls: [`${base(s)}/list.html`], item: 'ul.list li', date: 'span.date' },
        article: { title: 'h1', body: bodySelector },
      });
    const a = await crawlSourceInline(t.db, source('qc-gxj', '青川市工信局', bureau, '#zoom'), { userAgent: 'indwatch-test', pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
    const b = await crawlSourceInline(t.db, source('zixun', '资讯站', mirror, 'div.content'), { userAgent: 'indwatch-test', pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect({ a: a.stored, b: b.stored, duplicates: b.duplicates }).toEqual({ a: 3, b: 1, duplicates: 2 });

    const articles = await t.db.selectFrom('articles').select(['url', 'story_id', 'source_id', 'mirror']).orderBy('id').execute();
    expect(articles).toHaveLength(6);
    const stories = await t.db
      .selectFrom('stories')
      .innerJoin('articles', 'articles.id', 'stories.primary_article_id')
      .select(['stories.id', 'articles.url as primary'])
      .execute();
    expect(stories).toHaveLength(4);
    const placesOf = (urlEnd: string) => {
      const storyId = articles.find((r) => r.url.endsWith(urlEnd))!.story_id;
      return articles.filter((r) => r.story_id === storyId).map((r) => r.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''));
    };
    expect(placesOf('/art/2025/6/18/art_1_101.html')).toEqual(['/art/2025/6/18/art_1_101.html', '/news/88231.html']);
    expect(placesOf('/art/2025/6/12/art_1_100.html')).toEqual(['/art/2025/6/12/art_1_100.html', '/news/88240.html']);
    expect(placesOf('/art/2025/5/20/art_1_99.html')).toHaveLength(1);
    expect(placesOf('/news/88302.html')).toHaveLength(1);
    // The bureau's copy, not the converted mirror, stands for each shared story.
    expect(stories.map((s) => s.primary).filter((u) => u.includes('/news/')).map((u) => u.replace(/^.*\/news/, '/news'))).toEqual(['/news/88302.html']);
    expect(articles.filter((r) => r.mirror).map((r) => r.source_id)).toEqual(['zixun', 'zixun', 'zixun']);
  }, 90_000);
});
