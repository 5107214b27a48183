import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlCollect, fixtureSource } from '../fixtures/crawl-helpers.ts';
import { html, startSite, type FixtureSite } from '../fixtures/http-site.ts';

const TEXT = '全市规模以上工业企业实现营业收入两千一百亿元，同比增长百分之八点四，利润总额增长百分之十点二。';

let site: FixtureSite;
// Loopback, but not the 127.0.0.1 the tests allow: the browser must not reach it either.
let secret: http.Server;
let secretUrl: string;
const secretHits: string[] = [];

beforeAll(async () => {
  secret = http.createServer((req, res) => {
    secretHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'access-control-allow-origin': '*' }).end(html('内部数据', `<h1>内部数据</h1><div id="zoom"><p>${TEXT}</p></div>`));
  });
  await new Promise<void>((resolve) => secret.listen(0, '127.0.0.2', resolve));
  secretUrl = `http://127.0.0.2:${(secret.address() as AddressInfo).port}`;
  site = await startSite({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
    // The entries exist only once the script has run, as on sites that build lists from JSON.
    '/list/index.html': {
      body: html(
        '通知公告',
        `<ul id="list"></ul><script>
          setTimeout(function () {
            var data = [["/art/r1.html", "一月工业经济运行简况", "2026-02-20"], ["/art/r2.html", "二月工业经济运行简况", "2026-03-20"]];
            document.getElementById('list').innerHTML = data.map(function (d) {
              return '<li><a href="' + d[0] + '">' + d[1] + '</a><span class="date">' + d[2] + '</span></li>';
            }).join('');
          }, 50);
        </script>`,
      ),
    },
    // Rendered: its script calls a refused address, and it links to one.
    '/inside/index.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        html(
          '通知公告',
          `<ul id="list"><li><a href="/art/r1.html">一月工业经济运行简况</a><span class="date">2026-02-20</span></li>
           <li><a href="${secretUrl}/art/secret.html">内部数据</a><span class="date">2026-02-21</span></li></ul>
           <script>fetch('${secretUrl}/beacon').catch(function () {});</script>`,
        ),
      );
    },
    '/art/r1.html': { body: html('一月工业经济运行简况', `<h1>一月工业经济运行简况</h1><div id="zoom"><p>${TEXT}</p></div>`) },
    '/art/r2.html': { body: html('二月工业经济运行简况', `<h1>二月工业经济运行简况</h1><div id="zoom"><p>${TEXT}</p></div>`) },
  });
});
afterAll(async () => {
  await site.close();
  await new Promise<void>((resolve) => secret.close(() => resolve()));
});

describe('script-rendered lists', () => {
  it('falls back from the static fetch to Chromium when the list selector finds nothing (rendering: auto)', async () => {
    const source = fixtureSource({
      rendering: 'auto',
      list: { urls: [`${site.url}/list/index.html`], item: '#list li', date: 'span.date' },
      article: { body: '#zoom' },
    });
    const { summary, articles } = await crawlCollect(source);
    expect(summary.errors).toEqual([]);
    expect(summary.warnings).toEqual([]);
    expect(summary.rendered).toBe(1);
    expect(articles.map((a) => [new URL(a.url).pathname, a.title, a.publishedAt])).toEqual([
      ['/art/r1.html', '一月工业经济运行简况', '2026-02-19T16:00:00.000Z'],
      ['/art/r2.html', '二月工业经济运行简况', '2026-03-19T16:00:00.000Z'],
    ]);
    // Once statically, once in the browser; the articles are plain pages, fetched once each.
    expect(site.hits.get('/list/index.html')).toBe(2);
    expect(site.hits.get('/art/r1.html')).toBe(1);
    // Chromium and an article thread both start cold: slow on a busy machine.
  }, 120_000);

  it('lets Chromium reach only allowed addresses: no script request, no article on a refused one', async () => {
    const source = fixtureSource({
      rendering: 'browser',
      list: { urls: [`${site.url}/inside/index.html`], item: '#list li', date: 'span.date' },
      article: { body: '#zoom' },
      politeness: { retries: 0 },
    });
    const { summary, articles } = await crawlCollect(source);
    expect(articles.map((a) => new URL(a.url).pathname)).toEqual(['/art/r1.html']);
    expect(summary.errors.map((e) => e.message).join('\n')).toContain('127.0.0.2 is a loopback address');
    expect(secretHits).toEqual([]);
  }, 120_000);
});
