import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSource, crawlCollect } from '../fixtures/crawl-helpers.ts';
import { chinesePdf } from '../fixtures/pdf.ts';
import { html, startSite, type FixtureSite } from '../fixtures/http-site.ts';

const article = (title: string, text: string) => html(title, `<h1>${title}</h1><div class="info">发布时间：2026-03-11</div><div id="zoom"><p>${text}</p></div>`);
const list = (links: [string, string, string][]) =>
  html('列表', `<ul class="list">${links.map(([href, t, d]) => `<li><a href="${href}">${t}</a><span class="date">${d}</span></li>`).join('')}</ul>`);
const LONG = '全市规模以上工业增加值同比增长百分之六点二，其中制造业增长百分之七点一，新开工亿元以上项目二十个，完成投资一百二十亿元。';

let site: FixtureSite;

beforeAll(async () => {
  site = await startSite({
    '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n', type: 'text/plain' },
    '/faults/index.html': {
      body: list([
        ['/art/flaky.html', '一季度工业运行情况', '2026-03-11'],
        ['/art/busy.html', '重点项目建设进展', '2026-03-10'],
        ['/private/secret.html', '内部通知', '2026-03-09'],
        ['/art/slow.html', '慢页面', '2026-03-08'],
        ['/art/huge.html', '超长页面', '2026-03-07'],
        ['/files/report.pdf', '二〇二六年一季度经济运行报告', '2026-03-06'],
      ]),
    },
    '/art/flaky.html': (_req, res, hit) => {
      if (hit === 1) res.writeHead(503, { 'content-type': 'text/html' }).end('busy');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article('一季度工业运行情况', LONG));
    },
    '/art/busy.html': (_req, res, hit) => {
      if (hit === 1) res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('slow down');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article('重点项目建设进展', LONG));
    },
    '/private/secret.html': { body: article('内部通知', LONG) },
    '/art/slow.html': (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article('慢页面', LONG)), 3000).unref();
    },
    '/art/huge.html': { body: article('超长页面', LONG + '填充'.repeat(200_000)) },
    '/files/report.pdf': { body: chinesePdf(['一季度全市工业增加值增长百分之六。', '新签约项目四十个，总投资三百亿元。']), type: 'application/pdf' },
  });
});
afterAll(() => site.close());

describe('crawling a site that misbehaves', () => {
  it('retries, waits out Retry-After, honours robots.txt, times out, cuts off big pages and reads PDFs', async () => {
    const source = fixtureSource({
      list: { urls: [`${site.url}/faults/index.html`], item: 'ul.list li', date: 'span.date' },
      article: { title: 'h1', date: '.info', body: '#zoom' },
      // One retry for 5xx; the 429 must not need it.
      politeness: { retries: 1, timeoutSecs: 1, maxBytes: 20_000 },
    });
    const { summary, articles } = await crawlCollect(source);
    const byPath = new Map(articles.map((a) => [new URL(a.url).pathname, a]));

    expect(byPath.get('/art/flaky.html')?.text).toContain('同比增长百分之六点二');
    expect(site.hits.get('/art/flaky.html')).toBe(2);
    expect(byPath.get('/art/busy.html')?.title).toBe('重点项目建设进展');
    expect(site.hits.get('/art/busy.html')).toBe(2);

    expect(site.hits.get('/private/secret.html')).toBeUndefined();
    expect(summary.robotsBlocked).toBe(1);

    expect(byPath.has('/art/slow.html')).toBe(false);
    expect(summary.errors).toEqual([expect.objectContaining({ url: `${site.url}/art/slow.html`, message: expect.stringMatching(/timed out after 1 s/) })]);

    expect(summary.oversized).toBe(1);
    expect(summary.warnings.join('\n')).toContain('/art/huge.html is larger than 20000 bytes');
    expect(byPath.get('/art/huge.html')?.text.startsWith('全市规模以上工业增加值')).toBe(true);

    const pdf = byPath.get('/files/report.pdf');
    expect(pdf?.title).toBe('二〇二六年一季度经济运行报告');
    expect(pdf?.text).toContain('新签约项目四十个，总投资三百亿元。');
    expect(pdf?.publishedAt).toBe('2026-03-05T16:00:00.000Z');
    // Read in a thread of its own: pdfjs's polyfills (a JSON.stringify several times slower among
    // them) never reach the thread that crawls and stores.
    expect('__core-js_shared__' in globalThis).toBe(false);
    expect(summary.articlePages).toBe(4);
    // The first article starts a cold reading thread: slow on a busy machine.
  }, 120_000);

  it('follows pagination up to maxPages and stops at a page of articles already stored', async () => {
    const pages: Record<string, { body: string }> = {};
    for (let n = 1; n <= 4; n++) {
      const links: [string, string, string][] = [1, 2].map((i) => [`/news/p${n}_${i}.html`, `第${n}页第${i}条`, `2026-02-${10 + n}`]);
      pages[`/news/${n === 1 ? 'index' : `index_${n}`}.html`] = { body: list(links) };
      for (const [href, t] of links) pages[href] = { body: article(t, LONG) };
    }
    const paged = await startSite(pages);
    try {
      const source = fixtureSource({
        list: { urls: [`${paged.url}/news/index.html`], item: 'ul.list li', date: 'span.date', pagePattern: 'index_{n}.html', maxPages: 4 },
        article: { body: '#zoom' },
      });
      const known = new Set([`${paged.url}/news/p2_1.html`, `${paged.url}/news/p2_2.html`]);
      const { summary, articles } = await crawlCollect(source, known);
      expect(articles.map((a) => new URL(a.url).pathname)).toEqual(['/news/p1_1.html', '/news/p1_2.html']);
      expect(summary.listPages).toBe(2);
      expect(summary.alreadySeen).toBe(2);
      expect(paged.hits.get('/news/index_3.html')).toBeUndefined();

      const limited = fixtureSource({ ...source, list: { ...source.list, maxPages: 3 } });
      const all = await crawlCollect(limited);
      expect(all.articles).toHaveLength(6);
      expect(paged.hits.get('/news/index_4.html')).toBeUndefined();
    } finally {
      await paged.close();
    }
  });

  it('reports a site it cannot reach as an error, not as a page robots.txt forbids', async () => {
    const gone = await startSite({});
    const url = gone.url;
    await gone.close();
    const source = fixtureSource({ list: { urls: [`${url}/news/index.html`], item: 'ul.list li' }, politeness: { retries: 0 } });
    const { summary, articles } = await crawlCollect(source);
    expect(articles).toEqual([]);
    expect(summary.robotsBlocked).toBe(0);
    expect(summary.errors).toEqual([
      { url, message: expect.stringMatching(/^robots\.txt could not be fetched: .*ECONNREFUSED.*; nothing is fetched from it until it can be read$/) },
    ]);
  });
});
